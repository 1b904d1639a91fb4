/**
 * The one queue between a recipe's trigger and its jobs, used by the studio's worker and `sous serve` alike:
 * each event id becomes exactly one job, at most `concurrency` jobs per recipe run at once, the rest wait in
 * order (a schedule at most one tick), depth is bounded, and the store makes all of it survive a restart.
 */
import { problemIn } from './validate';
import type {
  AcceptResult,
  DrainResult,
  QueueEntry,
  QueueStats,
  RecipeQueueStats,
  RecoverResult,
  StartedJob,
  TriggerEvent,
  TriggerQueueDeps
} from './types';

/** An event this process holds: `storing` until the store has it, then `waiting`, `starting`, `running`. */
interface Live {
  entry: QueueEntry;
  seq: number;
  phase: 'storing' | 'waiting' | 'starting' | 'running';
  recovered: boolean;
}

type Counters = Omit<RecipeQueueStats, 'waiting' | 'running' | 'concurrency'>;

export type TriggerQueue = ReturnType<typeof createTriggerQueue>;

export function createTriggerQueue(deps: TriggerQueueDeps) {
  const { store, clock } = deps;
  const perRecipe = new Map(Object.entries(deps.perRecipe ?? {}));
  const defaultConcurrency = positive(deps.concurrency ?? 1, 'concurrency');
  const maxRunning = deps.maxRunning === undefined ? null : positive(deps.maxRunning, 'maxRunning');
  const maxDepthPerRecipe = positive(deps.maxDepthPerRecipe ?? 100, 'maxDepthPerRecipe');
  const maxDepth = positive(deps.maxDepth ?? 1000, 'maxDepth');
  for (const [id, n] of perRecipe) positive(n, `perRecipe.${id}`);

  const live = new Map<string, Live>();
  /** Per recipe, its waiting (and still storing) events in acceptance order. */
  const waiting = new Map<string, Live[]>();
  const active = new Map<string, number>();
  const counters = new Map<string, Counters>();
  /** Each start's whole life (start, run, end recorded), so `drain` can wait for it. */
  const lifetimes = new Set<Promise<void>>();
  let seq = 0;
  let waitingTotal = 0;
  let activeTotal = 0;
  let draining: Promise<DrainResult> | null = null;

  const limitOf = (recipeId: string) => perRecipe.get(recipeId) ?? defaultConcurrency;
  const queueOf = (recipeId: string) => waiting.get(recipeId) ?? [];
  const countersOf = (recipeId: string): Counters => {
    let c = counters.get(recipeId);
    if (!c) counters.set(recipeId, (c = { started: 0, skipped: 0, start_failures: 0 }));
    return c;
  };
  const problem = (event: TriggerEvent, message: string) =>
    deps.onProblem?.({ event_id: event.event_id, recipe_id: event.recipe_id, message });

  function enqueue(entry: QueueEntry, phase: Live['phase'], recovered: boolean): Live {
    const l: Live = { entry, seq: seq++, phase, recovered };
    live.set(entry.event.event_id, l);
    const list = waiting.get(entry.event.recipe_id) ?? [];
    list.push(l);
    waiting.set(entry.event.recipe_id, list);
    waitingTotal++;
    return l;
  }

  function unqueue(l: Live): void {
    const list = queueOf(l.entry.event.recipe_id);
    const at = list.indexOf(l);
    if (at >= 0) {
      list.splice(at, 1);
      waitingTotal--;
    }
    if (list.length === 0) waiting.delete(l.entry.event.recipe_id);
  }

  /**
   * The waiting schedule tick a new tick of the same recipe folds into, if any. One still being stored
   * counts when the recipe has no free slot (it will wait): two ticks accepted at once would else both
   * queue, since neither sees the other waiting yet.
   */
  const waitingTick = (recipeId: string) => {
    const full = (active.get(recipeId) ?? 0) >= limitOf(recipeId);
    return queueOf(recipeId).find((l) => l.entry.event.kind === 'schedule' && (l.phase === 'waiting' || (l.phase === 'storing' && full)));
  };

  async function fold(event: TriggerEvent, target: Live): Promise<AcceptResult> {
    const into = target.entry.event.event_id;
    // Counted before the await, so a target that starts meanwhile already says it skipped this tick.
    target.entry.skipped++;
    const accepted_at = clock.now().toISOString();
    const added = await store.put({ event, state: 'skipped', accepted_at, skipped: 0, folded_into: into });
    if (!added) {
      target.entry.skipped--;
      return { status: 'duplicate', event_id: event.event_id };
    }
    countersOf(event.recipe_id).skipped++;
    if (target.phase === 'waiting') {
      try {
        await store.update(into, { skipped: target.entry.skipped });
      } catch (err) {
        problem(event, `the skipped tick could not be counted on ${into}: ${messageOf(err)}`);
      }
    }
    return { status: 'skipped', event_id: event.event_id, folded_into: into };
  }

  async function accept(event: TriggerEvent): Promise<AcceptResult> {
    const id = typeof event?.event_id === 'string' ? event.event_id : '';
    const invalid = problemIn(event);
    if (invalid) return { status: 'invalid', event_id: id, message: invalid };
    if (draining) return { status: 'stopped', event_id: id, message: 'the queue is stopping and takes no new events' };
    if (live.has(id)) return { status: 'duplicate', event_id: id };
    const recipe = event.recipe_id;
    if (event.kind === 'schedule') {
      const target = waitingTick(recipe);
      if (target) return fold(event, target);
    }
    const full = fullness(recipe);
    if (full) {
      if (await store.get(id)) return { status: 'duplicate', event_id: id };
      return { status: 'full', event_id: id, ...full };
    }
    const entry: QueueEntry = { event, state: 'pending', accepted_at: clock.now().toISOString(), skipped: 0 };
    const l = enqueue(entry, 'storing', false);
    let added: boolean;
    try {
      added = await store.put({ ...l.entry });
    } catch (err) {
      unqueue(l);
      live.delete(id);
      pump();
      throw err;
    }
    if (!added) {
      unqueue(l);
      live.delete(id);
      pump();
      return { status: 'duplicate', event_id: id };
    }
    l.phase = 'waiting';
    pump();
    return { status: 'accepted', event_id: id };
  }

  function fullness(recipe: string): { scope: 'recipe' | 'queue'; message: string } | null {
    if (queueOf(recipe).length >= maxDepthPerRecipe) {
      return { scope: 'recipe', message: `recipe ${recipe} already has ${plural(maxDepthPerRecipe, 'event')} waiting; try again later` };
    }
    if (waitingTotal >= maxDepth) {
      return { scope: 'queue', message: `the queue already holds ${plural(maxDepth, 'event')} waiting; try again later` };
    }
    return null;
  }

  /** Starts waiting events, oldest first, while their recipe and the whole queue have free slots. */
  function pump(): void {
    if (draining) return;
    for (;;) {
      if (maxRunning !== null && activeTotal >= maxRunning) return;
      let next: Live | undefined;
      for (const [recipe, list] of waiting) {
        const head = list[0];
        if (head?.phase !== 'waiting' || (active.get(recipe) ?? 0) >= limitOf(recipe)) continue;
        if (!next || head.seq < next.seq) next = head;
      }
      if (!next) return;
      unqueue(next);
      track(next, () => start(next));
    }
  }

  function track(l: Live, run: () => Promise<void>): void {
    const recipe = l.entry.event.recipe_id;
    active.set(recipe, (active.get(recipe) ?? 0) + 1);
    activeTotal++;
    const life = run().finally(() => lifetimes.delete(life));
    lifetimes.add(life);
  }

  function release(l: Live): void {
    const recipe = l.entry.event.recipe_id;
    const n = (active.get(recipe) ?? 1) - 1;
    if (n > 0) active.set(recipe, n);
    else active.delete(recipe);
    activeTotal--;
    live.delete(l.entry.event.event_id);
    pump();
  }

  async function start(l: Live): Promise<void> {
    const { event, accepted_at, skipped } = l.entry;
    l.phase = 'starting';
    const waited_ms = Math.max(0, clock.now().getTime() - Date.parse(accepted_at));
    let job: StartedJob;
    try {
      const { recovered } = l;
      job = await deps.startJob({ event, event_id: event.event_id, accepted_at, waited_ms, skipped, recovered });
    } catch (err) {
      countersOf(event.recipe_id).start_failures++;
      const why = messageOf(err);
      problem(event, `could not start a job for event ${event.event_id}: ${why}. It stays queued and is tried again by recover().`);
      release(l);
      return;
    }
    l.phase = 'running';
    countersOf(event.recipe_id).started++;
    try {
      await store.update(event.event_id, { state: 'started', job_id: job.jobId });
    } catch (err) {
      const why = messageOf(err);
      problem(event, `job ${job.jobId} started, but its event could not be marked started (${why}); a restart may start it again`);
    }
    await ended(l, job);
  }

  async function ended(l: Live, job: StartedJob): Promise<void> {
    await Promise.resolve(job.done).catch(() => undefined);
    release(l);
    try {
      await store.update(l.entry.event.event_id, { state: 'finished' });
    } catch (err) {
      problem(l.entry.event, `job ${job.jobId} ended, but that could not be recorded: ${messageOf(err)}`);
    }
  }

  /**
   * After a restart (or a failed start): queues again every event accepted but without a job, and hands every
   * job acknowledged but not recorded as ended to `resumeJob`. Safe to call more than once.
   */
  async function recover(): Promise<RecoverResult> {
    const result: RecoverResult = { requeued: 0, resumed: 0 };
    if (draining) return result;
    for (const entry of await store.list('pending')) {
      const { event } = entry;
      if (live.has(event.event_id)) continue;
      const target = event.kind === 'schedule' ? waitingTick(event.recipe_id) : undefined;
      if (target) {
        target.entry.skipped += 1 + entry.skipped;
        countersOf(event.recipe_id).skipped++;
        await store.update(event.event_id, { state: 'skipped', folded_into: target.entry.event.event_id });
        await store.update(target.entry.event.event_id, { skipped: target.entry.skipped });
        continue;
      }
      enqueue(entry, 'waiting', true);
      result.requeued++;
    }
    if (deps.resumeJob) {
      const resumeJob = deps.resumeJob;
      const toResume = (await store.list('started')).filter((e) => !live.has(e.event.event_id));
      for (const entry of toResume) {
        const l: Live = { entry, seq: seq++, phase: 'running', recovered: true };
        live.set(entry.event.event_id, l);
        result.resumed++;
        track(l, async () => {
          let job: StartedJob | undefined;
          try {
            job = await resumeJob(entry);
          } catch (err) {
            problem(entry.event, `could not resume job ${entry.job_id}: ${messageOf(err)}`);
          }
          if (job) await ended(l, job);
          else release(l);
        });
      }
    }
    pump();
    return result;
  }

  /** Takes no new events and starts no waiting ones; resolves when the jobs running now have ended. */
  function drain(): Promise<DrainResult> {
    draining ??= (async () => {
      const finished = lifetimes.size;
      while (lifetimes.size > 0) await Promise.all([...lifetimes]);
      return { finished, left_pending: waitingTotal };
    })();
    return draining;
  }

  function stats(): QueueStats {
    const recipes: Record<string, RecipeQueueStats> = {};
    const ids = new Set([...counters.keys(), ...waiting.keys(), ...active.keys()]);
    for (const id of ids) {
      const running = active.get(id) ?? 0;
      recipes[id] = { waiting: queueOf(id).length, running, concurrency: limitOf(id), ...countersOf(id) };
    }
    return { queue_depth: waitingTotal, workers: { running: activeTotal, limit: maxRunning }, recipes };
  }

  return {
    accept,
    recover,
    drain,
    stats,
    /** Events waiting for a job: all, or one recipe's. */
    depth: (recipeId?: string) => (recipeId === undefined ? waitingTotal : queueOf(recipeId).length),
    /** Jobs running (or being started): all, or one recipe's. */
    running: (recipeId?: string) => (recipeId === undefined ? activeTotal : active.get(recipeId) ?? 0),
    /** Changes one recipe's running limit (undefined: back to the default); waiting events may start at once. */
    setConcurrency(recipeId: string, limit: number | undefined): void {
      if (limit === undefined) perRecipe.delete(recipeId);
      else perRecipe.set(recipeId, positive(limit, `concurrency of ${recipeId}`));
      pump();
    }
  };
}

function positive(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a whole number of at least 1, not ${n}`);
  return n;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}
