/**
 * The sandbox apps as the worker hosts them: their IndexedDB stores, the events they raise (each starts
 * a job of every started recipe whose trigger matches, on its active version), a mail arriving, and the
 * user jobs run as (the employee the person acts as on the HR page).
 */
import { jobsForEvent, type JobToStart, type SavedRecipe } from '../connectors/sandbox/dispatch';
import { userOf } from '../connectors/sandbox/hr-access';
import { RecordedEvents, receiveMail, textAttachmentReader, type AttachmentReader, type IncomingMail, type SandboxEvents } from '../connectors/sandbox';
import type { User } from '../recipe';
import { startedRecipes, type SousDb } from '../store';
import { dexieSandboxStores, getActingAs } from '../store/sandbox-apps';

/**
 * How many events in a row jobs may set off (a job's step makes a record whose event starts a job whose
 * step makes a record…). Deeper chains are cut off and reported, so two recipes cannot feed each other forever.
 */
export const MAX_EVENT_CHAIN = 5;

export interface SandboxHostDeps {
  db: SousDb;
  report: (problem: string) => void;
  /** Starts one job; answers its id. */
  start: (job: JobToStart) => Promise<string>;
  /** Reads attachments' text; text files only unless the studio wires in PDF and image readers. */
  reader?: AttachmentReader;
  /** The user when the person acts as nobody. */
  fallbackUser: User;
}

export function createSandboxHost(deps: SandboxHostDeps) {
  const { db, report } = deps;
  const stores = dexieSandboxStores(db);
  const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
  /** How deep in a chain of events each job started by an event is (kept while the worker lives). */
  const chain = new Map<string, number>();

  /** Only started recipes' triggers fire, each on its active version (a newer draft waits for "Start this version"). */
  function savedRecipes(): Promise<SavedRecipe[]> {
    return startedRecipes(db, ['event', 'document'], (recipeId, problem) => report(`recipe "${recipeId}" was left out of the event triggers: ${problem}`));
  }

  /** Start a job for each started recipe the event triggers; answers their ids. `cause`: the job that raised it. */
  async function raise(connector: string, event: string, payload: unknown, cause?: string): Promise<string[]> {
    const depth = cause === undefined ? 1 : (chain.get(cause) ?? 0) + 1;
    const jobs = await jobsForEvent(await savedRecipes(), connector, event, payload, (recipeId, problem) =>
      report(`recipe "${recipeId}" did not start on ${connector} ${event}: ${problem}`)
    );
    if (jobs.length > 0 && depth > MAX_EVENT_CHAIN) {
      report(
        `the ${connector} event ${event} started no jobs: it comes at the end of ${MAX_EVENT_CHAIN} events in a row set off by ` +
          `recipes (${jobs.map((j) => j.recipe.id).join(', ')}); do two recipes trigger each other?`
      );
      return [];
    }
    const ids: string[] = [];
    for (const job of jobs) {
      try {
        const id = await deps.start(job);
        chain.set(id, depth);
        ids.push(id);
      } catch (err) {
        report(`recipe "${job.recipe.id}" did not start on ${connector} ${event}: ${message(err)}`);
      }
    }
    return ids;
  }

  /** What the connectors raise inside a job: the new jobs start on their own, not inside the step. */
  const events: SandboxEvents = {
    raise(connector, event, payload, cause) {
      raise(connector, event, payload, cause).catch((err) => report(`the ${connector} event ${event} started no jobs: ${message(err)}`));
    }
  };

  return {
    stores,
    events,
    raise,

    /**
     * A mail arrives in the sandbox mailbox: store it, then start the recipes it triggers. `problems`: why
     * an attachment's text could not be read (the mail arrived all the same).
     */
    async receiveMail(incoming: IncomingMail): Promise<{ mailId: string; jobIds: string[]; problems: string[] }> {
      const raised = new RecordedEvents();
      const mail = await receiveMail({ store: stores.mail, events: raised, reader: deps.reader ?? textAttachmentReader }, incoming);
      const jobIds: string[] = [];
      for (const e of raised.raised) jobIds.push(...(await raise(e.connector, e.event, e.payload)));
      return { mailId: mail.id, jobIds, problems: mail.attachments.flatMap((a) => (a.problem ? [a.problem] : [])) };
    },

    /** The user a job started now runs as: the employee chosen on the HR page, else the local user. */
    async actingUser(): Promise<User> {
      const id = await getActingAs(db);
      const employee = id ? await stores.hr.get('employees', id) : undefined;
      return employee ? userOf(employee) : deps.fallbackUser;
    }
  };
}
