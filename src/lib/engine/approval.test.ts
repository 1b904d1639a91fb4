/** `approval`: the job waits until a person answers (or an answer was given ahead), and may time out. */
import { describe, expect, it } from 'vitest';
import { recipe, setup } from './test-kit';

const approval = (more: Record<string, unknown> = {}) => ({ id: 'ok', kind: 'approval', message: 'Pay {{ trigger.amount }}?', ...more });
const after = { id: 'after', kind: 'action', connector: 't', action: 'echo', input: { value: '{{ steps.ok.choice }} by {{ steps.ok.by }}' } };

describe('approval', () => {
  it('puts the job in `waiting` with the resolved message and default choices', async () => {
    const { runner, calls } = setup();
    const job = await runner.start(recipe([approval(), after]), { amount: 900 });
    expect(job.status).toBe('waiting');
    expect(job.finished_at).toBeNull();
    const record = job.steps.find((s) => s.path === 'ok')!;
    expect(record).toMatchObject({ status: 'waiting', input: { message: 'Pay 900?', assignee: null, choices: ['approve', 'reject'] } });
    expect(calls.size).toBe(0);
  });

  it.each([
    ['{{ trigger.list }}', '[1,2]'],
    ['{{ trigger.o }}', '{"k":"v"}'],
    ['{{ trigger.none }}', ''],
    ['{{ trigger.n }}', '3'],
    ['Pay {{ trigger.list }}?', 'Pay [1,2]?']
  ])('a message %j is the text %j', async (message, text) => {
    const { runner } = setup();
    const job = await runner.start(recipe([approval({ message })]), { list: [1, 2], o: { k: 'v' }, n: 3 });
    expect(job.steps.find((s) => s.path === 'ok')!.input).toMatchObject({ message: text });
  });

  it('goes on when answered, with output {choice, by, at, comment?}', async () => {
    const { runner, clock, calls } = setup();
    const r = recipe([approval({ choices: ['pay', 'hold'] }), after]);
    const waiting = await runner.start(r, { amount: 1 });
    clock.advance(60_000);
    const job = await runner.answer(waiting.id, 'ok', { choice: 'hold', by: 'ana', comment: 'ask first' }, r);
    expect(job.status).toBe('succeeded');
    expect(job.output).toBe('hold by ana');
    expect(job.steps.find((s) => s.path === 'ok')!.output).toEqual({ choice: 'hold', by: 'ana', at: '2025-01-01T00:01:00.000Z', comment: 'ask first' });
    expect(calls.get('after')).toBe(1);
  });

  it('takes an answer given ahead (autoAnswer) without waiting', async () => {
    const { runner } = setup({ autoAnswer: (id) => (id === 'ok' ? 'approve' : undefined) });
    const job = await runner.start(recipe([approval(), after]), { amount: 1 });
    expect(job.status).toBe('succeeded');
    expect(job.output).toBe('approve by local');
    expect(job.steps.find((s) => s.path === 'ok')!.output).toEqual({ choice: 'approve', by: 'local', at: '2025-01-01T00:00:00.000Z' });
  });

  it('fails the step when an answer given ahead is not one of the choices', async () => {
    const { runner } = setup({ autoAnswer: () => 'maybe' });
    const job = await runner.start(recipe([approval(), after]), { amount: 1 });
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ message: '"maybe" is not one of this approval\'s choices (approve, reject)', step: 'ok', code: 'approval_choice' });
    expect(job.steps.find((s) => s.path === 'ok')).toMatchObject({ status: 'failed', input: { choices: ['approve', 'reject'] } });
  });

  it('refuses an answer that is not one of the choices, and the job keeps waiting', async () => {
    const { runner, journal } = setup();
    const r = recipe([approval(), after]);
    const waiting = await runner.start(r, { amount: 1 });
    await expect(runner.answer(waiting.id, 'ok', { choice: 'maybe', by: 'ana' }, r)).rejects.toThrow('"maybe" is not one of approve, reject');
    expect((await journal.loadJob(waiting.id))!.status).toBe('waiting');
  });

  it('refuses an answer for a step that is not waiting', async () => {
    const { runner } = setup();
    const r = recipe([approval(), after]);
    const waiting = await runner.start(r, { amount: 1 });
    await expect(runner.answer(waiting.id, 'after', { choice: 'approve', by: 'ana' }, r)).rejects.toThrow('is not waiting for an answer');
    await runner.answer(waiting.id, 'ok', { choice: 'approve', by: 'ana' }, r);
    await expect(runner.answer(waiting.id, 'ok', { choice: 'reject', by: 'bo' }, r)).rejects.toThrow('is not waiting for an answer');
  });

  it('times out: resumed after its timeout, the step fails with code approval_timeout', async () => {
    const { runner, clock } = setup();
    const r = recipe([approval({ timeout: 'PT30M' }), after]);
    const waiting = await runner.start(r, { amount: 1 });
    expect(waiting.steps.find((s) => s.path === 'ok')!.due_at).toBe('2025-01-01T00:30:00.000Z');
    clock.advance(29 * 60_000);
    expect((await runner.resume(waiting.id, r)).status).toBe('waiting');
    clock.advance(2 * 60_000);
    const job = await runner.resume(waiting.id, r);
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ message: 'no answer came within PT30M', step: 'ok', code: 'approval_timeout' });
  });

  it('a timeout inside a try is caught like any failure', async () => {
    const { runner, clock } = setup();
    const r = recipe([{ id: 'guard', kind: 'try', steps: [approval({ timeout: 'PT1H' })], catch: [{ id: 'late', kind: 'set', values: { why: '{{ error.code }}' } }] }]);
    const waiting = await runner.start(r, { amount: 1 });
    clock.advance(2 * 3600_000);
    const job = await runner.resume(waiting.id, r);
    expect(job).toMatchObject({ status: 'succeeded', output: { why: 'approval_timeout' } });
  });

  it('in a loop with concurrency, every iteration waits at once and the job goes on after the last answer', async () => {
    const { runner } = setup();
    const r = recipe([
      { id: 'each', kind: 'foreach', items: '["a", "b", "c"]', concurrency: 3, steps: [{ id: 'ok', kind: 'approval', message: 'ok {{ item }}?' }] }
    ]);
    let job = await runner.start(r, {});
    const waiting = job.steps.filter((s) => s.status === 'waiting').map((s) => s.path);
    expect(waiting.sort()).toEqual(['each[0]/ok', 'each[1]/ok', 'each[2]/ok']);
    job = await runner.answer(job.id, 'each[1]/ok', { choice: 'reject', by: 'x' }, r);
    expect(job.status).toBe('waiting');
    job = await runner.answer(job.id, 'each[0]/ok', { choice: 'approve', by: 'x' }, r);
    job = await runner.answer(job.id, 'each[2]/ok', { choice: 'approve', by: 'x' }, r);
    expect(job.status).toBe('succeeded');
    expect((job.output as Array<{ choice: string }>).map((o) => o.choice)).toEqual(['approve', 'reject', 'approve']);
  });
});

describe('an answer that comes while the rest of the job still runs', () => {
  it('waits for the running part to end, and runs nothing twice', async () => {
    const { runner, calls, journal } = setup();
    const r = recipe([
      {
        id: 'each',
        kind: 'foreach',
        items: '[0, 1]',
        concurrency: 2,
        steps: [
          {
            id: 'first',
            kind: 'if',
            condition: 'item = 0',
            then: [{ id: 'ok', kind: 'approval', message: 'go?' }],
            else: [{ id: 'work', kind: 'action', connector: 't', action: 'echo', input: { value: 'done', delay: 40 } }]
          }
        ]
      }
    ]);
    const started = runner.start(r, {});
    // the approval is in the inbox while iteration 1 still works
    for (let i = 0; i < 100 && !(await journal.loadJob('j1'))?.steps.some((s) => s.status === 'waiting'); i++) await new Promise((res) => setTimeout(res, 1));
    expect(runner.isActive('j1')).toBe(true);
    const answered = runner.answer('j1', 'each[0]/first/ok', { choice: 'approve', by: 'ana' }, r);
    const [first, final] = await Promise.all([started, answered]);
    expect(first.status).toBe('waiting');
    expect(final.status).toBe('succeeded');
    expect((final.output as unknown[])[1]).toBe('done');
    expect(calls.get('each[1]/first/work')).toBe(1);
    expect((await journal.loadJob('j1'))!.status).toBe('succeeded');
  });

  it('two answers at once resume the job one after the other, and run nothing twice', async () => {
    const { runner, calls } = setup();
    const r = recipe([
      {
        id: 'each',
        kind: 'foreach',
        items: '[0, 1]',
        concurrency: 2,
        steps: [
          { id: 'ok', kind: 'approval', message: 'go {{ item }}?' },
          { id: 'work', kind: 'action', connector: 't', action: 'echo', input: { value: '{{ item }}', delay: 10 } }
        ]
      },
      { id: 'after', kind: 'action', connector: 't', action: 'echo', input: { value: '{{ steps.each }}' } }
    ]);
    const waiting = await runner.start(r, {});
    expect(waiting.status).toBe('waiting');
    await Promise.all([
      runner.answer(waiting.id, 'each[0]/ok', { choice: 'approve', by: 'ana' }, r),
      runner.answer(waiting.id, 'each[1]/ok', { choice: 'approve', by: 'bo' }, r)
    ]);
    const job = await runner.resume(waiting.id, r);
    expect(job).toMatchObject({ status: 'succeeded', output: [0, 1] });
    expect(Object.fromEntries(calls)).toEqual({ 'each[0]/work': 1, 'each[1]/work': 1, after: 1 });
  });
});
