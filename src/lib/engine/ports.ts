/**
 * What the engine needs from its caller. The browser's worker, the CLI, the benchmarks and the tests each
 * pass their own: the engine itself knows no storage, DOM or network.
 */
import type { z } from 'zod';
import type { Job, Recipe, StepRecord, User } from '../recipe';

/**
 * What a journal may answer from createJob, updateJob or putStep when the write is already complete as the
 * call returns (an in-memory journal, a synchronous database): the engine then goes on at once instead of
 * waiting a turn for the promise, which costs a job of small steps more than its steps do. Any other
 * promise is awaited, and a rejection is a failed write as always.
 */
export const JOURNALED: Promise<void> = Promise.resolve();

/** Where a job's state is written, step by step, so that it survives a closed tab or a crash. */
export interface Journal {
  createJob(job: Job): Promise<void>;
  /** Patch the job's own fields (status, output, error, finished_at); never its steps. */
  updateJob(id: string, patch: Partial<Omit<Job, 'id' | 'steps'>>): Promise<void>;
  /** Insert or replace the record of one step, keyed by (job id, record path). */
  putStep(jobId: string, record: StepRecord): Promise<void>;
  /** The job with all its step records, or undefined. */
  loadJob(id: string): Promise<Job | undefined>;
}

export interface Clock {
  now(): Date;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** In [0, 1); used for retry jitter, so tests can seed it. */
  random(): number;
}

/** Handed to an action at call time only. `connection` holds the secret fields of its connection. */
export interface ActionContext {
  connection?: Readonly<Record<string, string>>;
  user: User;
  signal: AbortSignal;
  jobId: string;
  /** Where the step runs in the job, e.g. `each[3]/notify`. */
  path: string;
}

export interface ActionRuntime {
  /** `read` or `write` (see the connector SDK); undeclared counts as `write`. */
  effect?: 'read' | 'write';
  idempotent?: boolean;
  effectOf?(input: Record<string, unknown>): 'read' | 'write';
  idempotentOf?(input: Record<string, unknown>): boolean;
  input: z.ZodType;
  output?: z.ZodType;
  execute(input: any, ctx: ActionContext): Promise<unknown>;
  /** Whether an error may go away on its own; without it, the error's own `retryable` decides. */
  retryable?(err: unknown): boolean;
}

export interface ConnectorLookup {
  action(connector: string, action: string): ActionRuntime | undefined;
  has(connector: string): boolean;
  /**
   * The connection fields the connector declares as not secret (a base URL, a kind), so an error can
   * keep them readable; every other connection value is blanked from errors. Optional: without it, all are.
   */
  publicFields?(connector: string): readonly string[];
}

/** Gives a step the secret fields of the connection its recipe names; undefined when none is set up. */
export interface ConnectionSecrets {
  /** Throws (e.g. the vault is locked) with a message the person can act on. */
  resolve(ref: string, connector: string, recipeId: string, jobId?: string): Promise<Record<string, string> | undefined>;
}

/** Where `call` steps (and resumed jobs) find recipes. */
export interface RecipeSource {
  get(id: string, version?: number | null): Promise<{ recipe: Recipe; version: number | null } | undefined>;
}
