/**
 * Basic mode of "explain this recipe": a plain-language walk over the trigger and the steps, one line
 * each, indented by nesting. No model; the model-backed explainer gives the same shape.
 */
import type { Recipe, Step } from '../../recipe/schema';
import { describeTrigger } from './draft-basic';

export interface Explanation {
  mode: 'basic' | 'model';
  /** A one-sentence overview. */
  summary: string;
  /** One line per step, with its depth for indentation. */
  lines: Array<{ depth: number; step: string | null; text: string }>;
}

/** `{{ steps.find-vendor.vendors[0].id }}` reads as "the vendor search's result" in prose: keep it short. */
function plain(text: string): string {
  return text.replace(/\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
    const step = /\bsteps\.`?([a-z0-9-]+)/.exec(expr);
    if (step) return `(from step "${step[1]}")`;
    const trig = /^trigger\.([\w.[\]]+)/.exec(expr);
    if (trig) return `(the trigger's ${trig[1]})`;
    return `(${expr.length > 40 ? 'a computed value' : expr})`;
  });
}

function describeStep(step: Step): string {
  const label = step.name ? `"${step.name}": ` : '';
  switch (step.kind) {
    case 'action': {
      const inputs = Object.entries(step.input ?? {})
        .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
        .slice(0, 3)
        .map(([k, v]) => `${k} ${plain(String(v))}`);
      return `${label}uses ${step.connector} to ${step.action.replace(/[._]/g, ' ')}${inputs.length ? `, with ${inputs.join('; ')}` : ''}${step.retry ? `, trying up to ${step.retry.attempts} times` : ''}.`;
    }
    case 'if':
      return `${label}checks whether ${plain(step.condition.includes('{{') ? step.condition : `{{ ${step.condition} }}`).replace(/^\(|\)$/g, '')}; if so, it runs the steps below${step.else?.length ? ', otherwise the ones under "otherwise"' : ''}.`;
    case 'foreach':
      return `${label}goes through each element of ${plain(step.items)}${step.as ? `, calling it "${step.as}"` : ''}, and for each one:`;
    case 'try':
      return `${label}runs the steps below, and if one fails, runs the steps under "if it fails".`;
    case 'set':
      return `${label}remembers ${Object.keys(step.values).join(', ')} for later steps.`;
    case 'approval':
      return `${label}asks ${step.assignee ?? 'someone'} to ${step.choices ? `choose ${step.choices.join(' or ')}` : 'approve or reject'} in the inbox${step.timeout ? ` (waiting at most ${step.timeout})` : ''}, and waits for the answer.`;
    case 'call':
      return `${label}runs the recipe "${step.recipe}" and waits for its result.`;
    case 'stop':
      return `${label}ends the job as a ${step.outcome}${step.message ? `, saying "${plain(step.message)}"` : ''}.`;
    default: {
      const never: never = step;
      throw new Error(`unknown step kind ${JSON.stringify(never)}`);
    }
  }
}

export function explainBasic(recipe: Recipe): Explanation {
  const lines: Explanation['lines'] = [{ depth: 0, step: null, text: `It starts ${describeTrigger(recipe.trigger)}.` }];
  const walk = (steps: Step[], depth: number) => {
    for (const step of steps) {
      lines.push({ depth, step: step.id, text: `${step.disabled ? '(Turned off) ' : ''}${describeStep(step)}` });
      if (step.kind === 'if') {
        walk(step.then, depth + 1);
        if (step.else?.length) {
          lines.push({ depth, step: null, text: 'Otherwise:' });
          walk(step.else, depth + 1);
        }
      } else if (step.kind === 'foreach') walk(step.steps, depth + 1);
      else if (step.kind === 'try') {
        walk(step.steps, depth + 1);
        lines.push({ depth, step: null, text: 'If it fails:' });
        walk(step.catch, depth + 1);
      }
    }
  };
  walk(recipe.steps, 0);
  const count = lines.filter((l) => l.step !== null).length;
  const summary = `"${recipe.name}" starts ${describeTrigger(recipe.trigger)} and has ${count} step${count === 1 ? '' : 's'}.${recipe.description ? ` Its description: ${recipe.description}` : ''}`;
  return { mode: 'basic', summary, lines };
}
