/**
 * Where "Test this step" gets its data in the studio: the recipe's jobs in the store (only the one chosen is
 * read in full) and, without one, the trigger's sample as Test run makes it (the sandbox app's latest record,
 * a tick for now…), put through the trigger's own check as a run would.
 */
import { studioCatalog } from '../../connectors/catalog';
import { actionEffect } from '../../connectors/effects';
import { triggerOutput } from '../../engine/trigger-output';
import type { ActionStep, Recipe } from '../../recipe';
import { jobsOfRecipe, readJob, type SousDb } from '../../store';
import { dexieSandboxStores } from '../../store/sandbox-apps';
import { sampleFor, sandboxLatestEvent } from '../../triggers/samples';
import { pickJob, stepData, type StepData } from './step-context';

/** How many of the recipe's newest jobs are looked through for one that succeeded. */
const JOBS_LOOKED_AT = 20;

export async function loadStepData(db: SousDb, recipe: Recipe, stepId: string): Promise<StepData> {
  const row = pickJob(await jobsOfRecipe(db, recipe.id, JOBS_LOOKED_AT));
  const job = row ? await readJob(db, row.id) : undefined;
  return stepData(recipe, stepId, job, async () => {
    const sample = await sampleFor(recipe.trigger, { connectors: studioCatalog(), latestEvent: sandboxLatestEvent(dexieSandboxStores(db)) });
    try {
      return triggerOutput(recipe.trigger, sample.value);
    } catch {
      // A sample the trigger refuses still shows what the step does with it; the run's own check is for runs.
      return sample.value;
    }
  });
}

/** Whether testing the step changes data (so the studio asks first); an unknown action counts as a change. */
export function stepWrites(step: ActionStep): boolean {
  const catalog = studioCatalog();
  const connectors = { has: (id: string) => catalog.hasConnector(id), action: (c: string, a: string) => catalog.action(c, a) };
  return actionEffect(connectors, step.connector, step.action, step.input) === 'write';
}
