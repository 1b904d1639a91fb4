/**
 * Uncertain steps. A job cut off while a call was in flight leaves that step's record `running` (input
 * journaled, no result). On resume the call is made again only when repeating it is harmless (a read, an
 * idempotent action); any other step is marked `uncertain` and the job waits for a person's answer.
 * The cut is what a crash leaves in the journal: the job row and a `running` record, written as the
 * engine writes them.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Job, Recipe } from '../recipe';
import { defineConnector } from '../connectors/sdk';
import { recipe, setup } from './test-kit';

/** `k.*` count their calls by path; each declares its effect as a real connector would. */
function kinds() {
  const calls = new Map<string, number>();
  const action = (effect: 'read' | 'write', idempotent: boolean, more: Record<string, unknown> = {}) => ({
    label: 'k',
    effect,
    idempotent,
    input: z.object({ value: z.unknown().optional(), method: z.string().optional() }),
    output: z.unknown(),
    ...more,
    async execute(input: { value?: unknown }, ctx: { path: string }) {
      calls.set(ctx.path, (calls.get(ctx.path) ?? 0) + 1);
      return input.value ?? 'done';
    }
  });
  const connector = defineConnector({
    id: 'k',
    label: 'Kinds',
    actions: {
      read: action('read', true),
      put: action('write', true),
      post: action('write', false),
      http: action('write', false, {
        effectOf: (input: Record<string, unknown>) => (input.method === 'GET' ? 'read' : 'write'),
        idempotentOf: (input: Record<string, unknown>) => input.method === 'GET' || input.method === 'PUT'
      })
    }
  });
  return { connector, calls };
}

const step = (id: string, action: string, input: Record<string, unknown> = {}) => ({ id, kind: 'action', connector: 'k', action, input });

/** The journal a crash leaves: `first` finished, `cut` was in flight. */
async function cutOff(action: string, input: Record<string, unknown> = {}, more: unknown[] = [step('after', 'read', { value: '{{ steps.cut }}' })]) {
  const k = kinds();
  const kit = setup({ extra: [k.connector] });
  const r: Recipe = recipe([step('first', 'post', { value: 1 }), step('cut', action, input), ...more]);
  const job = await kit.runner.create(r, {}, {});
  const at = '2025-01-01T00:00:00.000Z';
  await kit.journal.putStep(job.id, { step_id: 'first', path: 'first', kind: 'action', status: 'succeeded', attempt: 1, input: { value: 1 }, output: 1, started_at: at, finished_at: at });
  await kit.journal.putStep(job.id, { step_id: 'cut', path: 'cut', kind: 'action', status: 'running', attempt: 1, input, started_at: at, finished_at: null });
  return { ...kit, r, job, calls: k.calls };
}

const recordOf = (job: Job, path: string) => job.steps.find((s) => s.path === path)!;

describe('resume of a call cut off mid-way', () => {
  it.each([
    ['a read', 'read', {}],
    ['a declared idempotent write', 'put', {}],
    ['an http GET (effectOf)', 'http', { method: 'GET' }],
    ['an http PUT (idempotentOf)', 'http', { method: 'PUT' }]
  ])('%s is run again', async (_name, action, input) => {
    const { runner, job, r, calls } = await cutOff(action, input);
    const done = await runner.resume(job.id, r);
    expect(done.status).toBe('succeeded');
    expect(calls.get('cut')).toBe(1);
    expect(calls.get('first')).toBeUndefined();
    expect(recordOf(done, 'cut')).toMatchObject({ status: 'succeeded', attempt: 2 });
  });

  it.each([
    ['a write that is not idempotent', 'post', {}],
    ['an http POST (idempotentOf)', 'http', { method: 'POST' }]
  ])('%s is marked uncertain and the job waits, unfinished', async (_name, action, input) => {
    const { runner, job, r, calls, journal } = await cutOff(action, input);
    const waiting = await runner.resume(job.id, r);
    expect(waiting.status).toBe('uncertain');
    expect(waiting.finished_at).toBeNull();
    expect(calls.size).toBe(0);
    expect(recordOf(waiting, 'cut')).toMatchObject({ status: 'uncertain', attempt: 1, input });
    expect((await journal.loadJob(job.id))!.status).toBe('uncertain');
    // Resumed again (another tab, a restart), it still waits and still makes no call.
    expect((await runner.resume(job.id, r)).status).toBe('uncertain');
    expect(calls.size).toBe(0);
  });
});

describe('answering an uncertain step', () => {
  it.each([
    ['the output the person gives', { id: 42 }, { id: 42 }],
    ['null when none is given', undefined, null]
  ])('"continue": the step succeeds with %s, without a call, and the job goes on', async (_name, given, output) => {
    const { runner, job, r, calls } = await cutOff('post');
    await runner.resume(job.id, r);
    const done = await runner.answerUncertain(job.id, 'cut', { choice: 'continue', by: 'ana', output: given }, r);
    expect(done.status).toBe('succeeded');
    expect(calls.get('cut')).toBeUndefined();
    expect(recordOf(done, 'cut')).toMatchObject({ status: 'succeeded', output, answer: { choice: 'continue', by: 'ana' } });
    expect(done.output).toEqual(output ?? 'done');
  });

  it('"rerun": the call is made once more, and the record says who asked', async () => {
    const { runner, job, r, calls } = await cutOff('post', { value: 'again' });
    await runner.resume(job.id, r);
    const done = await runner.answerUncertain(job.id, 'cut', { choice: 'rerun', by: 'bo' }, r);
    expect(done.status).toBe('succeeded');
    expect(calls.get('cut')).toBe(1);
    expect(recordOf(done, 'cut')).toMatchObject({ status: 'succeeded', attempt: 2, output: 'again', answer: { choice: 'rerun', by: 'bo' } });
  });

  it('"rerun" is kept in the journal: a crash before the call still runs it, once', async () => {
    const { runner, job, r, calls, journal } = await cutOff('post');
    const waiting = await runner.resume(job.id, r);
    // What answerUncertain writes before it resumes; the resume is what a restart does.
    await journal.putStep(job.id, { ...recordOf(waiting, 'cut'), answer: { choice: 'rerun', by: 'bo', at: 'x' } });
    expect((await runner.resume(job.id, r)).status).toBe('succeeded');
    expect(calls.get('cut')).toBe(1);
  });

  it('a re-run cut off again is uncertain again, with the old answer cleared', async () => {
    const { runner, job, r, journal } = await cutOff('post');
    const waiting = await runner.resume(job.id, r);
    await journal.putStep(job.id, { ...recordOf(waiting, 'cut'), status: 'running', attempt: 2, answer: { choice: 'rerun', by: 'bo', at: 'x' } });
    const again = await runner.resume(job.id, r);
    expect(again.status).toBe('uncertain');
    expect(recordOf(again, 'cut')).toMatchObject({ status: 'uncertain', attempt: 2, answer: null });
  });

  it('"stop": the job is cancelled, saying which step and who, and nothing more runs', async () => {
    const { runner, job, r, calls } = await cutOff('post');
    await runner.resume(job.id, r);
    const ended = await runner.answerUncertain(job.id, 'cut', { choice: 'stop', by: 'cy' }, r);
    expect(ended.status).toBe('cancelled');
    expect(ended.finished_at).not.toBeNull();
    expect(ended.error).toEqual({ message: 'stopped by cy: step "cut" may or may not have run; check it outside Sous', step: 'cut', code: 'uncertain_stopped' });
    expect(recordOf(ended, 'cut')).toMatchObject({ status: 'cancelled', answer: { choice: 'stop', by: 'cy' } });
    expect(calls.size).toBe(0);
    expect((await runner.resume(job.id, r)).status).toBe('cancelled');
  });

  it('refuses an answer for a step that is not uncertain', async () => {
    const { runner, job, r } = await cutOff('post');
    await runner.resume(job.id, r);
    await expect(runner.answerUncertain(job.id, 'first', { choice: 'continue', by: 'ana' }, r)).rejects.toThrow('step first of job j1 is not uncertain');
    await runner.answerUncertain(job.id, 'cut', { choice: 'continue', by: 'ana' }, r);
    await expect(runner.answerUncertain(job.id, 'cut', { choice: 'rerun', by: 'ana' }, r)).rejects.toThrow('is not uncertain');
  });

  it('a cancel ends an uncertain job', async () => {
    const { runner, job, r, journal } = await cutOff('post');
    await runner.resume(job.id, r);
    await runner.cancel(job.id);
    const ended = (await journal.loadJob(job.id))!;
    expect(ended.status).toBe('cancelled');
    expect(recordOf(ended, 'cut').status).toBe('cancelled');
  });
});

describe('uncertain inside loops and calls', () => {
  it('a loop with an approval in one iteration and an uncertain call in another: the job is uncertain', async () => {
    const k = kinds();
    const { runner, journal } = setup({ extra: [k.connector] });
    const r = recipe([
      {
        id: 'each',
        kind: 'foreach',
        items: '[0, 1]',
        concurrency: 2,
        steps: [{ id: 'branch', kind: 'if', condition: '{{ item = 0 }}', then: [{ id: 'ok', kind: 'approval', message: 'go?' }], else: [step('send', 'post')] }]
      }
    ]);
    const job = await runner.create(r, {}, {});
    const at = '2025-01-01T00:00:00.000Z';
    await journal.putStep(job.id, { step_id: 'send', path: 'each[1]/branch/send', kind: 'action', status: 'running', attempt: 1, input: {}, started_at: at });
    const waiting = await runner.resume(job.id, r);
    expect(waiting.status).toBe('uncertain');
    expect(recordOf(waiting, 'each[0]/branch/ok').status).toBe('waiting');
    const after = await runner.answerUncertain(job.id, 'each[1]/branch/send', { choice: 'continue', by: 'ana' }, r);
    expect(after.status).toBe('waiting');
    expect(k.calls.size).toBe(0);
  });

  it('a child job that is uncertain leaves its parent waiting; answered, both go on', async () => {
    const k = kinds();
    const child = recipe([step('send', 'post', { value: 'sent' })], { kind: 'callable', input: [] }, 'child');
    const parent = recipe([{ id: 'c', kind: 'call', recipe: 'child', input: {} }, step('after', 'read', { value: '{{ steps.c }}' })], { kind: 'manual' }, 'parent');
    const { runner, journal } = setup({ extra: [k.connector], recipes: [child, parent] });
    const top = await runner.create(parent, {}, {});
    const at = '2025-01-01T00:00:00.000Z';
    await journal.putStep(top.id, { step_id: 'c', path: 'c', kind: 'call', status: 'running', attempt: 1, input: {}, child_job: 'kid', started_at: at });
    await journal.createJob({ ...top, id: 'kid', recipe_id: 'child', parent_job: top.id, recipe_version: 1, steps: [] });
    await journal.putStep('kid', { step_id: 'send', path: 'send', kind: 'action', status: 'running', attempt: 1, input: { value: 'sent' }, started_at: at });
    const waiting = await runner.resume(top.id, parent);
    expect(waiting.status).toBe('waiting');
    expect((await journal.loadJob('kid'))!.status).toBe('uncertain');
    await runner.answerUncertain('kid', 'send', { choice: 'continue', by: 'ana', output: 'checked' });
    const done = (await journal.loadJob(top.id))!;
    expect(done.status).toBe('succeeded');
    expect(done.output).toBe('checked');
    expect(k.calls.get('send')).toBeUndefined();
  });
});
