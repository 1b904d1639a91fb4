/** What a step's node says: a title (its name, or what it does) and one line of detail. */
import type { Step, Trigger } from '../recipe';
import { t } from '../i18n';

/** A control step's kind in the studio's language (an action says its connector and action instead). */
export function kindName(kind: Step['kind']): string {
  return t(`editor:kinds.${kind}`);
}

export function kindLabel(step: Step): string {
  return step.kind === 'action' ? `${step.connector} · ${step.action}` : kindName(step.kind);
}

export function stepTitle(step: Step): string {
  return step.name?.trim() || step.id;
}

/** One line of what the step does, expressions shown without their braces. */
export function stepDetail(step: Step): string {
  switch (step.kind) {
    case 'action':
      return Object.entries(step.input).map(([k, v]) => `${k}: ${short(v)}`).join(', ') || t('editor:detail.noInput');
    case 'if':
      return t('editor:detail.when', { condition: bare(step.condition) });
    case 'foreach':
      return t('editor:detail.each', { as: step.as ?? t('editor:detail.item'), items: bare(step.items) });
    case 'try':
      return t('editor:detail.onFailure');
    case 'set':
      return Object.keys(step.values).join(', ') || t('editor:detail.noValues');
    case 'approval':
      return step.message;
    case 'call':
      return t('editor:detail.recipe', { id: step.recipe });
    case 'stop':
      return `${step.outcome}${step.message ? `: ${step.message}` : ''}`;
    default: {
      const never: never = step;
      throw new Error(`unknown step kind ${JSON.stringify(never)}`);
    }
  }
}

export function triggerDetail(trigger: Trigger): string {
  switch (trigger.kind) {
    case 'manual':
    case 'callable':
      return (trigger.input ?? []).map((f) => f.name).join(', ') || t('editor:detail.noFields');
    case 'schedule':
      return trigger.every ? t('editor:detail.every', { every: trigger.every }) : t('editor:detail.cron', { cron: trigger.cron ?? '' });
    case 'event':
      return `${trigger.connector} · ${trigger.event}`;
    case 'document':
      return (trigger.accept ?? [t('editor:detail.anyDocument')]).join(', ');
    case 'webhook':
      return `POST /${trigger.path}`;
    default: {
      const never: never = trigger;
      throw new Error(`unknown trigger kind ${JSON.stringify(never)}`);
    }
  }
}

function bare(expr: string): string {
  const m = /^\s*\{\{([\s\S]*)\}\}\s*$/.exec(expr);
  return (m ? m[1] : expr).trim();
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? bare(value) : JSON.stringify(value);
  return text.length > 28 ? `${text.slice(0, 27)}…` : text;
}
