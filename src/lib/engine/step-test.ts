/**
 * "Test this step": run one action step of a recipe with the data before it, through the same interpreter
 * as a real run (JobRun: input templates, input checks, connection, retries, secret redaction), but over a
 * journal in memory, so no job is created and nothing is written to the store.
 *
 * How: the earlier steps' outputs become succeeded records of stand-in steps, which JobRun replays (never
 * runs) into `steps`; `vars` is replayed the same way through a stand-in `set` step; the tested step then
 * runs for real after them.
 */
import type { ActionStep, JobError, Recipe, Step, StepRecord, User } from '../recipe';
import { findStep } from '../recipe/edit';
import { JobRun } from './job-run';
import { MemoryJournal } from './memory-journal';
import type { Clock, ConnectionSecrets, ConnectorLookup } from './ports';
import { systemClock } from './system-clock';

/** The data a step sees, as a run would give it: the trigger's output and the earlier steps' outputs. */
export interface StepTestData {
  trigger: unknown;
  steps: Record<string, unknown>;
  vars?: Record<string, unknown>;
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
  const replayed = (id: string, kind: string, output: unknown): StepRecord => ({ step_id: id, path: id, kind, status: 'succeeded', attempt: 1, output, started_at: at, finished_at: at });
  const earlier = Object.entries(data.steps).filter(([id]) => id !== stepId);
  const standIns: Step[] = [
    { id: VARS_STEP, kind: 'set', values: {} },
    ...earlier.map(([id]): Step => ({ id, kind: 'action', connector: '', action: '', input: {} }))
  ];
  const records = [replayed(VARS_STEP, 'set', data.vars ?? {}), ...earlier.map(([id, output]) => replayed(id, 'action', output))];
  const tested: ActionStep = { ...step, disabled: undefined };
  const journal = new MemoryJournal();
  const job = {
    id: `step-test-${started.getTime()}`,
    recipe_id: recipe.id,
    recipe_version: null,
    status: 'running' as const,
    trigger: data.trigger,
    started_at: at,
    finished_at: null,
    steps: records,
    output: null,
    error: null,
    user: deps.user
  };
  await journal.createJob(job);
  const alone: Recipe = { ...recipe, steps: [...standIns, tested] };
  const signal = deps.signal ?? new AbortController().signal;
  const ended = await new JobRun(job, alone, { journal, connectors: deps.connectors, clock, secrets: deps.secrets, newId: () => crypto.randomUUID() }, signal).execute();
  const record = ended.steps.find((r) => r.path === stepId);
  if (record?.status === 'succeeded') return { ok: true, input: record.input, output: record.output ?? null, ms: ms() };
  const error = record?.error ?? ended.error ?? { message: 'the step did not finish', step: stepId, code: 'internal' };
  return { ok: false, ...(record?.input !== undefined ? { input: record.input } : {}), error, ms: ms() };
}
