/**
 * The data "Test this step" runs a step with: what a run would hand it. From the recipe's latest job (the
 * newest that succeeded, else the newest) when it has one: its trigger output and the outputs of the steps
 * before this one; else the trigger's sample, with the earlier steps missing. Pure, so the choice of job,
 * sample and what is missing is tested without a browser.
 */
import type { Job, Recipe, Step } from '../../recipe';
import { childLists } from '../../recipe';
import { findStep } from '../../recipe/edit';
import type { StepTestData } from '../../engine/step-test';

export type StepDataSource = { kind: 'job'; jobId: string; at: string; succeeded: boolean } | { kind: 'sample' };

export interface StepData {
  data: StepTestData;
  source: StepDataSource;
  /** The steps before this one that the data has no output of (not run in that job, or no job at all); set
   * steps are never missing: the test evaluates them. */
  missing: string[];
}

/** The job to take data from: the newest that succeeded, else the newest that ran at all. `jobs`: newest first. */
export function pickJob<J extends Pick<Job, 'status'>>(jobs: readonly J[]): J | undefined {
  return jobs.find((j) => j.status === 'succeeded') ?? jobs.find((j) => j.status !== 'queued');
}

/**
 * The steps that run before `stepId` and whose outputs it can read, in the order they run, as a job's scopes
 * give them: earlier steps of its list and of the lists around it, and what ran inside an earlier if or try
 * (they share the scope), but not inside an earlier loop (each iteration has its own) nor the containers it
 * sits in (their output comes after it). Disabled steps give nothing.
 */
export function earlierSteps(recipe: Recipe, stepId: string): Step[] {
  const before: Step[] = [];
  const contains = (step: Step): boolean => childLists(step).some(([, list]) => list.some((s) => s.id === stepId || contains(s)));
  /** Walk a list up to the target; answers whether the target was reached. */
  const walk = (list: Step[], visible: boolean): boolean => {
    for (const step of list) {
      if (step.id === stepId) return true;
      if (step.disabled) continue;
      const holds = contains(step);
      if (!holds && visible) before.push(step);
      // An earlier loop's body is its own scope: nothing in it is seen after it.
      const inner = holds || (visible && step.kind !== 'foreach');
      for (const [, child] of childLists(step)) if (walk(child, inner) && holds) return true;
    }
    return false;
  };
  walk(recipe.steps, true);
  return before;
}

/** A step's output in a job: its top-level record's, else its last succeeded iteration's. */
function outputIn(job: Job, stepId: string): { found: boolean; output?: unknown } {
  const records = job.steps.filter((r) => r.step_id === stepId && r.status === 'succeeded');
  const record = records.find((r) => r.path === stepId) ?? records.at(-1);
  return record ? { found: true, output: record.output ?? null } : { found: false };
}

export function stepDataFromJob(recipe: Recipe, stepId: string, job: Job): StepData {
  const steps: Record<string, unknown> = {};
  const vars: Record<string, unknown> = {};
  const missing: string[] = [];
  const earlier = earlierSteps(recipe, stepId);
  for (const step of earlier) {
    const { found, output } = outputIn(job, step.id);
    if (!found) {
      // A set step only computes values: the test evaluates it (see engine/step-test), so it is not missing.
      if (step.kind !== 'set') missing.push(step.id);
      continue;
    }
    steps[step.id] = output;
    if (step.kind === 'set' && output && typeof output === 'object') Object.assign(vars, output);
  }
  const loop = loopItem(recipe, stepId, job);
  return {
    data: { trigger: job.trigger, steps, vars, earlier: earlier.map((s) => s.id), ...(loop ? { loop } : {}) },
    source: { kind: 'job', jobId: job.id, at: job.started_at, succeeded: job.status === 'succeeded' },
    missing
  };
}

/** For a step in a loop: the loop's first item in the job, under the loop's `as` name. */
export function loopItem(recipe: Recipe, stepId: string, job: Job): { as: string; item: unknown } | undefined {
  let at = findStep(recipe, stepId)?.location.parent ?? null;
  while (at !== null) {
    const container = findStep(recipe, at);
    if (container?.step.kind === 'foreach') {
      const items = job.steps.map((r) => (r.step_id === at ? (r.input as { items?: unknown } | undefined)?.items : undefined)).find((i) => Array.isArray(i) && i.length > 0);
      return Array.isArray(items) ? { as: container.step.as ?? 'item', item: items[0] } : undefined;
    }
    at = container?.location.parent ?? null;
  }
  return undefined;
}

/** No job yet: the trigger's sample (already as the trigger gives it), and every earlier step missing. */
export function stepDataFromSample(recipe: Recipe, stepId: string, trigger: unknown): StepData {
  const earlier = earlierSteps(recipe, stepId);
  return {
    data: { trigger, steps: {}, vars: {}, earlier: earlier.map((s) => s.id) },
    source: { kind: 'sample' },
    missing: earlier.filter((s) => s.kind !== 'set').map((s) => s.id)
  };
}

/** The data for a test of `stepId`: from `job` (see pickJob) when there is one, else from the trigger's sample. */
export async function stepData(recipe: Recipe, stepId: string, job: Job | undefined, sample: () => Promise<unknown>): Promise<StepData> {
  return job ? stepDataFromJob(recipe, stepId, job) : stepDataFromSample(recipe, stepId, await sample());
}
