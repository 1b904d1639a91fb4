/**
 * Which saved recipes an event starts, and with what trigger: each recipe whose `event` trigger matches
 * (connector, event and `filter`), and, for a mail that arrives, each `document` recipe once per
 * attachment whose type it accepts (its trigger is the attachment's `{name, type, text, pages?, problem?}`).
 */
import type { Recipe } from '../../recipe';
import { eventMatches } from '../../engine/trigger-output';
import { MAIL } from './mail';
import type { Attachment } from './mail-schemas';

export interface SavedRecipe {
  recipe: Recipe;
  version: number | null;
}

export interface JobToStart extends SavedRecipe {
  trigger: unknown;
}

/** `onProblem`: a recipe whose `filter` fails is left out (and named), the others still start. */
export async function jobsForEvent(
  recipes: SavedRecipe[],
  connector: string,
  event: string,
  payload: unknown,
  onProblem: (recipeId: string, message: string) => void = () => {}
): Promise<JobToStart[]> {
  const jobs: JobToStart[] = [];
  for (const saved of recipes) {
    const trigger = saved.recipe.trigger;
    if (trigger.kind === 'event') {
      try {
        if (await eventMatches(trigger, connector, event, payload)) jobs.push({ ...saved, trigger: payload });
      } catch (err) {
        onProblem(saved.recipe.id, `its trigger's filter failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    } else if (trigger.kind === 'document' && connector === MAIL && event === 'mail.received') {
      for (const file of attachmentsOf(payload)) {
        if (!trigger.accept || trigger.accept.some((type) => mediaMatches(type, file.type))) {
          jobs.push({ ...saved, trigger: documentOf(file) });
        }
      }
    }
  }
  return jobs;
}

/** A document trigger's output for an attachment: `{name, type, text}`, with `pages` and `problem` when known. */
function documentOf(file: Attachment) {
  return {
    name: file.name,
    type: file.type,
    text: file.text,
    ...(file.pages !== undefined ? { pages: file.pages } : {}),
    ...(file.problem ? { problem: file.problem } : {})
  };
}

function attachmentsOf(payload: unknown): Attachment[] {
  const list = (payload as { attachments?: unknown } | null)?.attachments;
  return Array.isArray(list) ? (list as Attachment[]) : [];
}

function mediaMatches(pattern: string, type: string): boolean {
  if (pattern === '*/*' || pattern === type) return true;
  return pattern.endsWith('/*') && type.startsWith(pattern.slice(0, -1));
}
