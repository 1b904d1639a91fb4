/**
 * Polled API events in the worker, where the connectors, the connections' secrets and the proxy are: one
 * poll of a started event recipe's connector event (src/lib/triggers/poll/ does the poll itself). The
 * page's poller (triggers/poll/studio-poller.ts) calls it on the event's interval, from one tab.
 */
import type { PollDef } from '../connectors/sdk';
import type { ConnectionSecrets } from '../engine/ports';
import { redactDeep, redactText } from '../engine/redact';
import type { Recipe } from '../recipe';
import { getRecipe, getRecipeState, type SousDb } from '../store';
import { guardWrite } from '../store/storage-errors';
import { pollEveryMs, pollOnce, type EventTrigger, type PollCursor, type PollCursorStore, type PolledJob } from '../triggers/poll';
import type { AcceptResult, TriggerEvent } from '../triggers/queue/types';
import type { EngineHost } from './host';

/** What one poll did: the jobs it started (one per new item), and why it could not poll, if so. */
export interface PollOutcome {
  started: string[];
  problem?: string;
  /** When to poll again, in ms; absent when the recipe has nothing to poll (stopped, or not a polled event). */
  every_ms?: number;
}

export interface PollHostDeps {
  db: SousDb;
  host: Pick<EngineHost, 'startTriggered' | 'connectors'>;
  /** Unused: a poll's problems are answered in its outcome, so the page can say each one once. */
  report: (problem: string) => void;
  /** The trigger connection's secrets (the vault); without it, a trigger naming a connection cannot poll. */
  secrets?: ConnectionSecrets;
  now?: () => Date;
  /** How long one poll may wait for the API. */
  timeoutMs?: number;
  /**
   * Where a new item's job is queued: the worker's trigger queue (durable, one job per recipe at a time,
   * as for webhooks and schedules), under the poll's job id as event id. Without it, jobs start at once.
   */
  accept?: (event: TriggerEvent) => Promise<AcceptResult>;
}

/** `db.poll_cursors` as the poll's cursor store. */
export function dexieCursorStore(db: SousDb): PollCursorStore {
  return {
    get: (key) => db.poll_cursors.get(key),
    put: async (cursor) => {
      await guardWrite('the list of items already seen', () => db.poll_cursors.put(cursor));
    }
  };
}

type Opened = { values?: Record<string, string>; problem?: string };

export function createPollHost(deps: PollHostDeps) {
  const { db, host } = deps;
  const store = dexieCursorStore(db);
  const now = deps.now ?? (() => new Date());

  /** The trigger's connection, opened: its plain and secret fields (as a step's connection is). */
  async function openConnection(recipe: Recipe, trigger: EventTrigger): Promise<Opened> {
    const ref = trigger.connection;
    if (!ref) return {};
    const declared = recipe.connections?.[ref];
    if (!declared) return { problem: `the recipe has no connection named "${ref}"` };
    if (declared.connector !== trigger.connector) return { problem: `connection "${ref}" is for ${declared.connector}, not ${trigger.connector}` };
    try {
      const values = await deps.secrets?.resolve(ref, trigger.connector, recipe.id);
      return values ? { values } : { problem: `connection "${ref}" is not set up on this machine: set it up on the Connections page` };
    } catch (err) {
      return { problem: `connection "${ref}": ${err instanceof Error ? err.message : String(err)}` };
    }
  }

  /**
   * A stopped recipe's cursors remember when it was seen stopped, so that its next start primes afresh
   * and the items that came while it was stopped start no job (the page's poller asks when it sees a Stop).
   */
  async function markPaused(recipeId: string, at: string): Promise<void> {
    await guardWrite('the list of items already seen', () =>
      db.poll_cursors
        .where('key')
        .startsWith(`${recipeId} `)
        .modify((row: PollCursor) => {
          row.paused_at ??= at;
        })
    );
  }

  /** Queue (or start) one item's job; answers its id. A queue that cannot take it leaves the item unseen. */
  async function start(job: PolledJob): Promise<string> {
    if (!deps.accept) return (await host.startTriggered(job)).jobId;
    const result = await deps.accept({ event_id: job.jobId, recipe_id: job.recipe.id, kind: 'event', payload: job.trigger });
    if (result.status === 'accepted' || result.status === 'duplicate') return job.jobId;
    throw new Error('message' in result ? result.message : `the trigger queue answered ${result.status}`);
  }

  /** The connection's secret fields, and its plain values (a user name) that pair with one as basic auth does. */
  function secretsOf(recipe: Recipe, connection: Record<string, string> | undefined) {
    const open = new Set(host.connectors.publicFields(recipe.trigger.kind === 'event' ? recipe.trigger.connector : ''));
    const entries = Object.entries(connection ?? {});
    return { secret: Object.fromEntries(entries.filter(([name]) => !open.has(name))), publicValues: entries.filter(([name]) => open.has(name)).map(([, v]) => v) };
  }

  /** A problem as the person reads it: which recipe, and no secret of its connection. */
  function said(recipe: Recipe, problem: string, connection: Record<string, string> | undefined): string {
    const { secret, publicValues } = secretsOf(recipe, connection);
    return redactText(`recipe "${recipe.name}" did not check for new items: ${problem}`, secret, publicValues);
  }

  /**
   * The poll with its items' echoes of the connection's secrets blanked, as a step's output is: an item
   * becomes a job's trigger data, which the job page shows and exports carry.
   */
  function redacting(recipe: Recipe, poll: PollDef, connection: Record<string, string> | undefined): PollDef {
    const { secret, publicValues } = secretsOf(recipe, connection);
    if (Object.keys(secret).length === 0) return poll;
    return {
      ...poll,
      list: async (ctx) => {
        const items = await poll.list(ctx);
        return Array.isArray(items) ? items.map((item) => redactDeep(item, secret, publicValues)) : items;
      }
    };
  }

  return {
    /** Poll a started event recipe's API once, on its active version; a job per new item. */
    async pollEvents(recipeId: string): Promise<PollOutcome> {
      const state = await getRecipeState(db, recipeId);
      if (state?.state !== 'started' || state.active_version === null) {
        await markPaused(recipeId, state?.changed_at ?? now().toISOString());
        return { started: [] };
      }
      const saved = await getRecipe(db, recipeId, state.active_version);
      if (!saved) return { started: [], problem: `recipe "${recipeId}" did not check for new items: its active version ${state.active_version} is not there` };
      const { recipe, version } = saved;
      const trigger = recipe.trigger;
      if (trigger.kind !== 'event') return { started: [] };
      await host.connectors.sync();
      const poll = host.connectors.get(trigger.connector)?.events?.[trigger.event]?.poll;
      // A sandbox app's event is pushed, not polled; an unknown one is the lint's to name.
      if (!poll) return { started: [] };
      const every_ms = pollEveryMs(poll);
      const connection = await openConnection(recipe, trigger);
      if (connection.problem) return { started: [], every_ms, problem: said(recipe, connection.problem, undefined) };
      try {
        const result = await pollOnce({
          recipe,
          version,
          trigger,
          poll: redacting(recipe, poll, connection.values),
          connection: connection.values,
          store,
          now: now(),
          startedAt: state.changed_at,
          signal: AbortSignal.timeout(deps.timeoutMs ?? 60_000),
          start
        });
        return { started: result.started, every_ms, ...(result.problem ? { problem: said(recipe, result.problem, connection.values) } : {}) };
      } catch (err) {
        // The cursor could not be read or written (e.g. the disk is full): nothing was marked seen.
        return { started: [], every_ms, problem: said(recipe, err instanceof Error ? err.message : String(err), connection.values) };
      }
    }
  };
}
