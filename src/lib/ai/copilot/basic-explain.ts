/**
 * "Explain this recipe" without a model: the recipe read out step by step, from its structure alone.
 * Plain and literal; expressions are quoted as written, never interpreted.
 */
import type { Recipe, Step, Trigger } from '../../recipe';

export function explainRecipeBasic(recipe: Recipe): string[] {
  const lines = [`“${recipe.name}” starts ${triggerWords(recipe.trigger)}.`];
  if (recipe.steps.length === 0) lines.push('It has no steps yet.');
  steps(recipe.steps, 0, lines);
  return lines;
}

function triggerWords(t: Trigger): string {
  switch (t.kind) {
    case 'manual':
      return t.input?.length ? `when someone runs it with ${t.input.map((f) => f.name).join(', ')}` : 'when someone runs it';
    case 'schedule':
      return t.every ? `every ${t.every}` : `on the schedule ${t.cron}`;
    case 'event':
      return `when ${t.connector} says “${t.event}”${t.filter ? ` and ${t.filter}` : ''}`;
    case 'document':
      return 'when a document is dropped on it';
    case 'webhook':
      return `when a web request arrives at ${t.path}`;
    case 'callable':
      return 'when another recipe calls it';
    default: {
      const never: never = t;
      return String(never);
    }
  }
}

function steps(list: Step[], depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  for (const step of list) {
    const name = step.name ? ` (${step.name})` : '';
    const off = step.disabled ? ' [switched off]' : '';
    switch (step.kind) {
      case 'action':
        lines.push(`${pad}- ${step.id}${name}: ${step.connector} does “${step.action}”${off}.`);
        break;
      case 'if':
        lines.push(`${pad}- ${step.id}${name}: if ${step.condition}${off}, then:`);
        steps(step.then, depth + 1, lines);
        if (step.else?.length) {
          lines.push(`${pad}  otherwise:`);
          steps(step.else, depth + 1, lines);
        }
        break;
      case 'foreach':
        lines.push(`${pad}- ${step.id}${name}: for each of ${step.items}${off}:`);
        steps(step.steps, depth + 1, lines);
        break;
      case 'try':
        lines.push(`${pad}- ${step.id}${name}: tries${off}:`);
        steps(step.steps, depth + 1, lines);
        lines.push(`${pad}  and if that fails:`);
        steps(step.catch, depth + 1, lines);
        break;
      case 'set':
        lines.push(`${pad}- ${step.id}${name}: remembers ${Object.keys(step.values).join(', ')}${off}.`);
        break;
      case 'approval':
        lines.push(`${pad}- ${step.id}${name}: waits for someone to answer “${step.message}”${off}.`);
        break;
      case 'call':
        lines.push(`${pad}- ${step.id}${name}: runs the recipe “${step.recipe}”${off}.`);
        break;
      case 'stop':
        lines.push(`${pad}- ${step.id}${name}: stops with ${step.outcome}${step.message ? `: ${step.message}` : ''}${off}.`);
        break;
      default: {
        const never: never = step;
        lines.push(String(never));
      }
    }
  }
}
