/**
 * Control flow that is not failure: a `stop` step, an approval that must wait, a cancelled job. They pass
 * through `try` untouched (a `try` catches only step failures).
 */
export class StopSignal {
  constructor(
    readonly stepId: string,
    readonly outcome: 'success' | 'failure',
    readonly message: string | null
  ) {}
}

export class WaitSignal {
  constructor(readonly path: string) {}
}

export class CancelSignal {}

/** A journal write failed (a full disk, a closed database): the job cannot go on, and must not be marked. */
export class JournalFailure extends Error {
  constructor(readonly cause: unknown) {
    super(`could not save the job's progress: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'JournalFailure';
  }
}
