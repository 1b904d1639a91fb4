/**
 * The data "Test this step" runs a step with: what a run would hand it. From the recipe's latest job (the
 * newest that succeeded, else the newest) when it has one: its trigger output and the outputs of the steps
 * before this one; else the trigger's sample, with the earlier steps missing. Pure, so the choice of job,
 * sample and what is missing is tested without a browser.
 */
import type { Job, Recipe, Step } from '../../recipe';
import { childLists } from '../../recipe';
import type { StepTestData } from '../../engine/step-test';

export type StepDataSource = { kind: 'job'; jobId: string; at: string; succeeded: boolean } | { kind: 'sample' };

export interface StepData {
  data: StepTestData;
  source: StepDataSource;
  /** The steps before this one that the data has no output of (not run in that job, or no job at all). */
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
  for (const step of earlierSteps(recipe, stepId)) {
    const { found, output } = outputIn(job, step.id);
    if (!found) {
      missing.push(step.id);
      continue;
    }
    steps[step.id] = output;
    if (step.kind === 'set' && output && typeof output === 'object') Object.assign(vars, output);
  }
  return {
    data: { trigger: job.trigger, steps, vars },
    source: { kind: 'job', jobId: job.id, at: job.started_at, succeeded: job.status === 'succeeded' },
    missing
  };
}

/** No job yet: the trigger's sample (already as the trigger gives it), and every earlier step missing. */
export function stepDataFromSample(recipe: Recipe, stepId: string, trigger: unknown): StepData {
  return { data: { trigger, steps: {}, vars: {} }, source: { kind: 'sample' }, missing: earlierSteps(recipe, stepId).map((s) => s.id) };
}

/** The data for a test of `stepId`: from `job` (see pickJob) when there is one, else from the trigger's sample. */
export async function stepData(recipe: Recipe, stepId: string, job: Job | undefined, sample: () => Promise<unknown>): Promise<StepData> {
  return job ? stepDataFromJob(recipe, stepId, job) : stepDataFromSample(recipe, stepId, await sample());
}
