/**
 * A running job's cancel switch. Its AbortSignal is made only when something asks for it (an action's
 * call, a retry's wait): a job of small steps never does, and in Node an AbortController costs a job of
 * five steps more than one of its steps. A `call` step's child job is cancelled with its parent.
 */
export class JobCancel {
  #aborted = false;
  #controller: AbortController | undefined;
  /** The signal of a caller that runs the job itself (a step tried on its own): used as it is. */
  #given: AbortSignal | undefined;
  #children: Set<JobCancel> | undefined;

  constructor(private readonly parent?: JobCancel) {
    if (!parent) return;
    if (parent.aborted) this.#aborted = true;
    else (parent.#children ??= new Set()).add(this);
  }

  get aborted(): boolean {
    return this.#aborted || this.#given?.aborted === true;
  }

  /** An AbortSignal that is aborted exactly when this job is cancelled. */
  get signal(): AbortSignal {
    if (this.#given) return this.#given;
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort();
    }
    return this.#controller.signal;
  }

  abort(): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#controller?.abort();
    for (const child of this.#children ?? []) child.abort();
  }

  /** The run ended: its parent no longer cancels it. */
  detach(): void {
    if (this.parent) this.parent.#children?.delete(this);
  }

  /** A switch that is the given signal: the job is cancelled when it aborts. */
  static following(signal: AbortSignal): JobCancel {
    const cancel = new JobCancel();
    cancel.#given = signal;
    return cancel;
  }
}
