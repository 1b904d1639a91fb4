/**
 * One poll of a started recipe's polled event: list the items, start one job for each item not seen
 * before (in the list's order) whose trigger filter holds, and remember what was seen. Pure: the list,
 * the cursor store and the job starter are passed in, so the worker and the tests drive the same code.
 *
 *   list ──▶ keys ──▶ first poll since a start? ──yes──▶ all seen, no jobs (unless `backlog`)
 *                                        └─no──▶ unseen, filter holds ──▶ start(job id from recipe+event+key)
 *                                                                   └──▶ cursor: seen += listed keys
 *
 * A failing API changes nothing (the next poll sees the same new items), and so does a job that cannot
 * start: the items before it stay seen, it and the rest are tried again next time.
 */
import type { PollDef } from '../../connectors/sdk';
import { eventMatches } from '../../engine/trigger-output';
import type { Recipe, Trigger } from '../../recipe';
import { cursorKey, MAX_SEEN, nextSeen, pollJobId, type PollCursor, type PollCursorStore } from './cursor';
import { itemKey, pollEveryMs } from './interval';

export type EventTrigger = Extract<Trigger, { kind: 'event' }>;

/** A job a poll asks for: `jobId` comes from the recipe, the event and the item's key. */
export interface PolledJob {
  recipe: Recipe;
  version: number;
  trigger: unknown;
  jobId: string;
}

export interface PollRequest {
  recipe: Recipe;
  version: number;
  trigger: EventTrigger;
  poll: PollDef;
  /** The trigger connection's plain and opened secret fields, if it names one. */
  connection?: Readonly<Record<string, string>>;
  store: PollCursorStore;
  /** Starts (or, for a job id that exists, goes on with) one job; answers its id. */
  start: (job: PolledJob) => Promise<string>;
  now: Date;
  /** When the recipe was last started (its state's `changed_at`): a cursor from before a pause is primed afresh. */
  startedAt?: string | null;
  signal?: AbortSignal;
  maxSeen?: number;
}

export interface PollResult {
  /** Ids of the jobs started (or gone on with), one per new item. */
  started: string[];
  /** True when this poll took the items there as seen (the first one after a start). */
  primed: boolean;
  /** What went wrong, in plain words; the items it concerns are tried again next poll. */
  problem?: string;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function pollOnce(req: PollRequest): Promise<PollResult> {
  const { recipe, trigger, poll } = req;
  const key = cursorKey(recipe.id, trigger.event);
  const cursor = await req.store.get(key);
  let items: unknown;
  try {
    items = await poll.list({ connection: req.connection, signal: req.signal ?? new AbortController().signal });
  } catch (err) {
    return { started: [], primed: false, problem: `could not list the items of ${trigger.connector}: ${message(err)}` };
  }
  if (!Array.isArray(items)) return { started: [], primed: false, problem: `${trigger.connector} did not answer a list of items` };
  const keyed = items.map((item) => ({ item, key: itemKey(poll, item) }));
  const unkeyed = keyed.filter((k) => k.key === undefined).length;
  const listed = keyed.flatMap((k) => (k.key === undefined ? [] : [k.key]));
  const noKey = unkeyed ? `${unkeyed} of the ${items.length} items have no "${poll.key ?? 'id'}" to tell them apart, so they start no job` : undefined;
  const stamp = req.now.toISOString();
  const max = req.maxSeen ?? MAX_SEEN;

  if (needsPriming(cursor, req.startedAt, pollEveryMs(poll)) && !poll.backlog) {
    await req.store.put({ key, seen: nextSeen(cursor?.seen ?? [], listed, max), primed_at: stamp, polled_at: stamp });
    return { started: [], primed: true, problem: noKey };
  }
  const seen = new Set(cursor?.seen ?? []);
  const started: string[] = [];
  const done: string[] = [];
  let problem = noKey;
  for (const { item, key: itemKeyText } of keyed) {
    if (itemKeyText === undefined) continue;
    if (seen.has(itemKeyText)) {
      done.push(itemKeyText);
      continue;
    }
    try {
      if (await eventMatches(trigger, trigger.connector, trigger.event, item)) {
        started.push(await req.start({ recipe, version: req.version, trigger: item, jobId: await pollJobId(recipe.id, trigger.event, itemKeyText) }));
      }
    } catch (err) {
      problem = `a new item (${itemKeyText}) started no job: ${message(err)}; it is tried again at the next check`;
      break;
    }
    seen.add(itemKeyText);
    done.push(itemKeyText);
  }
  await req.store.put({ key, seen: nextSeen(cursor?.seen ?? [], done, max), primed_at: cursor?.primed_at ?? stamp, polled_at: stamp });
  return { started, primed: false, problem };
}

/**
 * Whether this poll is the first since the recipe started: there is no cursor, or the recipe was
 * started after it was seen stopped (`paused_at`), or after the cursor was primed with no poll succeeding
 * in the two intervals before (it was stopped while no tab polled, or the studio was closed). "Start
 * this version" on a running recipe keeps its cursor, so the items that came in just before are not lost.
 */
export function needsPriming(cursor: PollCursor | undefined, startedAt: string | null | undefined, everyMs: number): boolean {
  if (!cursor) return true;
  if (!startedAt) return false;
  const start = Date.parse(startedAt);
  if (cursor.paused_at && start > Date.parse(cursor.paused_at)) return true;
  if (!(start > Date.parse(cursor.primed_at))) return false;
  const last = cursor.polled_at ? Date.parse(cursor.polled_at) : Date.parse(cursor.primed_at);
  return start - last > 2 * everyMs;
}
