/**
 * The conversation in basic mode over the dialogue corpus (src/lib/agents/corpus): how often the right
 * skill is chosen, how many conversations end exactly as expected, and how long one message takes
 * (real engine, in-memory sandbox apps seeded afresh per conversation). Cases with a scripted model client
 * are left out: they measure the script, not basic mode. The corpus was written beside the rules (a tuned
 * figure); the held-out set (template agents, never tuned on) is scored apart.
 */
import { CASES, type CorpusCase } from '../src/lib/agents/corpus/cases';
import { loadFixtures, type Workspace } from '../src/lib/agents/corpus/harness';
import { HELD_OUT } from '../src/lib/agents/corpus/held-out';
import { checkCase, corpusFigures, runCase, type CaseOutcome } from '../src/lib/agents/corpus/run-case';
import type { Figure } from './engine-bench';

async function score(label: string, workspace: Workspace, cases: CorpusCase[]): Promise<Figure[]> {
  const outcomes: CaseOutcome[] = [];
  for (const c of cases) outcomes.push(await runCase(workspace, c));
  const f = corpusFigures(cases, outcomes);
  const missed = cases
    .map((c, i) => ({ c, problems: checkCase(c, outcomes[i]) }))
    .filter((m) => m.problems.length > 0)
    .map((m) => `"${m.c.name}": ${m.problems[0]}`)
    .join(' | ');
  const pct = (n: number) => `${Math.round((100 * n) / f.cases)}%`;
  return [
    { name: `basic skill choice right (${label})`, value: f.chosen, unit: `of ${f.cases}`, detail: `${pct(f.chosen)} take up the expected skill (en and ko)` },
    { name: `basic conversations as expected (${label})`, value: f.completed, unit: `of ${f.cases}`, detail: `${pct(f.completed)}; ${missed || 'no misses'}` },
    { name: `per-turn time, median (${label})`, value: f.median * 1000, unit: 'µs', detail: `${f.turns} messages through say(), engine and sandbox included` },
    { name: `per-turn time, p95 (${label})`, value: f.p95 * 1000, unit: 'µs', detail: `${f.turns} messages` }
  ];
}

export async function agentsFigures(): Promise<Figure[]> {
  // One conversation first, untimed, so the times are of a warm process (JIT, JSONata, zod), as in the studio.
  await runCase(loadFixtures(), CASES[0]);
  return [
    ...(await score('corpus', loadFixtures(), CASES.filter((c) => !c.model))),
    ...(await score('held-out', loadFixtures(new URL('../src/lib/agents/templates/', import.meta.url)), HELD_OUT))
  ];
}
