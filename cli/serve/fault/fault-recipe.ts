/**
 * For the fault-injection test (not shipped): the recipe every job runs, ten HTTP calls to a local server
 * that counts them by job and step. Reads and idempotent writes mixed with writes that are not idempotent.
 */
import { parseRecipe, type Recipe } from '../../../src/lib/recipe';

export const METHODS = ['GET', 'POST', 'PUT', 'POST', 'GET', 'DELETE', 'POST', 'GET', 'PUT', 'POST'] as const;
export const STEP_IDS = METHODS.map((_, i) => `s${i}`);
/** POST is the only method here whose repeat is not harmless (RFC 9110 §9.2). */
export const repeatable = (method: string) => method !== 'POST';

export function faultRecipe(port: number): Recipe {
  const steps = METHODS.map((method, i) => ({
    id: STEP_IDS[i],
    kind: 'action',
    connector: 'http',
    action: 'request',
    input: { method, url: `http://127.0.0.1:${port}/c/{{ trigger.job }}/${STEP_IDS[i]}` }
  }));
  const parsed = parseRecipe({
    format: 'sous.recipe/v1',
    id: 'fault',
    name: 'fault',
    trigger: { kind: 'manual', input: [{ name: 'job', type: 'text', required: true }] },
    steps
  });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return parsed.recipe;
}

export const jobIds = (count: number) => Array.from({ length: count }, (_, i) => `job-${String(i).padStart(4, '0')}`);

/** What the test sends the child: answers to uncertain steps. */
export interface AnswerMessage {
  kind: 'answers';
  answers: Array<{ job: string; path: string; choice: 'continue' | 'rerun' | 'stop'; output?: unknown }>;
}

/** What the child sends: ready (journal open), then idle (nothing left to run but the uncertain steps it lists). */
export type ChildMessage = { kind: 'ready' } | { kind: 'idle'; uncertain: Array<{ job: string; path: string }>; open: number };
