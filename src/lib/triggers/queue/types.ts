/**
 * The trigger queue's vocabulary and its two ports: where accepted events live (`QueueStore`) and how a job
 * is started (`StartJob`). The queue itself holds no storage, timers or network; the studio's worker and
 * `sous serve` each pass their own ports, so both queue, dedupe and limit in the same way.
 */
import type { Clock } from '../../engine/ports';

export const TRIGGER_EVENT_KINDS = ['schedule', 'webhook', 'event'] as const;
export type TriggerEventKind = (typeof TRIGGER_EVENT_KINDS)[number];

/** One firing of a recipe's trigger: a schedule tick, a webhook request or an app event. */
export interface TriggerEvent {
  /** Unique per firing; the same id is never run twice (a schedule uses e.g. `RECIPE@DUE_AT`). */
  event_id: string;
  recipe_id: string;
  kind: TriggerEventKind;
  /** When a schedule tick was due, ISO 8601. */
  due_at?: string;
  /** What becomes the job's trigger output (the webhook request, the tick, the event's payload). */
  payload: unknown;
}

/**
 * `pending`: accepted, no job yet. `started`: its job exists (acknowledged). `finished`: that job ended.
 * `skipped`: a schedule tick dropped because another tick of the same recipe was already waiting.
 */
export type QueueEntryState = 'pending' | 'started' | 'finished' | 'skipped';

/** What the store keeps per event id. */
export interface QueueEntry {
  event: TriggerEvent;
  state: QueueEntryState;
  /** When the queue accepted it, ISO 8601. */
  accepted_at: string;
  /** Schedule ticks dropped in favour of this one while it waited. */
  skipped: number;
  /** Set once the job exists. */
  job_id?: string;
  /** For a `skipped` entry: the waiting event it was folded into. */
  folded_into?: string;
}

export type QueueEntryPatch = Partial<Pick<QueueEntry, 'state' | 'job_id' | 'skipped' | 'folded_into'>>;

/**
 * Where accepted events and the ids already seen live, so dedupe and the queue survive a restart. Small,
 * async and keyed by event id: a SQLite table (`event_id PRIMARY KEY`, an autoincrement order column,
 * `INSERT OR IGNORE`) or a Dexie table (`&event_id, state, seq`, `add` failing with ConstraintError) fits it.
 */
export interface QueueStore {
  /** Adds the entry when its event id is new and answers true; answers false and changes nothing when seen. */
  put(entry: QueueEntry): Promise<boolean>;
  get(eventId: string): Promise<QueueEntry | undefined>;
  /** Changes a stored entry; an unknown id is an error. */
  update(eventId: string, patch: QueueEntryPatch): Promise<void>;
  /** The entries in one state, in the order they were put. */
  list(state: QueueEntryState): Promise<QueueEntry[]>;
}

/** What the queue hands `startJob`: the event, and how long it waited, so the job can say so. */
export interface StartRequest {
  event: TriggerEvent;
  /** Use it as the job's idempotency key (e.g. a job id derived from it): see the README on the ack window. */
  event_id: string;
  accepted_at: string;
  /** From acceptance to start, in ms; 0 when it started at once. */
  waited_ms: number;
  /** Schedule ticks dropped while this one waited (one queued at most behind a running job). */
  skipped: number;
  /** True when the event was accepted before a restart and started by `recover()`. */
  recovered: boolean;
}

/** A started job: its id, and a promise that settles (either way) when the job ends. */
export interface StartedJob {
  jobId: string;
  done: Promise<unknown>;
}

/** Creates the job. Resolving means the job exists (it is then acknowledged); throwing leaves the event pending. */
export type StartJob = (request: StartRequest) => Promise<StartedJob>;

/** Picks up, after a restart, a job whose event was acknowledged but whose end was not recorded. */
export type ResumeJob = (entry: QueueEntry) => Promise<StartedJob | undefined>;

export interface TriggerQueueLimits {
  /** Jobs of one recipe running at once, unless `perRecipe` says otherwise. Default 1. */
  concurrency?: number;
  /** Per recipe id: its own running limit. */
  perRecipe?: Record<string, number>;
  /** Jobs of all recipes running at once. Default: no limit. */
  maxRunning?: number;
  /** Events waiting for one recipe. Default 100. */
  maxDepthPerRecipe?: number;
  /** Events waiting in all. Default 1,000. */
  maxDepth?: number;
}

/** Told when something went wrong that no caller is waiting on (a job that could not be started). */
export interface QueueProblem {
  event_id: string;
  recipe_id: string;
  message: string;
}

export interface TriggerQueueDeps extends TriggerQueueLimits {
  store: QueueStore;
  startJob: StartJob;
  resumeJob?: ResumeJob;
  clock: Pick<Clock, 'now'>;
  onProblem?: (problem: QueueProblem) => void;
}

/** What `accept` answers. Expected outcomes are returned, never thrown; only a failing store throws. */
export type AcceptResult =
  | { status: 'accepted'; event_id: string }
  /** Seen before (waiting, running, done or skipped): nothing new runs. */
  | { status: 'duplicate'; event_id: string }
  /** A schedule tick dropped: another tick of this recipe already waits; that one's `skipped` grew. */
  | { status: 'skipped'; event_id: string; folded_into: string }
  /** Over a depth limit (the server answers 429). */
  | { status: 'full'; event_id: string; scope: 'recipe' | 'queue'; message: string }
  /** `drain()` was called: the queue takes no new events (the server answers 503). */
  | { status: 'stopped'; event_id: string; message: string }
  | { status: 'invalid'; event_id: string; message: string };

export interface RecipeQueueStats {
  waiting: number;
  running: number;
  concurrency: number;
  /** Since this queue was made. */
  started: number;
  skipped: number;
  start_failures: number;
}

export interface QueueStats {
  /** Events waiting for a job, all recipes. */
  queue_depth: number;
  workers: { running: number; limit: number | null };
  recipes: Record<string, RecipeQueueStats>;
}

export interface RecoverResult {
  /** Accepted before, no job yet: queued again (started once). */
  requeued: number;
  /** Acknowledged, end not recorded: handed to `resumeJob`. */
  resumed: number;
}

export interface DrainResult {
  /** Jobs that were running when `drain()` was called and have ended. */
  finished: number;
  /** Events left waiting in the store; a restart's `recover()` starts them. */
  left_pending: number;
}
