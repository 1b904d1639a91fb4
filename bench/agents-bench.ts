/**
 * The conversation in basic mode over the dialogue corpus (src/lib/agents/corpus): how often the right
 * skill is chosen, how many conversations end exactly as expected, and how long one message takes
 * (real engine, in-memory sandbox apps seeded afresh per conversation). Cases with a scripted model client
 * are left out: they measure the script, not basic mode.
 */
import { CASES } from '../src/lib/agents/corpus/cases';
import { loadFixtures } from '../src/lib/agents/corpus/harness';
import { checkCase, corpusFigures, runCase, type CaseOutcome } from '../src/lib/agents/corpus/run-case';
import type { Figure } from './engine-bench';

export async function agentsFigures(): Promise<Figure[]> {
  const workspace = loadFixtures();
  const cases = CASES.filter((c) => !c.model);
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
    { name: 'basic skill choice right', value: f.chosen, unit: `of ${f.cases}`, detail: `${pct(f.chosen)} of the corpus conversations (en and ko) take up the expected skill` },
    { name: 'basic conversations completed as expected', value: f.completed, unit: `of ${f.cases}`, detail: `${pct(f.completed)}; ${missed || 'no misses'}` },
    { name: 'per-turn time, median', value: f.median * 1000, unit: 'µs', detail: `${f.turns} messages through say(), engine and sandbox included` },
    { name: 'per-turn time, p95', value: f.p95 * 1000, unit: 'µs', detail: `${f.turns} messages` }
  ];
}
