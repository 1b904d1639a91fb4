/**
 * `sous chat` without `--json`: the conversation as a person reads it. The person is "You", an agent
 * speaks by its name; a card's contents follow as indented lines.
 */
import type { Agent } from '../src/lib/agents/format';
import type { Card, Turn } from '../src/lib/agents/turn';
import type { Job } from '../src/lib/recipe';

export function transcript(turns: readonly Turn[], agents: ReadonlyMap<string, Agent>, jobs: readonly Job[]): string[] {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const lines: string[] = [];
  for (const turn of turns) {
    if (turn.role === 'user') {
      lines.push(`You: ${turn.text}`);
      continue;
    }
    lines.push(`${agents.get(turn.agent)?.name ?? turn.agent}: ${turn.text}`);
    if (turn.card) lines.push(...cardLines(turn.card, turn.text));
    const job = turn.job ? byId.get(turn.job) : undefined;
    if (job && !turn.card) lines.push(`    (job ${job.id}: ${job.status})`);
  }
  return lines;
}

/** The card's contents, less what the turn's text already says (an approval's message and choices). */
function cardLines(card: Card, said: string): string[] {
  switch (card.kind) {
    case 'confirm':
      return Object.entries(card.values ?? {}).map(([name, value]) => `    ${name}: ${show(value)}`);
    case 'approval':
      return [
        ...(card.message && !said.includes(card.message) ? [`    ${card.message}`] : []),
        ...(card.choices?.length && !card.choices.every((c) => said.includes(c)) ? [`    [${card.choices.join(' / ')}]`] : []),
        ...(card.job ? [`    (job ${card.job}${card.step ? `, step ${card.step}` : ''})`] : [])
      ];
    case 'choice':
      return (card.options ?? []).map((option, i) => `    ${i + 1}. ${option.label}`);
    default:
      return [];
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
