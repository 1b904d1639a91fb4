/**
 * The interpreter for one job. It walks the recipe's steps; before a step with effects runs, its resolved
 * input is journaled, and after it its output or error. A step whose record says it finished is replayed
 * from the record, never run again: that is how a job resumes after a closed tab or a crash.
 */
import type {
  ActionStep,
  ApprovalStep,
  CallStep,
  ForeachStep,
  IfStep,
  Job,
  JobError,
  Recipe,
  SetStep,
  Step,
  StepRecord,
  StopStep,
  TryStep,
  User
} from '../recipe';
import { fromZodIssues, formatIssue, scrubSecrets } from '../recipe';
import { StepFailure, userError } from './errors';
import { evaluateExpr, evaluateText, exprAtOnce, FALLBACK, resolveAtOnce, resolveDeep, truthy } from './expressions';
import { JOURNALED, type ActionRuntime, type Clock, type ConnectionSecrets, type ConnectorLookup, type Journal } from './ports';
import { redactorFor, redactText, type Redactor } from './redact';
import { retryDelay } from './retry';
import { mayHoldLiteralSecret } from './secret-scan';
import { CancelSignal, JournalFailure, StopSignal, UncertainSignal, WaitSignal } from './signals';
import { durationMs } from './duration';
import type { JobCancel } from './job-cancel';
import { closedByFullStorage, storageFullError } from './storage-full';
import { systemClock } from './system-clock';

export interface JobRunDeps {
  journal: Journal;
  connectors: ConnectorLookup;
  clock: Clock;
  secrets?: ConnectionSecrets;
  /** Answers given ahead of time, by approval step id (the CLI's `--answer`). */
  autoAnswer?: (stepId: string) => string | undefined;
  /** Run (or resume) a `call` step's child job under the given id. */
  runChild?: (childId: string, recipeId: string, input: unknown, parent: Job) => Promise<Job>;
  newId: () => string;
}

interface Scope {
  steps: Record<string, unknown>;
  locals: Record<string, unknown>;
  /** The expression context, built once per scope: `steps` and `vars` are live objects inside it. */
  context?: Record<string, unknown>;
}

interface Ran {
  ran: boolean;
  output: unknown;
}

/** A value now, or a promise of it: a step that needs no wait (a set, an if, on a journal that answers JOURNALED) runs without a turn. */
type Now<T> = T | Promise<T>;

const NOT_RUN: Ran = { ran: false, output: null };
const NOTHING_SECRET = redactorFor([]);
const NO_SECRETS: string[] = [];
const DEFAULT_USER: User = { id: 'local', name: 'Local user', roles: [] };

export class JobRun {
  private readonly records = new Map<string, StepRecord>();
  private readonly vars: Record<string, unknown> = {};
  private readonly user: User;
  private lastTop: Ran = NOT_RUN;
  private lastMs = NaN;
  private lastIso = '';

  constructor(
    private readonly job: Job,
    private readonly recipe: Recipe,
    private readonly deps: JobRunDeps,
    private readonly cancel: JobCancel
  ) {
    for (const record of job.steps) this.records.set(record.path, record);
    this.user = job.user ?? DEFAULT_USER;
  }

  /** Run the job until it ends or waits; the returned job is what the journal now holds. */
  async execute(): Promise<Job> {
    let end: Partial<Job>;
    try {
      const ran = this.runList(this.recipe.steps, { steps: {}, locals: {} }, '', true);
      if (ran instanceof Promise) await ran;
      end = { status: 'succeeded', output: this.lastTop.output, error: null };
    } catch (signal) {
      if (signal instanceof JournalFailure) return this.stopFull(signal);
      end = this.ending(signal);
    }
    const finished = end.status !== 'waiting' && end.status !== 'uncertain';
    // `end` is this run's own object: the finish time is set on it rather than spread into a copy.
    const patch = end;
    patch.finished_at = finished ? this.now() : null;
    try {
      const written = this.deps.journal.updateJob(this.job.id, patch);
      if (written !== JOURNALED) await written;
    } catch (failure) {
      return this.stopFull(new JournalFailure(failure));
    }
    return jobAfter(this.job, patch, [...this.records.values()]);
  }

  /**
   * A journal write refused for lack of space ends the job failed with that error, its open steps with
   * it, as far as that much can still be saved: no job stays "running" on a full disk. Any other journal
   * failure (a closed database, a closing tab) leaves the job as it is, for a resume to go on with.
   */
  private async stopFull(failure: JournalFailure): Promise<Job> {
    const error = storageFullError(failure.cause, failure.path ? (this.records.get(failure.path)?.step_id ?? null) : null);
    if (!error) throw failure;
    const at = this.now();
    for (const record of this.records.values()) {
      if (record.path !== failure.path && record.status !== 'running' && record.status !== 'waiting' && record.status !== 'uncertain') continue;
      const closed = closedByFullStorage(record, error, at);
      this.records.set(record.path, closed);
      await this.deps.journal.putStep(this.job.id, closed).catch(() => undefined); // the job's own row says it all
    }
    const patch = { status: 'failed' as const, output: null, error, finished_at: at };
    await this.write(() => this.deps.journal.updateJob(this.job.id, patch));
    return { ...this.job, ...patch, steps: [...this.records.values()] };
  }

  private ending(signal: unknown): Partial<Job> {
    if (signal instanceof StopSignal) {
      const output = { outcome: signal.outcome, message: signal.message };
      if (signal.outcome === 'success') return { status: 'succeeded', output, error: null };
      const message = signal.message ?? 'the recipe stopped with outcome "failure"';
      return { status: 'failed', output, error: { message, step: signal.stepId, code: 'stopped' } };
    }
    if (signal instanceof WaitSignal) {
      // A loop may stop at an approval in one iteration and at an uncertain call in another: the job
      // says the one a person must look at first.
      for (const record of this.records.values()) if (record.status === 'uncertain') return { status: 'uncertain' };
      return { status: 'waiting' };
    }
    if (signal instanceof CancelSignal) return { status: 'cancelled', error: { message: 'the job was cancelled', step: null, code: 'cancelled' } };
    if (signal instanceof StepFailure) return { status: 'failed', output: this.lastTop.output, error: jobError(signal) };
    // Anything else is a bug in Sous, not in the recipe: fail the job and say so.
    const message = signal instanceof Error ? signal.message : String(signal);
    return { status: 'failed', error: { message: `internal error: ${message}`, step: null, code: 'internal' } };
  }

  /**
   * The steps in order, from `from` on. It goes on at once while each step answers at once, and turns
   * into a promise at the first step that waits; a throw (now or as a rejection) ends the list.
   */
  private runList(steps: Step[], scope: Scope, prefix: string, topLevel = false, from = 0, before = NOT_RUN): Now<Ran> {
    let last = before;
    for (let i = from; i < steps.length; i++) {
      const ran = this.runStep(steps[i], scope, prefix);
      if (ran instanceof Promise) return this.runListAfter(ran, steps, scope, prefix, topLevel, i + 1, last);
      if (!ran.ran) continue;
      last = ran;
      if (topLevel) this.lastTop = ran;
    }
    return last;
  }

  private async runListAfter(pending: Promise<Ran>, steps: Step[], scope: Scope, prefix: string, topLevel: boolean, next: number, before: Ran): Promise<Ran> {
    const ran = await pending;
    let last = before;
    if (ran.ran) {
      last = ran;
      if (topLevel) this.lastTop = ran;
    }
    return this.runList(steps, scope, prefix, topLevel, next, last);
  }

  private runStep(step: Step, scope: Scope, prefix: string): Now<Ran> {
    if (this.cancel.aborted) throw new CancelSignal();
    const path = prefix ? `${prefix}/${step.id}` : step.id;
    const record = this.records.get(path);
    if (step.disabled) {
      const written = record ? undefined : this.put(this.base(step, path, { status: 'skipped', finished_at: this.now() }));
      return written ? written.then(() => NOT_RUN) : NOT_RUN;
    }
    if (record?.status === 'failed' && isLeaf(step)) throw failureFrom(record);
    if (record?.status === 'succeeded' && isLeaf(step)) return this.replay(step, record, scope);
    let output: unknown;
    try {
      output = this.dispatch(step, path, record, scope);
    } catch (err) {
      return this.ended(step, path, err);
    }
    if (output instanceof Promise) {
      return output.then(
        (value) => this.ran(step, scope, value),
        (err) => this.ended(step, path, err)
      );
    }
    return this.ran(step, scope, output);
  }

  /** The step's output, at once or as a promise; a `stop` always throws. */
  private dispatch(step: Step, path: string, record: StepRecord | undefined, scope: Scope): unknown {
    switch (step.kind) {
      case 'action':
        return this.action(step, path, record, scope);
      case 'set':
        return this.set(step, path, scope);
      case 'if':
        return this.if(step, path, record, scope);
      case 'foreach':
        return this.foreach(step, path, record, scope);
      case 'try':
        return this.try(step, path, record, scope);
      case 'approval':
        return this.approval(step, path, record, scope);
      case 'call':
        return this.call(step, path, record, scope);
      case 'stop':
        return this.stop(step, path, scope);
      default: {
        const never: never = step;
        throw new Error(`unknown step kind ${(never as Step).kind}`);
      }
    }
  }

  private ran(step: Step, scope: Scope, output: unknown): Ran {
    scope.steps[step.id] = output;
    return { ran: true, output };
  }

  private async ended(step: Step, path: string, err: unknown): Promise<never> {
    await this.markEnded(step, path, err);
    throw err;
  }

  /**
   * A failure, cancel or stop leaves the step's record (leaf or container) saying so, so a finished job
   * shows no step still running. A wait leaves it open: the job goes on there.
   */
  private async markEnded(step: Step, path: string, err: unknown): Promise<void> {
    const current = this.records.get(path);
    const open = !current || current.status === 'running' || current.status === 'waiting';
    if (err instanceof StepFailure) {
      err.stepId ??= step.id;
      if (open) {
        const failed = { status: 'failed' as const, error: jobError(err), finished_at: this.now() };
        await this.put(current ? { ...current, ...failed } : this.base(step, path, failed));
      }
    } else if (err instanceof CancelSignal && current && open) {
      await this.put({ ...current, status: 'cancelled', finished_at: this.now() });
    } else if (err instanceof StopSignal && current && open) {
      // An if or try that a `stop` ended outputs the stop's output (the last step that ran inside it);
      // a foreach has no complete list of iterations to give.
      const ended = this.ending(err);
      const status = ended.status === 'succeeded' ? 'succeeded' : 'failed';
      const output = step.kind === 'foreach' ? null : ended.output;
      await this.put({ ...current, status, output, error: ended.error, finished_at: this.now() });
    }
  }

  private replay(step: Step, record: StepRecord, scope: Scope): Ran {
    if (step.kind === 'set') Object.assign(this.vars, record.output);
    if (step.kind === 'stop') {
      const out = record.output as { outcome: 'success' | 'failure'; message: string | null };
      throw new StopSignal(step.id, out.outcome, out.message);
    }
    scope.steps[step.id] = record.output;
    return { ran: true, output: record.output };
  }

  private async action(step: ActionStep, path: string, record: StepRecord | undefined, scope: Scope): Promise<unknown> {
    const runtime = this.deps.connectors.action(step.connector, step.action);
    if (!runtime) {
      const known = this.deps.connectors.has(step.connector);
      throw userError(
        known
          ? `connector "${step.connector}" has no action "${step.action}"`
          : `no connector "${step.connector}" in this workspace`,
        'unknown_action'
      );
    }
    const context = this.context(scope);
    const now = resolveAtOnce(step.input, context);
    const resolved = (now !== FALLBACK ? now : await resolveDeep(step.input, context)) as Record<string, unknown>;
    // A literal secret written into the step (an Authorization header, a key in a URL) is kept out of
    // the step's record and out of its error, as a connection's secrets are.
    const { clean: shown, secrets: literal } = mayHoldLiteralSecret(resolved) ? scrubSecrets(resolved) : { clean: resolved, secrets: NO_SECRETS };
    const parsed = runtime.input.safeParse(resolved);
    if (!parsed.success) {
      await this.put(this.base(step, path, { status: 'running', input: shown }));
      // The issue paths start at `input`, so the root they are looked up in must too (else every wrong
      // value reads as missing).
      const problems = fromZodIssues(parsed.error.issues, { input: resolved }, ['input']).map(formatIssue);
      const literals = Object.fromEntries(literal.map((v, i) => [String(i), v]));
      // A list of a thousand wrong values is told by its first few: the message stays readable and small.
      const told = problems.length > MAX_INPUT_PROBLEMS ? [...problems.slice(0, MAX_INPUT_PROBLEMS), `and ${problems.length - MAX_INPUT_PROBLEMS} more`] : problems;
      throw userError(redactText(`the input is not right: ${told.join('; ')}`, literals), 'input');
    }
    // Each only when there is something to check or fetch: a promise per step costs a small job more.
    if (record) await this.checkCertain(step, path, record, runtime, resolved);
    const connection = step.connection ? await this.connection(step) : undefined;
    const policy = step.retry ?? { attempts: 1, backoff: 'exponential' as const, initial_ms: 500, max_ms: 30_000 };
    let attempt = record?.attempt ?? 0;
    for (;;) {
      attempt += 1;
      const running = this.fresh(step, path, 'running', null, attempt);
      running.input = shown;
      if (record?.answer) running.answer = record.answer;
      const written = this.put(running);
      if (written) await written;
      let output: unknown;
      try {
        const cancel = this.cancel;
        output = await runtime.execute(parsed.data, {
          connection,
          user: this.user,
          // Made when the connector reads it (see job-cancel.ts).
          get signal() {
            return cancel.signal;
          },
          jobId: this.job.id,
          path
        });
      } catch (err) {
        if (this.cancel.aborted) throw new CancelSignal();
        const failure = redact(asFailure(err, runtime), this.redactorOf(step.connector, connection, literal));
        if (!failure.retryable || attempt >= policy.attempts) throw failure;
        const wait = retryDelay(policy, attempt, this.deps.clock.random(), failure.retryAfterMs);
        await this.deps.clock.sleep(wait, this.cancel.signal).catch(() => {
          throw new CancelSignal();
        });
        continue;
      }
      // An answer may echo the secret it was sent (a token in a header, a body repeating the request):
      // blanked before it is journaled, and the later steps see what the journal will replay.
      return this.finish(path, this.redactorOf(step.connector, connection, literal).deep(output));
    }
  }

  /**
   * A record still `running` means the call was about to be made, or made, when the job was cut off, and
   * its answer never saved. Repeating it is safe only for a read or an idempotent action; any other waits
   * for a person, unless one already said to run it again.
   */
  private async checkCertain(step: ActionStep, path: string, record: StepRecord | undefined, runtime: ActionRuntime, input: Record<string, unknown>): Promise<void> {
    if (!record || (record.status !== 'running' && record.status !== 'uncertain')) return;
    if (record.status === 'uncertain' && record.answer?.choice === 'rerun') return;
    if (safeToRepeat(runtime, input)) return;
    if (record.status !== 'uncertain') await this.put({ ...record, status: 'uncertain', answer: null });
    throw new UncertainSignal(path);
  }

  /** Blanks the connection's secrets and the step's literal ones, in every form a server may echo them. */
  private redactorOf(connector: string, connection: Record<string, string> | undefined, literal: string[]): Redactor {
    // Most steps carry no secret at all: nothing to look up or build.
    if (!connection && literal.length === 0) return NOTHING_SECRET;
    const { secret, open } = this.secretsOf(connector, connection);
    return redactorFor([...Object.values(secret), ...literal], open);
  }

  /** The connection's values to blank from errors: all but the fields its connector declares not secret. */
  private secretsOf(connector: string, connection: Record<string, string> | undefined): { secret: Record<string, string>; open: string[] } {
    const names = new Set(this.deps.connectors.publicFields?.(connector) ?? []);
    const entries = Object.entries(connection ?? {});
    return { secret: Object.fromEntries(entries.filter(([name]) => !names.has(name))), open: entries.filter(([name]) => names.has(name)).map(([, v]) => v) };
  }

  private async connection(step: ActionStep): Promise<Record<string, string> | undefined> {
    if (!step.connection) return undefined;
    const ref = this.recipe.connections?.[step.connection];
    if (!ref) throw userError(`the recipe has no connection named "${step.connection}"`, 'connection');
    if (ref.connector !== step.connector) {
      throw userError(`connection "${step.connection}" is for ${ref.connector}, not ${step.connector}`, 'connection');
    }
    let secrets: Record<string, string> | undefined;
    try {
      secrets = await this.deps.secrets?.resolve(step.connection, ref.connector, this.recipe.id, this.job.id);
    } catch (err) {
      // A locked vault is the person's to fix (unlock it), not a bug: say so on the step.
      throw userError(`connection "${step.connection}": ${err instanceof Error ? err.message : String(err)}`, 'connection');
    }
    if (!secrets) throw userError(`connection "${step.connection}" is not set up on this machine`, 'connection');
    return secrets;
  }

  private set(step: SetStep, path: string, scope: Scope): Now<unknown> {
    const context = this.context(scope);
    const values: Record<string, unknown> = {};
    for (const key in step.values) {
      const now = resolveAtOnce(step.values[key], context);
      if (now === FALLBACK) return this.setLater(step, path, scope, values, key);
      values[key] = now;
    }
    return this.setDone(step, path, values);
  }

  /** The rest of a set step's values from `from` on, once one of them needs JSONata's evaluator. */
  private async setLater(step: SetStep, path: string, scope: Scope, values: Record<string, unknown>, from: string): Promise<unknown> {
    const context = this.context(scope);
    let reached = false;
    for (const [key, value] of Object.entries(step.values)) {
      reached ||= key === from;
      if (!reached) continue;
      const now = resolveAtOnce(value, context);
      values[key] = now !== FALLBACK ? now : await resolveDeep(value, context);
    }
    return this.setDone(step, path, values);
  }

  private setDone(step: SetStep, path: string, values: Record<string, unknown>): Now<unknown> {
    Object.assign(this.vars, values);
    // A set step has no effect outside the job, so one record after it is enough.
    const record = this.fresh(step, path, 'succeeded', this.now());
    record.output = values;
    const written = this.put(record);
    return written ? written.then(() => values) : values;
  }

  private if(step: IfStep, path: string, record: StepRecord | undefined, scope: Scope): Now<unknown> {
    const recorded = record?.input as { condition?: boolean } | undefined;
    if (typeof recorded?.condition === 'boolean') return this.branch(step, path, scope, recorded.condition);
    const context = this.context(scope);
    const now = exprAtOnce(step.condition, context);
    if (now === FALLBACK) return evaluateExpr(step.condition, context).then((value) => this.decided(step, path, scope, truthy(value)));
    return this.decided(step, path, scope, truthy(now));
  }

  /** The condition is journaled before the branch runs, so a resume takes the same branch. */
  private decided(step: IfStep, path: string, scope: Scope, condition: boolean): Now<unknown> {
    const record = this.fresh(step, path, 'running', null);
    record.input = { condition };
    const written = this.put(record);
    return written ? written.then(() => this.branch(step, path, scope, condition)) : this.branch(step, path, scope, condition);
  }

  private branch(step: IfStep, path: string, scope: Scope, condition: boolean): Now<unknown> {
    const ran = this.runList(condition ? step.then : (step.else ?? []), scope, path);
    if (ran instanceof Promise) return ran.then((r) => this.finish(path, r.ran ? r.output : null));
    return this.finish(path, ran.ran ? ran.output : null);
  }

  private async foreach(step: ForeachStep, path: string, record: StepRecord | undefined, scope: Scope): Promise<unknown> {
    let items = (record?.input as { items?: unknown[] } | undefined)?.items;
    if (!Array.isArray(items)) {
      const context = this.context(scope);
      const now = exprAtOnce(step.items, context);
      const value = now !== FALLBACK ? now : await evaluateExpr(step.items, context);
      if (value === undefined || value === null) items = [];
      else if (Array.isArray(value)) items = value;
      else throw userError(`items must be a list, but the expression gives ${describeType(value)}`, 'items');
      await this.put(this.base(step, path, { status: 'running', input: { items } }));
    }
    const list = items;
    const outputs: unknown[] = new Array(list.length).fill(null);
    const name = step.as ?? 'item';
    const iterate = (index: number): Promise<void> | undefined => {
      const iteration: Scope = { steps: { ...scope.steps }, locals: { ...scope.locals, [name]: list[index], index } };
      const ran = this.runList(step.steps, iteration, `${path}[${index}]`);
      if (!(ran instanceof Promise)) {
        outputs[index] = ran.ran ? ran.output : null;
        return undefined;
      }
      return ran.then((r) => {
        outputs[index] = r.ran ? r.output : null;
      });
    };
    await pool(list.length, step.concurrency ?? 1, iterate);
    return this.finish(path, outputs);
  }

  private async try(step: TryStep, path: string, record: StepRecord | undefined, scope: Scope): Promise<unknown> {
    if (!record) await this.put(this.base(step, path, { status: 'running' }));
    let ran: Ran;
    try {
      ran = await this.runList(step.steps, scope, path);
    } catch (err) {
      if (!(err instanceof StepFailure)) throw err;
      const error = jobError(err);
      ran = await this.runList(step.catch, { steps: scope.steps, locals: { ...scope.locals, error } }, path);
    }
    return this.finish(path, ran.ran ? ran.output : null);
  }

  private async approval(step: ApprovalStep, path: string, record: StepRecord | undefined, scope: Scope): Promise<unknown> {
    if (record?.status === 'waiting') {
      if (record.due_at && this.deps.clock.now().getTime() > Date.parse(record.due_at)) {
        throw new StepFailure(`no answer came within ${step.timeout}`, { code: 'approval_timeout' });
      }
      throw new WaitSignal(path);
    }
    const message = await evaluateText(step.message, this.context(scope));
    const choices = step.choices ?? ['approve', 'reject'];
    const input = { message, assignee: step.assignee ?? null, choices };
    const answer = this.deps.autoAnswer?.(step.id);
    if (answer !== undefined) {
      if (!choices.includes(answer)) {
        // Record what was asked, so the failed step shows the message and the choices it had.
        await this.put(this.base(step, path, { status: 'running', input }));
        throw userError(`"${answer}" is not one of this approval's choices (${choices.join(', ')})`, 'approval_choice');
      }
      const output = { choice: answer, by: this.user.id, at: this.now() };
      await this.put(this.base(step, path, { status: 'succeeded', input, output, finished_at: this.now() }));
      return output;
    }
    const due_at = step.timeout ? new Date(this.deps.clock.now().getTime() + durationMs(step.timeout)).toISOString() : null;
    await this.put(this.base(step, path, { status: 'waiting', input, due_at }));
    throw new WaitSignal(path);
  }

  private async call(step: CallStep, path: string, record: StepRecord | undefined, scope: Scope): Promise<unknown> {
    if (!this.deps.runChild) throw userError('calling other recipes is not available here', 'call');
    let childId = record?.child_job ?? null;
    let input = record?.input;
    if (!childId) {
      input = await resolveDeep(step.input, this.context(scope));
      childId = this.deps.newId();
      await this.put(this.base(step, path, { status: 'running', input, child_job: childId }));
    }
    const child = await this.deps.runChild(childId, step.recipe, input, this.job);
    if (this.cancel.aborted) throw new CancelSignal();
    // A child job stopped at an uncertain step waits for the person's answer there; the parent waits on it.
    if (child.status === 'waiting' || child.status === 'uncertain') {
      await this.put({ ...this.records.get(path)!, status: 'waiting' });
      throw new WaitSignal(path);
    }
    if (child.status !== 'succeeded') {
      // A runaway chain of calls fails once, at its bottom; each parent passes that error up as it is, so
      // the top job says what went wrong instead of "recipe x failed: " sixteen times over.
      if (child.error?.code === 'call_depth') throw userError(child.error.message, 'call_depth');
      const why = child.error?.message ?? child.status;
      throw new StepFailure(`recipe "${step.recipe}" ${child.status}: ${why}`, { code: 'call_failed' });
    }
    return this.finish(path, child.output ?? null);
  }

  private async stop(step: StopStep, path: string, scope: Scope): Promise<Ran> {
    const message = step.message === undefined ? null : await evaluateText(step.message, this.context(scope));
    const output = { outcome: step.outcome, message };
    await this.put(this.base(step, path, { status: 'succeeded', output, finished_at: this.now() }));
    throw new StopSignal(step.id, step.outcome, message);
  }

  private finish(path: string, output: unknown): Now<unknown> {
    const record = this.records.get(path)!;
    const written = this.put(succeeded(record, output, this.now()));
    return written ? written.then(() => output) : output;
  }

  private context(scope: Scope): Record<string, unknown> {
    // Locals come last: a loop written `"as": "user"` over a list of users means its element there,
    // not the person running the job.
    return (scope.context ??= {
      trigger: this.job.trigger,
      steps: scope.steps,
      vars: this.vars,
      user: this.user,
      now: this.job.started_at,
      ...scope.locals
    });
  }

  /**
   * base() for the records every small step writes, built as one literal (the same keys in the same
   * order as base gives): an object spread costs a record microseconds in V8, more than the step's work.
   */
  private fresh(step: Step, path: string, status: StepRecord['status'], finishedAt: string | null, attempt?: number): StepRecord {
    const existing = this.records.get(path);
    return {
      step_id: step.id,
      path,
      kind: step.kind,
      attempt: attempt ?? existing?.attempt ?? 1,
      started_at: existing?.started_at ?? this.now(),
      finished_at: finishedAt,
      status
    };
  }

  private base(step: Step, path: string, fields: Partial<StepRecord>): StepRecord {
    const existing = this.records.get(path);
    return {
      step_id: step.id,
      path,
      kind: step.kind,
      attempt: existing?.attempt ?? (fields.status === 'skipped' ? 0 : 1),
      started_at: existing?.started_at ?? this.now(),
      finished_at: null,
      ...fields
    } as StepRecord;
  }

  /**
   * Journal one record. Nothing to wait for (undefined) when the journal answered JOURNALED; else the
   * write's promise. Either way a failed write is a JournalFailure naming the record.
   */
  private put(record: StepRecord): Promise<void> | undefined {
    this.records.set(record.path, record);
    let written: Promise<void>;
    try {
      written = this.deps.journal.putStep(this.job.id, record);
    } catch (err) {
      throw new JournalFailure(err, record.path);
    }
    if (written === JOURNALED) return undefined;
    return written.then(undefined, (err) => {
      throw new JournalFailure(err, record.path);
    });
  }

  private async write(op: () => Promise<void>): Promise<void> {
    try {
      await op();
    } catch (err) {
      throw new JournalFailure(err);
    }
  }

  /** Many records are written in the same millisecond; formatting the time once each saves real work. */
  private now(): string {
    const ms = this.deps.clock === systemClock ? Date.now() : this.deps.clock.now().getTime();
    if (ms !== this.lastMs) {
      this.lastMs = ms;
      this.lastIso = new Date(ms).toISOString();
    }
    return this.lastIso;
  }
}

/**
 * `{ ...job, ...patch, steps }` copied key by key, which V8 does several times faster than the spreads
 * (see fresh()); every key the job has is kept, whatever its journal added.
 */
function jobAfter(job: Job, patch: Partial<Job>, steps: StepRecord[]): Job {
  const out: Record<string, unknown> = {};
  for (const key in job) out[key] = job[key as keyof Job];
  for (const key in patch) out[key] = patch[key as keyof Job];
  out.steps = steps;
  return out as Job;
}

/**
 * `{ ...record, status: 'succeeded', output, finished_at }` without the spread (see fresh()): the same
 * keys, each optional one only where the record has it.
 */
function succeeded(record: StepRecord, output: unknown, at: string): StepRecord {
  const out: StepRecord = {
    step_id: record.step_id,
    path: record.path,
    kind: record.kind,
    attempt: record.attempt,
    started_at: record.started_at,
    finished_at: at,
    status: 'succeeded'
  };
  if ('input' in record) out.input = record.input;
  if ('error' in record) out.error = record.error;
  if ('due_at' in record) out.due_at = record.due_at;
  if ('child_job' in record) out.child_job = record.child_job;
  if ('answer' in record) out.answer = record.answer;
  out.output = output;
  return out;
}

/** How many of a step's input problems its error names. */
const MAX_INPUT_PROBLEMS = 10;

function isLeaf(step: Step): boolean {
  return step.kind === 'action' || step.kind === 'set' || step.kind === 'stop' || step.kind === 'approval' || step.kind === 'call';
}

/** A read, or an action that says running it twice does no more than once (for this input, when it can tell). */
function safeToRepeat(runtime: ActionRuntime, input: Record<string, unknown>): boolean {
  const effect = runtime.effectOf ? runtime.effectOf(input) : (runtime.effect ?? 'write');
  if (effect === 'read') return true;
  return runtime.idempotentOf ? runtime.idempotentOf(input) : runtime.idempotent === true;
}

function jobError(err: StepFailure): JobError {
  return { message: err.message, step: err.stepId ?? null, code: err.code };
}

function failureFrom(record: StepRecord): StepFailure {
  const failure = new StepFailure(record.error?.message ?? 'the step failed', { code: record.error?.code ?? 'error' });
  failure.stepId = record.step_id;
  return failure;
}

function asFailure(err: unknown, runtime: ActionRuntime): StepFailure {
  const failure =
    err instanceof StepFailure
      ? err
      : new StepFailure(err instanceof Error ? err.message : String(err), { code: 'connector', kind: 'operational' });
  if (runtime.retryable && !(err instanceof StepFailure && err.kind === 'user')) {
    return new StepFailure(failure.message, {
      code: failure.code,
      kind: failure.kind,
      retryable: runtime.retryable(err),
      retryAfterMs: failure.retryAfterMs
    });
  }
  return failure;
}

/** A secret must never reach a job's record, even when a server echoes it back in an error. */
function redact(failure: StepFailure, redactor: Redactor): StepFailure {
  const message = redactor.text(failure.message);
  if (message === failure.message) return failure;
  return new StepFailure(message, { code: failure.code, kind: failure.kind, retryable: failure.retryable, retryAfterMs: failure.retryAfterMs });
}

function describeType(value: unknown): string {
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}

/**
 * Run `count` tasks with at most `limit` at once. After the first failure no new task starts; the
 * running ones finish, then the failure is thrown. A stop or failure outranks a wait.
 */
async function pool(count: number, limit: number, task: (index: number) => Promise<void> | undefined): Promise<void> {
  if (limit <= 1) {
    for (let i = 0; i < count; i++) {
      const pending = task(i);
      if (pending) await pending;
    }
    return;
  }
  let next = 0;
  let problem: unknown;
  const worker = async () => {
    while (next < count && (problem === undefined || problem instanceof WaitSignal)) {
      const index = next++;
      try {
        await task(index);
      } catch (err) {
        if (problem === undefined || problem instanceof WaitSignal) problem = err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  if (problem !== undefined) throw problem;
}
