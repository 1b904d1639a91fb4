/**
 * "Test this step": run one action step of a recipe with the data before it, through the same interpreter
 * as a real run (JobRun: input templates, input checks, connection, retries, secret redaction), but over a
 * journal in memory, so no job is created and nothing is written to the store.
 *
 * How: the earlier steps' outputs become succeeded records of stand-in steps, which JobRun replays (never
 * runs) into `steps`; `vars` is replayed the same way through a stand-in `set` step; earlier `set` steps
 * with no output are evaluated (they change nothing); the tested step then runs for real after them, inside
 * a one-item loop when it sits in a loop.
 */
import type { ActionStep, Job, JobError, Recipe, Step, StepRecord, User } from '../recipe';
import { findStep } from '../recipe/edit';
import { JobCancel } from './job-cancel';
import { JobRun } from './job-run';
import { MemoryJournal } from './memory-journal';
import type { Clock, ConnectionSecrets, ConnectorLookup } from './ports';
import { systemClock } from './system-clock';

/** The data a step sees, as a run would give it: the trigger's output and the earlier steps' outputs. */
export interface StepTestData {
  trigger: unknown;
  steps: Record<string, unknown>;
  vars?: Record<string, unknown>;
  /**
   * The earlier steps in the order they run. Those in `steps` are replayed; an earlier `set` step not in
   * `steps` is evaluated here (it only computes values, so it changes nothing); any other is missing.
   * Without it, `steps` is replayed in its own order.
   */
  earlier?: string[];
  /** The tested step sits in a loop: the item it runs with, under the loop's `as` name. */
  loop?: { as: string; item: unknown };
}

export interface StepTestDeps {
  connectors: ConnectorLookup;
  secrets?: ConnectionSecrets;
  clock?: Clock;
  user: User;
  signal?: AbortSignal;
}

export type StepTestResult =
  | { ok: true; input: unknown; output: unknown; ms: number }
  | { ok: false; input?: unknown; error: JobError; ms: number };

/** The id of the stand-in step that carries `vars`; no recipe step can have it (ids do not start with `_`). */
const VARS_STEP = '__vars';
const LOOP_ITEMS = '__loop_items';
const LOOP_STEP = '__loop';

/** Whether a step can be tested on its own: an action (AI steps included: they are actions of `ai`). */
export function canTestStep(step: Step | undefined): step is ActionStep {
  return step?.kind === 'action';
}

export async function testStep(recipe: Recipe, stepId: string, data: StepTestData, deps: StepTestDeps): Promise<StepTestResult> {
  const clock = deps.clock ?? systemClock;
  const started = clock.now();
  const ms = () => clock.now().getTime() - started.getTime();
  const step = findStep(recipe, stepId)?.step;
  if (!canTestStep(step)) {
    return { ok: false, ms: 0, error: { message: `step "${stepId}" is not an action step, so it cannot be tested on its own`, step: stepId, code: 'not_testable' } };
  }
  const at = started.toISOString();
  const { steps, records } = standIns(recipe, stepId, data, at);
  const tested: ActionStep = { ...step, disabled: undefined };
  // In a loop: the step runs as the one iteration of a loop over the item it is tested with.
  const run: Step = data.loop ? { id: LOOP_STEP, kind: 'foreach', as: data.loop.as, items: `{{ steps.${LOOP_ITEMS} }}`, steps: [tested] } : tested;
  const job: Job = {
    id: `step-test-${started.getTime()}`,
    recipe_id: recipe.id,
    recipe_version: null,
    status: 'running',
    trigger: data.trigger,
    started_at: at,
    finished_at: null,
    steps: records,
    output: null,
    error: null,
    user: deps.user
  };
  const journal = new MemoryJournal();
  await journal.createJob(job);
  const alone: Recipe = { ...recipe, steps: [...steps, run] };
  const cancel = deps.signal ? JobCancel.following(deps.signal) : new JobCancel();
  const ended = await new JobRun(job, alone, { journal, connectors: deps.connectors, clock, secrets: deps.secrets, newId: () => crypto.randomUUID() }, cancel).execute();
  const record = ended.steps.find((r) => r.step_id === stepId);
  if (record?.status === 'succeeded') return { ok: true, input: record.input, output: record.output ?? null, ms: ms() };
  const error = record?.error ?? ended.error ?? { message: 'the step did not finish', step: stepId, code: 'internal' };
  return { ok: false, ...(record?.input !== undefined ? { input: record.input } : {}), error, ms: ms() };
}

/** The steps that run before the tested one, with the records that make JobRun replay them. */
function standIns(recipe: Recipe, stepId: string, data: StepTestData, at: string): { steps: Step[]; records: StepRecord[] } {
  const replayed = (id: string, kind: string, output: unknown): StepRecord => ({ step_id: id, path: id, kind, status: 'succeeded', attempt: 1, output, started_at: at, finished_at: at });
  const standIn = (id: string): Step => ({ id, kind: 'action', connector: '', action: '', input: {} });
  const steps: Step[] = [{ id: VARS_STEP, kind: 'set', values: {} }];
  const records = [replayed(VARS_STEP, 'set', data.vars ?? {})];
  for (const id of data.earlier ?? Object.keys(data.steps)) {
    if (id === stepId) continue;
    const earlier = findStep(recipe, id)?.step;
    if (Object.hasOwn(data.steps, id)) {
      steps.push(standIn(id));
      records.push(replayed(id, 'action', data.steps[id]));
    } else if (earlier?.kind === 'set') {
      steps.push({ ...earlier, disabled: undefined });
    }
  }
  if (data.loop) {
    steps.push(standIn(LOOP_ITEMS));
    records.push(replayed(LOOP_ITEMS, 'action', [data.loop.item]));
  }
  return { steps, records };
}
