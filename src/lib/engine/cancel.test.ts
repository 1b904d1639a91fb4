/** Cancelling a job: a running one stops (its call aborted), a waiting one ends, a finished one stays. */
import { describe, expect, it } from 'vitest';
import { systemClock } from './system-clock';
import { recipe, setup } from './test-kit';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(check()).toBe(true);
}

const slow = (id: string) => ({ id, kind: 'action', connector: 't', action: 'slow', input: {} });
const after = { id: 'after', kind: 'set', values: { ran: true } };

describe('cancel', () => {
  it('a running job whose action honours ctx.signal ends `cancelled`', async () => {
    const { runner, calls, journal } = setup();
    const pending = runner.start(recipe([{ id: 'first', kind: 'set', values: { a: 1 } }, slow('wait'), after]), {});
    await until(() => calls.has('wait'));
    const jobId = journal.jobIds()[0];
    expect(runner.isActive(jobId)).toBe(true);
    await runner.cancel(jobId);
    const job = await pending;
    expect(job.status).toBe('cancelled');
    expect(job.error).toEqual({ message: 'the job was cancelled', step: null, code: 'cancelled' });
    expect(job.finished_at).not.toBeNull();
    const status = Object.fromEntries(job.steps.map((s) => [s.path, s.status]));
    expect(status).toEqual({ first: 'succeeded', wait: 'cancelled' });
    expect((await journal.loadJob(jobId))!.status).toBe('cancelled');
    expect(runner.isActive(jobId)).toBe(false);
  });

  it('cancels every iteration of a concurrent loop, and its containers', async () => {
    const { runner, calls, journal } = setup();
    const pending = runner.start(recipe([{ id: 'each', kind: 'foreach', items: '[1, 2, 3, 4]', concurrency: 2, steps: [slow('wait')] }, after]), {});
    await until(() => calls.size === 2);
    await runner.cancel(journal.jobIds()[0]);
    const job = await pending;
    expect(job.status).toBe('cancelled');
    expect([...calls.keys()].sort()).toEqual(['each[0]/wait', 'each[1]/wait']);
    const status = Object.fromEntries(job.steps.map((s) => [s.path, s.status]));
    expect(status).toEqual({ each: 'cancelled', 'each[0]/wait': 'cancelled', 'each[1]/wait': 'cancelled' });
  });

  it('cuts short a wait between retries', async () => {
    // the real clock: its sleep must end when the job is cancelled
    const { runner, calls, journal } = setup({ clock: systemClock });
    const r = recipe([
      { id: 'flaky', kind: 'action', connector: 't', action: 'fail', input: { retryable: true }, retry: { attempts: 5, backoff: 'fixed', initial_ms: 60_000 } },
      after
    ]);
    const pending = runner.start(r, {});
    await until(() => calls.has('flaky'));
    const started = Date.now();
    await runner.cancel(journal.jobIds()[0]);
    const job = await pending;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(job.status).toBe('cancelled');
    expect(calls.get('flaky')).toBe(1);
  });

  it('a waiting job ends `cancelled`, and answering it no longer runs anything', async () => {
    const { runner } = setup();
    const r = recipe([{ id: 'ok', kind: 'approval', message: 'go?' }, after]);
    const waiting = await runner.start(r, {});
    await runner.cancel(waiting.id);
    const job = await runner.resume(waiting.id, r);
    expect(job.status).toBe('cancelled');
    expect(job.error).toMatchObject({ code: 'cancelled' });
    // the approval leaves the inbox: it no longer waits, and cannot be answered
    expect(job.steps.find((s) => s.path === 'ok')!.status).toBe('cancelled');
    await expect(runner.answer(waiting.id, 'ok', { choice: 'approve', by: 'x' }, r)).rejects.toThrow('is not waiting for an answer');
    expect(job.steps.some((s) => s.path === 'after')).toBe(false);
  });

  it('cancelling a job cancels the child job its call step runs', async () => {
    const child = recipe([slow('deep')], { kind: 'callable', input: [] }, 'child');
    const { runner, calls, journal } = setup({ recipes: [child] });
    const pending = runner.start(recipe([{ id: 'sub', kind: 'call', recipe: 'child', input: {} }, after]), {});
    await until(() => calls.has('deep'));
    const [parentId, childId] = journal.jobIds();
    await runner.cancel(parentId);
    const job = await pending;
    expect(job.status).toBe('cancelled');
    expect((await journal.loadJob(childId))!.status).toBe('cancelled');
    expect(job.steps.find((s) => s.path === 'sub')!.status).toBe('cancelled');
  });

  it('cancelling a job that waits on a child’s approval ends both', async () => {
    const child = recipe([{ id: 'ok', kind: 'approval', message: 'go?' }], { kind: 'callable', input: [] }, 'child');
    const parent = recipe([{ id: 'sub', kind: 'call', recipe: 'child', input: {} }, after]);
    const { runner, journal } = setup({ recipes: [child, parent] });
    const waiting = await runner.start(parent, {});
    expect(waiting.status).toBe('waiting');
    const childId = waiting.steps.find((s) => s.path === 'sub')!.child_job!;
    await runner.cancel(waiting.id);
    const stored = (await journal.loadJob(childId))!;
    expect(stored.status).toBe('cancelled');
    expect(stored.steps.find((s) => s.path === 'ok')!.status).toBe('cancelled');
    await expect(runner.answer(childId, 'ok', { choice: 'approve', by: 'x' })).rejects.toThrow('is not waiting for an answer');
  });

  it('a finished job stays as it was', async () => {
    const { runner } = setup();
    const done = await runner.start(recipe([after]), {});
    await runner.cancel(done.id);
    expect(await runner.resume(done.id)).toMatchObject({ status: 'succeeded', output: { ran: true } });
  });
});
