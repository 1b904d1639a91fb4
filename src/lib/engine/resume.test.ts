/**
 * Durable resume. A journal that "crashes" at a seeded-random write (and, once per seed, a connector that
 * crashes mid-call) kills the run; a NEW runner over the same stored journal resumes the job, again and
 * again, until it ends. Every job must end as an uninterrupted run does, and no step whose finished
 * record was written may ever execute again.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Job, Recipe, StepRecord } from '../recipe';
import { ConnectorRegistry, defineConnector } from '../connectors/sdk';
import { connectorError } from './errors';
import { MemoryJournal } from './memory-journal';
import type { Journal } from './ports';
import { createRunner } from './runner';
import { JournalFailure } from './signals';
import { recipe, seeded, setup, TestClock } from './test-kit';

class Crash extends Error {
  constructor() {
    super('crash');
  }
}

/** The process: once it has crashed, nothing it still tries to write reaches the store. */
interface Process {
  crashed: boolean;
}

/** Writes through to the stored journal (as copies, like a real store) until write number `crashAt`. */
class CrashingJournal implements Journal {
  writes = 0;

  constructor(
    private readonly store: MemoryJournal,
    private readonly process: Process,
    private readonly crashAt: number,
    private readonly onStored: (jobId: string, record: StepRecord) => void
  ) {}

  private async write(op: () => Promise<void>): Promise<void> {
    if (this.process.crashed) throw new Crash();
    if (++this.writes === this.crashAt) {
      this.process.crashed = true;
      throw new Crash();
    }
    await op();
  }

  createJob(job: Job) {
    return this.write(() => this.store.createJob(structuredClone(job)));
  }
  updateJob(id: string, patch: Partial<Job>) {
    return this.write(() => this.store.updateJob(id, structuredClone(patch)));
  }
  putStep(jobId: string, record: StepRecord) {
    return this.write(async () => {
      await this.store.putStep(jobId, structuredClone(record));
      this.onStored(jobId, record);
    });
  }
  async loadJob(id: string) {
    return structuredClone(await this.store.loadJob(id));
  }
}

/** Counts executions by path; `crashOn` makes the n-th execution (over all runners) crash the process. */
function countingConnector(state: { process: Process; executions: Map<string, number>; total: number; crashOn: number; crashedMidCall?: boolean }) {
  const run = (path: string) => {
    state.executions.set(path, (state.executions.get(path) ?? 0) + 1);
    if (++state.total === state.crashOn) {
      state.process.crashed = true;
      state.crashedMidCall = true;
      throw new Crash();
    }
  };
  return defineConnector({
    id: 'count',
    label: 'Counting',
    actions: {
      echo: {
        label: 'Echo',
        effect: 'write',
        idempotent: false,
        input: z.object({ value: z.unknown() }),
        output: z.unknown(),
        async execute(input, ctx) {
          run(ctx.path);
          // yield, so concurrent iterations interleave
          await new Promise((resolve) => setImmediate(resolve));
          return input.value;
        }
      },
      fail: {
        label: 'Fail',
        effect: 'write',
        idempotent: false,
        input: z.object({ why: z.string() }),
        output: z.unknown(),
        async execute(input, ctx) {
          run(ctx.path);
          await new Promise((resolve) => setImmediate(resolve));
          throw connectorError(input.why, { code: 'refused' });
        }
      }
    }
  });
}

const echo = (id: string, value: unknown) => ({ id, kind: 'action', connector: 'count', action: 'echo', input: { value } });

const mixed: Recipe = recipe(
  [
    { id: 'init', kind: 'set', values: { total: 0, seen: [] } },
    {
      id: 'seq',
      kind: 'foreach',
      items: '{{ trigger.items }}',
      as: 'it',
      steps: [
        echo('a', '{{ it * 10 }}'),
        {
          id: 'big',
          kind: 'if',
          condition: '{{ it > 2 }}',
          then: [{ id: 'acc', kind: 'set', values: { seen: '{{ $append(vars.seen, it) }}', total: '{{ vars.total + steps.a }}' } }],
          else: [echo('small', 'small {{ it }} after {{ vars.total }}')]
        }
      ]
    },
    {
      id: 'par',
      kind: 'foreach',
      items: '{{ trigger.items }}',
      concurrency: 3,
      steps: [
        {
          id: 'guard',
          kind: 'try',
          steps: [
            echo('x', '{{ item }}'),
            { id: 'odd', kind: 'if', condition: '{{ item % 2 = 1 }}', then: [{ id: 'no', kind: 'action', connector: 'count', action: 'fail', input: { why: 'odd {{ item }}' } }] }
          ],
          catch: [echo('h', { caught: '{{ error.step }}', why: '{{ error.message }}', item: '{{ item }}' })]
        },
        echo('y', { i: '{{ index }}', from: '{{ steps.guard }}' })
      ]
    },
    { id: 'tally', kind: 'set', values: { count: '{{ $count(steps.par) }}' } },
    { id: 'skip', kind: 'set', disabled: true, values: { never: true } },
    echo('report', { vars: '{{ vars }}', seq: '{{ steps.seq }}', par: '{{ steps.par }}' })
  ],
  { kind: 'manual', input: [{ name: 'items', type: 'list', required: true }] },
  'mixed'
);

const trigger = { items: [1, 2, 3, 4, 5, 6, 7] };

async function uninterrupted() {
  const state = { process: { crashed: false }, executions: new Map<string, number>(), total: 0, crashOn: 0 };
  const journal = new CrashingJournal(new MemoryJournal(), state.process, Infinity, () => {});
  const runner = createRunner({ journal, connectors: new ConnectorRegistry([countingConnector(state)]), clock: new TestClock(), newId: () => 'job' });
  const job = await runner.start(mixed, trigger, { jobId: 'job' });
  return { job, writes: journal.writes, executions: state.total };
}

const isFinished = (r: StepRecord) => r.status === 'succeeded' || r.status === 'failed';

describe('durable resume after crashes', () => {
  it('the uninterrupted run is what the recipe says', async () => {
    const { job } = await uninterrupted();
    expect(job.status).toBe('succeeded');
    const out = job.output as { vars: unknown; seq: unknown; par: Array<{ i: number; from: unknown }> };
    expect(out.vars).toEqual({ total: 250, seen: [3, 4, 5, 6, 7], count: 7 });
    expect(out.seq).toEqual(['small 1 after 0', 'small 2 after 0', { seen: [3], total: 30 }, { seen: [3, 4], total: 70 }, { seen: [3, 4, 5], total: 120 }, { seen: [3, 4, 5, 6], total: 180 }, { seen: [3, 4, 5, 6, 7], total: 250 }]);
    expect(out.par[0]).toEqual({ i: 0, from: { caught: 'no', why: 'odd 1', item: 1 } });
    expect(out.par[1]).toEqual({ i: 1, from: null });
  });

  const SEEDS = 200;
  it(`every job ends as an uninterrupted run does, and no finished step runs twice (${SEEDS} seeds)`, async () => {
    const reference = await uninterrupted();
    expect(reference.job.status).toBe('succeeded');
    let totalCrashes = 0;
    let midCallCrashes = 0;

    for (let seed = 1; seed <= SEEDS; seed++) {
      const rand = seeded(seed);
      const store = new MemoryJournal();
      const state = {
        process: { crashed: false },
        executions: new Map<string, number>(),
        total: 0,
        crashOn: 1 + Math.floor(rand() * reference.executions),
        crashedMidCall: false
      };
      const connectors = new ConnectorRegistry([countingConnector(state)]);
      // executions of each path when its finished record was stored: it must never run again after that
      const finishedAt = new Map<string, number>();
      const onStored = (_job: string, record: StepRecord) => {
        if (isFinished(record) && !finishedAt.has(record.path)) finishedAt.set(record.path, state.executions.get(record.path) ?? 0);
      };

      let job: Job | undefined;
      for (let run = 0; !job || !['succeeded', 'failed', 'cancelled'].includes(job.status); run++) {
        expect(run, `seed ${seed}: too many runs`).toBeLessThan(20);
        state.process = { crashed: false };
        const crashAt = run < 6 ? 1 + Math.floor(rand() * reference.writes) : Infinity;
        const journal = new CrashingJournal(store, state.process, crashAt, onStored);
        const runner = createRunner({ journal, connectors, clock: new TestClock(), newId: () => 'job' });
        try {
          job = (await store.loadJob('job')) ? await runner.resume('job', mixed) : await runner.start(mixed, trigger, { jobId: 'job' });
          // Its writes are not idempotent: a call cut off mid-way waits for a person, who here says run it again.
          while (job.status === 'uncertain') {
            const open = job.steps.find((s) => s.status === 'uncertain')!;
            job = await runner.answerUncertain('job', open.path, { choice: 'rerun', by: 'test' }, mixed);
          }
        } catch (err) {
          const crash = err instanceof Crash || (err instanceof JournalFailure && err.cause instanceof Crash);
          if (!crash) throw new Error(`seed ${seed}: ${String(err)}`, { cause: err });
          expect(state.process.crashed).toBe(true);
          totalCrashes++;
          job = undefined;
        }
      }

      if (state.crashedMidCall) midCallCrashes++;
      expect(job.status, `seed ${seed}`).toBe('succeeded');
      expect(job.output, `seed ${seed}`).toEqual(reference.job.output);
      const stored = (await store.loadJob('job'))!;
      expect(stored.status).toBe('succeeded');
      expect(stored.output).toEqual(reference.job.output);
      expect(stored.steps.filter((s) => s.status === 'running' || s.status === 'waiting'), `seed ${seed}`).toEqual([]);
      for (const [path, count] of finishedAt) {
        if (state.executions.has(path)) expect(state.executions.get(path), `seed ${seed}: ${path} ran again after it finished`).toBe(count);
      }
    }
    // the test did crash, often and also mid-call
    expect(totalCrashes).toBeGreaterThan(SEEDS * 2);
    expect(midCallCrashes).toBe(SEEDS);
  });
});

describe('rerun from the failed step', () => {
  const steps = (fixed: boolean) => [
    { id: 'first', kind: 'action', connector: 't', action: 'echo', input: { value: 'one' } },
    { id: 'mark', kind: 'set', values: { marked: '{{ steps.first }}' } },
    {
      id: 'each',
      kind: 'foreach',
      items: '[1, 2, 3]',
      steps: [
        { id: 'x', kind: 'action', connector: 't', action: 'echo', input: { value: '{{ item }}' } },
        { id: 'check', kind: 'action', connector: 't', action: fixed ? 'echo' : 'fail', input: fixed ? { value: '{{ item }}!' } : {} }
      ]
    },
    { id: 'last', kind: 'action', connector: 't', action: 'echo', input: { value: { marked: '{{ vars.marked }}', each: '{{ steps.each }}' } } }
  ];

  it('does not execute again the steps that succeeded', async () => {
    const { runner, calls } = setup();
    const broken = recipe(steps(false));
    const failed = await runner.start(broken, {});
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ step: 'check' });
    expect(Object.fromEntries(calls)).toEqual({ first: 1, 'each[0]/x': 1, 'each[0]/check': 1 });

    const again = await runner.rerun(failed.id, { fromFailed: true, recipe: recipe(steps(true)) });
    expect(again).toMatchObject({ status: 'succeeded', rerun_of: failed.id, trigger: failed.trigger });
    expect(again.id).not.toBe(failed.id);
    expect(again.output).toEqual({ marked: 'one', each: ['1!', '2!', '3!'] });
    expect(Object.fromEntries(calls)).toEqual({
      first: 1,
      'each[0]/x': 1,
      'each[0]/check': 2,
      'each[1]/x': 1,
      'each[1]/check': 1,
      'each[2]/x': 1,
      'each[2]/check': 1,
      last: 1
    });
  });

  it('without fromFailed runs every step again', async () => {
    const { runner, calls } = setup();
    const failed = await runner.start(recipe(steps(false)), {});
    const again = await runner.rerun(failed.id, { recipe: recipe(steps(true)) });
    expect(again.status).toBe('succeeded');
    expect(calls.get('first')).toBe(2);
    expect(calls.get('each[0]/x')).toBe(2);
  });
});
