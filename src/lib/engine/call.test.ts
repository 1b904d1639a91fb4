/** `call`: run a callable recipe as a child job and take its output. */
import { describe, expect, it } from 'vitest';
import { recipe, setup } from './test-kit';

const callable = (id: string, steps: unknown[], input: unknown[] = [{ name: 'n', type: 'number', required: true }]) =>
  recipe(steps, { kind: 'callable', input }, id);
const double = callable('double', [{ id: 'calc', kind: 'set', values: { doubled: '{{ trigger.n * 2 }}' } }]);
const broken = callable('broken', [{ id: 'boom', kind: 'action', connector: 't', action: 'fail', input: { message: 'child broke' } }]);
const manual = recipe([{ id: 'noop', kind: 'set', values: {} }], { kind: 'manual' }, 'manual-one');
const asks = callable('asks', [{ id: 'ok', kind: 'approval', message: 'sure?' }, { id: 'res', kind: 'set', values: { said: '{{ steps.ok.choice }}' } }]);
const loops = callable('loops', [{ id: 'again', kind: 'call', recipe: 'loops', input: { n: '{{ trigger.n + 1 }}' } }]);

const call = (target: string, input: Record<string, unknown> = { n: 21 }) => ({ id: 'sub', kind: 'call', recipe: target, input });

describe('call', () => {
  it('outputs the child job’s output; the child is its own job with parent_job set', async () => {
    const { runner, journal } = setup({ recipes: [double] });
    const job = await runner.start(recipe([call('double', { n: '{{ trigger.x }}' }), { id: 'after', kind: 'set', values: { got: '{{ steps.sub.doubled }}' } }]), { x: 21 });
    expect(job).toMatchObject({ status: 'succeeded', output: { got: 42 } });
    const record = job.steps.find((s) => s.path === 'sub')!;
    expect(record).toMatchObject({ status: 'succeeded', input: { n: 21 }, output: { doubled: 42 } });
    const child = await journal.loadJob(record.child_job!);
    expect(child).toMatchObject({ recipe_id: 'double', parent_job: job.id, status: 'succeeded', trigger: { n: 21 }, output: { doubled: 42 } });
  });

  it.each([
    { name: 'a recipe whose trigger is not callable', target: 'manual-one', message: 'recipe "manual-one" cannot be called: its trigger is manual, not callable', code: 'call' },
    { name: 'a recipe that is not there', target: 'ghost', message: 'there is no recipe "ghost" to call', code: 'call' },
    { name: 'input the child refuses', target: 'double', input: {}, message: 'recipe "double" refused the input: missing required input: n', code: 'call_input' },
    { name: 'a child job that fails', target: 'broken', message: 'recipe "broken" failed: child broke', code: 'call_failed' }
  ])('fails the step for $name', async ({ target, input, message, code }) => {
    const { runner } = setup({ recipes: [double, broken, manual] });
    const job = await runner.start(recipe([call(target, input), { id: 'never', kind: 'set', values: {} }]), {});
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ message, step: 'sub', code });
    expect(job.steps.some((s) => s.path === 'never')).toBe(false);
  });

  it('a child failure inside a try is caught', async () => {
    const { runner } = setup({ recipes: [broken] });
    const job = await runner.start(recipe([{ id: 'guard', kind: 'try', steps: [call('broken')], catch: [{ id: 'h', kind: 'set', values: { code: '{{ error.code }}' } }] }]), {});
    expect(job).toMatchObject({ status: 'succeeded', output: { code: 'call_failed' } });
  });

  it('a recipe that calls itself ends with a clear error, not a stack overflow', async () => {
    const { runner, journal } = setup({ recipes: [loops] });
    const job = await runner.start(recipe([call('loops', { n: 0 })]), {});
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ message: 'calls nest deeper than 16 recipes; does a recipe call itself?', step: 'sub', code: 'call_depth' });
    // every job in the chain ended (none is left running)
    for (const id of journal.jobIds()) expect((await journal.loadJob(id))!.status).toBe('failed');
  });

  it('waits while the child waits for an approval, and goes on when the child is answered', async () => {
    const parentRecipe = recipe([call('asks', { n: 1 }), { id: 'after', kind: 'set', values: { final: '{{ steps.sub.said }}' } }]);
    const { runner, journal } = setup({ recipes: [asks, parentRecipe] });
    const parent = await runner.start(parentRecipe, {});
    expect(parent.status).toBe('waiting');
    const childId = parent.steps.find((s) => s.path === 'sub')!.child_job!;
    expect((await journal.loadJob(childId))!.status).toBe('waiting');
    const child = await runner.answer(childId, 'ok', { choice: 'approve', by: 'ana' });
    expect(child.status).toBe('succeeded');
    // answering the child wakes the parent, which takes the child's output and finishes
    expect(await journal.loadJob(parent.id)).toMatchObject({ status: 'succeeded', output: { final: 'approve' } });
  });
});
