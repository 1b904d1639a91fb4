/**
 * Errors say who must act: `user` (the recipe's author: a bad expression, a missing input), `operational`
 * (the outside world: a failing API, a timeout; maybe retryable) or `internal` (a bug in Sous).
 * Across the worker boundary they travel as plain tagged objects (`toPlainError`), never by `instanceof`.
 */
export type ErrorKind = 'user' | 'operational' | 'internal';

export interface StepFailureInit {
  code: string;
  kind?: ErrorKind;
  retryable?: boolean;
  /** From a `Retry-After` header: how long the other side asked us to wait. */
  retryAfterMs?: number;
}

export class StepFailure extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  /** The id of the step that failed; set by the engine where the failure is recorded. */
  stepId?: string;

  constructor(message: string, init: StepFailureInit) {
    super(message);
    this.name = 'StepFailure';
    this.code = init.code;
    this.kind = init.kind ?? 'operational';
    this.retryable = init.retryable ?? false;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** A connector's operational failure, e.g. an HTTP 503; `retryable` says whether trying again may help. */
export function connectorError(message: string, init: Omit<StepFailureInit, 'kind'>): StepFailure {
  return new StepFailure(message, { ...init, kind: 'operational' });
}

/** The recipe author's mistake: fixed by editing the recipe, never by retrying. */
export function userError(message: string, code: string): StepFailure {
  return new StepFailure(message, { code, kind: 'user', retryable: false });
}

/** A run that cannot start at all, e.g. missing required trigger input. Nothing is written. */
export class RunRefused extends Error {
  constructor(
    message: string,
    readonly problems: string[]
  ) {
    super(message);
    this.name = 'RunRefused';
  }
}

/** A run a workspace's policy does not allow (src/lib/policy): refused before anything is written. */
export class PolicyRefused extends RunRefused {
  constructor(problems: string[]) {
    super(problems[0] ?? 'the policy does not allow this recipe', problems);
    this.name = 'PolicyRefused';
  }
}

export interface PlainError {
  __sous_error: 'StepFailure' | 'RunRefused' | 'Error';
  message: string;
  code?: string;
  kind?: ErrorKind;
  problems?: string[];
}

export function toPlainError(err: unknown): PlainError {
  if (err instanceof StepFailure) return { __sous_error: 'StepFailure', message: err.message, code: err.code, kind: err.kind };
  if (err instanceof RunRefused) return { __sous_error: 'RunRefused', message: err.message, problems: err.problems };
  return { __sous_error: 'Error', message: err instanceof Error ? err.message : String(err) };
}

export function isPlainError(value: unknown): value is PlainError {
  return typeof value === 'object' && value !== null && '__sous_error' in value;
}

export function fromPlainError(plain: PlainError): Error {
  switch (plain.__sous_error) {
    case 'StepFailure':
      return new StepFailure(plain.message, { code: plain.code ?? 'error', kind: plain.kind });
    case 'RunRefused':
      return new RunRefused(plain.message, plain.problems ?? []);
    default:
      return new Error(plain.message);
  }
}
