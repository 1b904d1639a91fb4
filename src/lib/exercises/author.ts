/**
 * A trainer writes an exercise's tests by running them against a model answer: each test's job runs once
 * in the world the pack describes, as a check runs it, and what it did becomes the test's `expect` (its
 * status, every message in order with its exact text, the failed step, a callable recipe's output). So a
 * recorded test passes against the model answer by construction; the trainer may loosen a message to a
 * part of its text, which still passes.
 */
import type { ChatMessage } from '../connectors/chat';
import { allSteps, type Job, type Recipe } from '../recipe';
import type { Pack } from '../packs/parse';
import { recipePolicyProblems } from '../policy';
import { runTestJob, type CheckOptions } from './run';
import type { Expect, ExpectedChat, ExerciseTest } from './schema';

/** What the trainer gives for one test: its name, the trigger's output, the approval answers. */
export interface TestDraft {
  name: string;
  input?: unknown;
  answers?: Record<string, string>;
}

export type RecordedTest =
  | { ok: true; test: ExerciseTest; job: Job; messages: ChatMessage[] }
  /** `step`: the approval step the job waited at, when it needed an answer it was not given. */
  | { ok: false; name: string; reason: string; step?: string };

/** The approval steps of a recipe, in file order (a test gives each one an answer ahead of time). */
export function approvalSteps(recipe: Recipe): { id: string; choices: string[] }[] {
  return [...allSteps(recipe.steps)].flatMap((s) => (s.kind === 'approval' ? [{ id: s.id, choices: s.choices ?? ['approve', 'reject'] }] : []));
}

/** Runs one test against the model answer and writes what it did as the test's `expect`. */
export async function recordTest(model: Recipe, draft: TestDraft, pack: Pack, options: CheckOptions = {}): Promise<RecordedTest> {
  const name = draft.name.trim();
  if (!name) return { ok: false, name, reason: 'a test needs a name' };
  const broken = pack.policy ? recipePolicyProblems(model, pack.policy) : [];
  if (broken.length > 0) return { ok: false, name, reason: broken[0].message };
  const answers = draft.answers && Object.keys(draft.answers).length > 0 ? { ...draft.answers } : undefined;
  const ran = await runTestJob(model, { input: draft.input, answers }, pack, options);
  if (!ran.ok) return { ok: false, name, reason: ran.reason };
  if (ran.timedOut) return { ok: false, name, reason: ran.reason };
  const { job, messages } = ran;
  if (job.status === 'waiting') {
    const waiting = job.steps.find((s) => s.status === 'waiting');
    const step = waiting?.step_id;
    return { ok: false, name, step, reason: `the job waits for an answer to the approval step "${step ?? '?'}": choose one for this test` };
  }
  if (job.status !== 'succeeded' && job.status !== 'failed') return { ok: false, name, reason: `the job ended ${job.status}` };
  const test: ExerciseTest = { name, ...(draft.input !== undefined ? { input: draft.input } : {}), ...(answers ? { answers } : {}), expect: expectFrom(model, job, messages) };
  return { ok: true, test, job, messages };
}

/** What the job did, as a test expects it. */
export function expectFrom(model: Recipe, job: Job, messages: readonly ChatMessage[]): Expect {
  const expect: Expect = { status: job.status };
  if (job.status === 'failed' && job.error?.step) expect.error_step = job.error.step;
  if (model.trigger.kind === 'callable' && job.status === 'succeeded' && job.output !== undefined) expect.output = job.output;
  expect.chat = messages.map((m) => ({ channel: m.channel, text: m.text }));
  return expect;
}

/**
 * A recorded message loosened to a part of its text, or back to the exact text (`part` undefined). The
 * part must be in the text that was posted, so the test still passes against the model answer.
 */
export function loosenMessage(recorded: ExpectedChat, posted: string, part: string | undefined): ExpectedChat {
  const channel = recorded.channel !== undefined ? { channel: recorded.channel } : {};
  if (part === undefined) return { ...channel, text: posted };
  if (part.length === 0) throw new Error('the part of the text is empty: write some of the message, or keep the whole text');
  if (!posted.includes(part)) throw new Error(`"${part}" is not part of the message "${posted}"`);
  return { ...channel, text_contains: part };
}

/** Every draft recorded in order; the exercise's tests only when all of them recorded. */
export async function recordTests(model: Recipe, drafts: readonly TestDraft[], pack: Pack, options: CheckOptions = {}): Promise<RecordedTest[]> {
  const recorded: RecordedTest[] = [];
  for (const draft of drafts) recorded.push(await recordTest(model, draft, pack, options));
  const seen = new Set<string>();
  return recorded.map((r) => {
    const name = r.ok ? r.test.name : r.name;
    if (name && seen.has(name)) return { ok: false, name, reason: `another test is called "${name}": each test needs its own name` };
    seen.add(name);
    return r;
  });
}
