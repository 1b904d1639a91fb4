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

/**
 * An action step whose call may have happened (its input was journaled, its result never was) and that is
 * not safe to repeat: the job waits for a person to say whether it ran. A wait, so a loop's other
 * iterations go on as they do around an approval.
 */
export class UncertainSignal extends WaitSignal {}

export class CancelSignal {}

/** A journal write failed (a full disk, a closed database): the job cannot go on (on a full disk it ends failed, see JobRun). */
export class JournalFailure extends Error {
  constructor(
    readonly cause: unknown,
    /** The step whose record could not be saved, when it was a step's. */
    readonly path?: string
  ) {
    super(`could not save the job's progress: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'JournalFailure';
  }
}
