/** Running one corpus case and checking what came of it; shared by corpus.test.ts and the bench. */
import { ScriptedModelClient } from '../../ai/scripted-model-client';
import type { Job } from '../../recipe';
import { createModelChooser } from '../choosers';
import { newConversation, say, type ConversationState } from '../conversation';
import type { AgentTurn, Turn } from '../turn';
import type { CorpusCase } from './cases';
import { sandboxSession, TOM, type Workspace } from './harness';

export interface CaseOutcome {
  turns: Turn[];
  state: ConversationState;
  jobs: Job[];
  /** Milliseconds each `say` took. */
  times: number[];
  skill: string | null;
  asks: string[];
  cards: string[];
  handsTo: string[];
  /** The job the conversation started last. */
  job: Job | undefined;
}

export async function runCase(workspace: Workspace, c: CorpusCase): Promise<CaseOutcome> {
  // A scripted model client stands in for the model's weights.
  const chooser = c.model ? createModelChooser(new ScriptedModelClient(c.model)) : undefined;
  const user = c.user ? { id: c.user, name: c.user, roles: [] } : TOM;
  const session = sandboxSession(workspace, { chooser, user });
  let state = newConversation(c.agent);
  const turns: Turn[] = [];
  const times: number[] = [];
  for (const text of c.says) {
    const started = performance.now();
    const result = await say(state, text, session.ports);
    times.push(performance.now() - started);
    state = result.state;
    turns.push(...result.turns);
  }
  const agentTurns = turns.filter((t): t is AgentTurn => t.role === 'agent');
  const jobs = await session.jobs();
  const lastId = state.jobs[state.jobs.length - 1];
  return {
    turns,
    state,
    jobs,
    times,
    skill: agentTurns.find((t) => t.skill)?.skill ?? null,
    asks: agentTurns.flatMap((t) => (t.asks ? [t.asks] : [])),
    cards: agentTurns.flatMap((t) => (t.card ? [t.card.kind] : [])),
    handsTo: agentTurns.flatMap((t) => (t.hands_to ? [t.hands_to] : [])),
    job: jobs.find((j) => j.id === lastId)
  };
}

/** Every way the outcome differs from what the case expects (empty: it passed). */
export function checkCase(c: CorpusCase, o: CaseOutcome): string[] {
  const problems: string[] = [];
  const e = c.expect;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (o.skill !== e.skill) problems.push(`skill: ${o.skill} (expected ${e.skill})`);
  if (e.asks && !same(o.asks, e.asks)) problems.push(`asks: ${JSON.stringify(o.asks)} (expected ${JSON.stringify(e.asks)})`);
  if (e.cards && !same(o.cards, e.cards)) problems.push(`cards: ${JSON.stringify(o.cards)} (expected ${JSON.stringify(e.cards)})`);
  if (e.handsTo && !same(o.handsTo, e.handsTo)) problems.push(`hands_to: ${JSON.stringify(o.handsTo)} (expected ${JSON.stringify(e.handsTo)})`);
  problems.push(...checkJob(e.job, o.job));
  for (const child of e.children ?? []) {
    const found = o.jobs.find((j) => j.recipe_id === child.recipe && j.parent_job);
    if (!found || found.agent !== child.agent || (found.handed_by ?? null) !== child.handed_by) {
      problems.push(`child ${child.recipe}: ${found ? `agent ${found.agent}, handed_by ${found.handed_by}` : 'none'} (expected ${child.agent} by ${child.handed_by})`);
    }
  }
  const texts = o.turns.filter((t) => t.role === 'agent').map((t) => t.text);
  let from = 0;
  for (const pattern of e.says ?? []) {
    const at = texts.findIndex((t, i) => i >= from && pattern.test(t));
    if (at < 0) problems.push(`no agent turn matches ${pattern}`);
    else from = at;
  }
  return problems;
}

function checkJob(expected: CorpusCase['expect']['job'], job: Job | undefined): string[] {
  if (expected === undefined) return [];
  if (expected === null) return job ? [`a job ran (${job.recipe_id}, ${job.status}); expected none`] : [];
  if (!job) return [`no job ran (expected ${expected.recipe} ${expected.status})`];
  const problems: string[] = [];
  if (job.recipe_id !== expected.recipe) problems.push(`job recipe ${job.recipe_id} (expected ${expected.recipe})`);
  if (job.status !== expected.status) problems.push(`job ${job.status} (expected ${expected.status}): ${job.error?.message ?? ''}`);
  if (expected.agent && job.agent !== expected.agent) problems.push(`job agent ${job.agent} (expected ${expected.agent})`);
  if (expected.handed_by !== undefined && (job.handed_by ?? null) !== expected.handed_by) problems.push(`job handed_by ${job.handed_by} (expected ${expected.handed_by})`);
  if (expected.trigger && JSON.stringify(job.trigger) !== JSON.stringify(expected.trigger)) {
    problems.push(`job trigger ${JSON.stringify(job.trigger)} (expected ${JSON.stringify(expected.trigger)})`);
  }
  return problems;
}

/** The figures the bench prints: skill-choice accuracy, completion rate, per-turn time. */
export function corpusFigures(cases: CorpusCase[], outcomes: CaseOutcome[]) {
  const chosen = cases.filter((c, i) => outcomes[i].skill === c.expect.skill).length;
  const completed = cases.filter((c, i) => checkCase(c, outcomes[i]).length === 0).length;
  const times = outcomes.flatMap((o) => o.times).sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { cases: cases.length, chosen, completed, turns: times.length, median: at(0.5), p95: at(0.95) };
}
