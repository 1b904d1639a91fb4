/** What a step's node says: a title (its name, or what it does) and one line of detail. */
import type { Step, Trigger } from '../recipe';

const KIND_LABELS: Record<Step['kind'], string> = {
  action: 'Action',
  if: 'If',
  foreach: 'For each',
  try: 'Try',
  set: 'Set variables',
  approval: 'Approval',
  call: 'Call recipe',
  stop: 'Stop'
};

export function kindLabel(step: Step): string {
  return step.kind === 'action' ? `${step.connector} · ${step.action}` : KIND_LABELS[step.kind];
}

export function stepTitle(step: Step): string {
  return step.name?.trim() || step.id;
}

/** One line of what the step does, expressions shown without their braces. */
export function stepDetail(step: Step): string {
  switch (step.kind) {
    case 'action':
      return Object.entries(step.input).map(([k, v]) => `${k}: ${short(v)}`).join(', ') || 'no input yet';
    case 'if':
      return `when ${bare(step.condition)}`;
    case 'foreach':
      return `${step.as ?? 'item'} in ${bare(step.items)}`;
    case 'try':
      return 'on failure, run catch';
    case 'set':
      return Object.keys(step.values).join(', ') || 'no values yet';
    case 'approval':
      return step.message;
    case 'call':
      return `recipe ${step.recipe}`;
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
      return (trigger.input ?? []).map((f) => f.name).join(', ') || 'no input fields';
    case 'schedule':
      return trigger.every ? `every ${trigger.every}` : `cron ${trigger.cron}`;
    case 'event':
      return `${trigger.connector} · ${trigger.event}`;
    case 'document':
      return (trigger.accept ?? ['any document']).join(', ');
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
