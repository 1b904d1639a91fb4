/**
 * The spec's step table and "What each step outputs, and how a job ends", one row per case: the recipe's
 * steps, the trigger input, and the job that must come out (status, output, error, what the connector saw).
 */
import { describe, expect, it } from 'vitest';
import type { JobError, JobStatus } from '../recipe';
import { RunRefused } from './errors';
import { recipe, setup } from './test-kit';

const echo = (id: string, input: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  id,
  kind: 'action',
  connector: 't',
  action: 'echo',
  input,
  ...more
});
const fail = (id: string, message = 'it broke', code = 'boom') => ({ id, kind: 'action', connector: 't', action: 'fail', input: { message, code } });
const set = (id: string, values: Record<string, unknown>) => ({ id, kind: 'set', values });

interface Case {
  name: string;
  steps: unknown[];
  input?: Record<string, unknown>;
  status: JobStatus;
  output?: unknown;
  error?: JobError | null;
  /** How many times the connector ran at each path; paths not named must not have run. */
  calls?: Record<string, number>;
}

const cases: Case[] = [
  // action
  {
    name: 'action: its output is what the connector returns, and later steps read it as steps.ID',
    steps: [echo('a', { value: { n: 2, tags: ['x'] } }), echo('b', { value: '{{ steps.a.n * 10 }}' })],
    status: 'succeeded',
    output: 20,
    calls: { a: 1, b: 1 }
  },
  {
    name: 'action: strings at any depth of input are resolved',
    steps: [echo('a', { deep: { list: ['{{ trigger.x }}', { y: '{{ trigger.x + 1 }}' }], plain: 'no braces' } })],
    input: { x: 1 },
    status: 'succeeded',
    output: { deep: { list: [1, { y: 2 }], plain: 'no braces' } }
  },
  // if
  {
    name: 'if: a true condition runs then; the output is the last step that ran inside',
    steps: [{ id: 'check', kind: 'if', condition: '{{ trigger.n > 5 }}', then: [echo('t1', { value: 1 }), echo('t2', { value: 2 })], else: [echo('e1', { value: 3 })] }],
    input: { n: 9 },
    status: 'succeeded',
    output: 2,
    calls: { 'check/t1': 1, 'check/t2': 1 }
  },
  {
    name: 'if: a false condition runs else',
    steps: [{ id: 'check', kind: 'if', condition: 'trigger.n > 5', then: [echo('t1', { value: 1 })], else: [echo('e1', { value: 3 })] }],
    input: { n: 1 },
    status: 'succeeded',
    output: 3,
    calls: { 'check/e1': 1 }
  },
  {
    name: 'if: a false condition without else outputs null',
    steps: [echo('before', { value: 'b' }), { id: 'check', kind: 'if', condition: 'false', then: [echo('t1', { value: 1 })] }],
    status: 'succeeded',
    output: null,
    calls: { before: 1 }
  },
  {
    name: 'if: a disabled last step inside does not count as the last that ran',
    steps: [{ id: 'check', kind: 'if', condition: 'true', then: [echo('t1', { value: 1 }), echo('t2', { value: 2 }, { disabled: true })] }],
    status: 'succeeded',
    output: 1,
    calls: { 'check/t1': 1 }
  },
  {
    name: 'if: the output of the if is steps.ID for later steps',
    steps: [{ id: 'check', kind: 'if', condition: 'true', then: [echo('t1', { value: 'yes' })] }, echo('after', { value: 'got {{ steps.check }}' })],
    status: 'succeeded',
    output: 'got yes'
  },
  // foreach
  {
    name: 'foreach: item and index; output is each iteration’s last output in item order',
    steps: [{ id: 'each', kind: 'foreach', items: '{{ trigger.list }}', steps: [echo('a', { value: '{{ item }}-{{ index }}' })] }],
    input: { list: ['x', 'y', 'z'] },
    status: 'succeeded',
    output: ['x-0', 'y-1', 'z-2'],
    calls: { 'each[0]/a': 1, 'each[1]/a': 1, 'each[2]/a': 1 }
  },
  {
    name: 'foreach: as renames item',
    steps: [{ id: 'each', kind: 'foreach', items: 'trigger.list', as: 'inv', steps: [echo('a', { value: '{{ inv.id }}' })] }],
    input: { list: [{ id: 'a1' }, { id: 'a2' }] },
    status: 'succeeded',
    output: ['a1', 'a2']
  },
  {
    name: 'foreach: `as` may take a name of the context, which then means the element inside the loop',
    steps: [{ id: 'each', kind: 'foreach', items: 'trigger.people', as: 'user', steps: [echo('a', { value: '{{ user.name }}' })] }, echo('after', { value: { loop: '{{ steps.each }}', me: '{{ user.id }}' } })],
    input: { people: [{ name: 'Ana' }, { name: 'Bo' }] },
    status: 'succeeded',
    output: { loop: ['Ana', 'Bo'], me: 'local' },
    calls: { 'each[0]/a': 1, 'each[1]/a': 1, after: 1 }
  },
  {
    name: 'foreach: with concurrency above 1 the output is still in item order',
    steps: [
      {
        id: 'each',
        kind: 'foreach',
        items: '{{ trigger.list }}',
        concurrency: 4,
        // earlier items take longer, so they finish last
        steps: [echo('a', { value: '{{ item }}', delay: '{{ (5 - index) * 4 }}' })]
      }
    ],
    input: { list: [1, 2, 3, 4, 5] },
    status: 'succeeded',
    output: [1, 2, 3, 4, 5]
  },
  {
    name: 'foreach: inside a loop steps.ID is the current iteration’s, also with concurrency above 1',
    steps: [
      {
        id: 'each',
        kind: 'foreach',
        items: '[1, 2, 3, 4]',
        concurrency: 3,
        steps: [echo('a', { value: '{{ item * 100 }}', delay: '{{ (4 - index) * 3 }}' }), echo('b', { value: '{{ [index, steps.a] }}', delay: '{{ index * 3 }}' })]
      }
    ],
    status: 'succeeded',
    output: [[0, 100], [1, 200], [2, 300], [3, 400]]
  },
  {
    name: 'foreach: with concurrency 1 each iteration sees the vars set by the ones before',
    steps: [
      set('init', { seen: [] }),
      { id: 'each', kind: 'foreach', items: '["a", "b", "c"]', steps: [set('add', { seen: '{{ $append(vars.seen, item) }}' }), echo('show', { value: '{{ $count(vars.seen) }}' })] },
      echo('all', { value: '{{ vars.seen }}' })
    ],
    status: 'succeeded',
    output: ['a', 'b', 'c'],
    calls: { 'each[0]/show': 1, 'each[1]/show': 1, 'each[2]/show': 1, all: 1 }
  },
  {
    name: 'foreach: an iteration where nothing ran gives null in its place',
    steps: [{ id: 'each', kind: 'foreach', items: '[1, 2, 3]', steps: [{ id: 'odd', kind: 'if', condition: 'item % 2 = 1', then: [echo('a', { value: '{{ item }}' })] }] }],
    status: 'succeeded',
    output: [1, null, 3]
  },
  {
    name: 'foreach: items that are null or missing run nothing and output an empty list',
    steps: [{ id: 'each', kind: 'foreach', items: 'trigger.nothing', steps: [echo('a', {})] }],
    status: 'succeeded',
    output: []
  },
  {
    name: 'foreach: items that are not a list fail the step',
    steps: [{ id: 'each', kind: 'foreach', items: '"text"', steps: [echo('a', {})] }],
    status: 'failed',
    error: { message: 'items must be a list, but the expression gives the text "text"', step: 'each', code: 'items' }
  },
  // try / catch
  {
    name: 'try: a failing step runs catch with error {message, step, code}, and the job goes on',
    steps: [
      { id: 'guard', kind: 'try', steps: [echo('ok', { value: 1 }), fail('bad', 'the ERP is down', 'erp_down'), echo('never', {})], catch: [echo('handler', { value: '{{ error }}' })] },
      echo('after', { value: { guarded: '{{ steps.guard }}' } })
    ],
    status: 'succeeded',
    output: { guarded: { message: 'the ERP is down', step: 'bad', code: 'erp_down' } },
    calls: { 'guard/ok': 1, 'guard/bad': 1, 'guard/handler': 1, after: 1 }
  },
  {
    name: 'try: without a failure catch does not run; the output is the last step inside',
    steps: [{ id: 'guard', kind: 'try', steps: [echo('ok', { value: 'fine' })], catch: [echo('handler', {})] }],
    status: 'succeeded',
    output: 'fine',
    calls: { 'guard/ok': 1 }
  },
  {
    name: 'try: error.step names the step that failed deep inside, not the container',
    steps: [
      {
        id: 'guard',
        kind: 'try',
        steps: [{ id: 'each', kind: 'foreach', items: '[1]', steps: [{ id: 'check', kind: 'if', condition: 'true', then: [fail('deep')] }] }],
        catch: [echo('handler', { value: '{{ error.step }}' })]
      }
    ],
    status: 'succeeded',
    output: 'deep'
  },
  {
    name: 'try: an empty catch outputs null and the job goes on',
    steps: [{ id: 'guard', kind: 'try', steps: [fail('bad')], catch: [] }, echo('after', { value: '{{ steps.guard = null }}' })],
    status: 'succeeded',
    output: true
  },
  {
    name: 'try: a failure inside catch fails the job',
    steps: [{ id: 'guard', kind: 'try', steps: [fail('bad')], catch: [fail('worse', 'still broken', 'again')] }, echo('after', {})],
    status: 'failed',
    error: { message: 'still broken', step: 'worse', code: 'again' },
    calls: { 'guard/bad': 1, 'guard/worse': 1 }
  },
  {
    name: 'try: a failing expression inside is caught too',
    steps: [{ id: 'guard', kind: 'try', steps: [echo('bad', { value: '{{ $number("x") }}' })], catch: [echo('handler', { value: '{{ error.code }}' })] }],
    status: 'succeeded',
    output: 'expression'
  },
  // set
  {
    // A set step's values all see vars as they were before it (so `c` uses the old b).
    name: 'set: values merge into vars; its output is the values it set',
    steps: [set('one', { a: 1, b: '{{ trigger.b }}' }), set('two', { b: 3, c: '{{ vars.a + vars.b }}' }), echo('show', { value: { vars: '{{ vars }}', one: '{{ steps.one }}', two: '{{ steps.two }}' } })],
    input: { b: 2 },
    status: 'succeeded',
    output: { vars: { a: 1, b: 3, c: 3 }, one: { a: 1, b: 2 }, two: { b: 3, c: 3 } }
  },
  {
    name: 'set: the job output is a last set step’s values',
    steps: [set('one', { list: '{{ [1, 2] }}', nested: { deep: '{{ trigger.x }}' } })],
    input: { x: 'y' },
    status: 'succeeded',
    output: { list: [1, 2], nested: { deep: 'y' } }
  },
  // stop
  {
    name: 'stop success: the job succeeds at once with {outcome, message}',
    steps: [echo('a', { value: 1 }), { id: 'end', kind: 'stop', outcome: 'success', message: 'done with {{ steps.a }}' }, echo('never', {})],
    status: 'succeeded',
    output: { outcome: 'success', message: 'done with 1' },
    calls: { a: 1 }
  },
  {
    name: 'stop failure: the job fails with the message, the stop step and code "stopped"',
    steps: [{ id: 'end', kind: 'stop', outcome: 'failure', message: 'no vendor' }, echo('never', {})],
    status: 'failed',
    output: { outcome: 'failure', message: 'no vendor' },
    error: { message: 'no vendor', step: 'end', code: 'stopped' }
  },
  {
    name: 'stop: a message that is one expression is written as text, as it would be in a sentence',
    steps: [{ id: 'end', kind: 'stop', outcome: 'success', message: '{{ trigger.o }}' }],
    input: { o: { k: [1, 2] } },
    status: 'succeeded',
    output: { outcome: 'success', message: '{"k":[1,2]}' }
  },
  {
    name: 'stop inside try: not caught, the job ends at once',
    steps: [{ id: 'guard', kind: 'try', steps: [{ id: 'end', kind: 'stop', outcome: 'failure' }], catch: [echo('handler', {})] }, echo('never', {})],
    status: 'failed',
    error: { message: 'the recipe stopped with outcome "failure"', step: 'end', code: 'stopped' },
    calls: {}
  },
  {
    name: 'stop success inside catch ends the job as succeeded',
    steps: [{ id: 'guard', kind: 'try', steps: [fail('bad')], catch: [{ id: 'end', kind: 'stop', outcome: 'success' }] }, echo('never', {})],
    status: 'succeeded',
    output: { outcome: 'success', message: null },
    calls: { 'guard/bad': 1 }
  },
  {
    name: 'stop inside a foreach ends the whole job',
    steps: [{ id: 'each', kind: 'foreach', items: '[1, 2, 3]', steps: [echo('a', {}), { id: 'check', kind: 'if', condition: 'item = 2', then: [{ id: 'end', kind: 'stop', outcome: 'success' }] }] }, echo('never', {})],
    status: 'succeeded',
    output: { outcome: 'success', message: null },
    calls: { 'each[0]/a': 1, 'each[1]/a': 1 }
  },
  // disabled
  {
    name: 'disabled: skipped, with no output; the job output is the last step that finished',
    steps: [echo('a', { value: 'A' }), echo('b', { value: 'B' }, { disabled: true }), echo('c', { value: '{{ $exists(steps.b) }}' }), set('d', { x: 1 }), set('e', { y: 2 }), { ...set('f', { z: 3 }), disabled: true }],
    status: 'succeeded',
    output: { y: 2 },
    calls: { a: 1, c: 1 }
  },
  {
    name: 'disabled: a disabled container runs none of its steps',
    steps: [echo('a', { value: 'A' }), { id: 'each', kind: 'foreach', items: '[1]', disabled: true, steps: [echo('b', {})] }],
    status: 'succeeded',
    output: 'A',
    calls: { a: 1 }
  },
  // failure
  {
    name: 'failure: a failing step fails the job with {message, step, code}; nothing after it runs',
    steps: [echo('a', { value: 'A' }), fail('b', 'nope', 'no_way'), echo('c', {})],
    status: 'failed',
    error: { message: 'nope', step: 'b', code: 'no_way' },
    calls: { a: 1, b: 1 }
  },
  {
    name: 'failure: a failure in a loop names the step inside it',
    steps: [{ id: 'each', kind: 'foreach', items: '[1, 2]', steps: [{ id: 'check', kind: 'if', condition: 'item = 2', then: [fail('inner')] }] }],
    status: 'failed',
    error: { message: 'it broke', step: 'inner', code: 'boom' }
  },
  {
    name: 'failure: a failure in one of several concurrent iterations fails the job',
    steps: [{ id: 'each', kind: 'foreach', items: '[1, 2, 3]', concurrency: 3, steps: [{ id: 'check', kind: 'if', condition: 'item = 2', then: [fail('inner')], else: [echo('ok', {})] }] }],
    status: 'failed',
    error: { message: 'it broke', step: 'inner', code: 'boom' }
  },
  {
    name: 'failure: an unknown connector fails the step with a clear message',
    steps: [{ id: 'x', kind: 'action', connector: 'nope', action: 'go', input: {} }],
    status: 'failed',
    error: { message: 'no connector "nope" in this workspace', step: 'x', code: 'unknown_action' }
  },
  {
    name: 'failure: input the action refuses fails the step naming the field',
    steps: [{ id: 'x', kind: 'action', connector: 't', action: 'fail', input: { message: '{{ 5 }}' } }],
    status: 'failed',
    error: { message: 'the input is not right: input.message: expected a string', step: 'x', code: 'input' }
  },
  // expressions keep their type
  {
    name: 'expressions: exactly one {{ }} keeps the type; text around braces yields text',
    steps: [
      echo('a', {
        value: {
          number: '{{ trigger.n }}',
          spaced: '  {{ trigger.n }}  ',
          object: '{{ trigger.o }}',
          list: '{{ trigger.l }}',
          bool: '{{ trigger.n > 1 }}',
          nothing: '{{ trigger.missing }}',
          text: 'n={{ trigger.n }}',
          two: '{{ trigger.n }}{{ trigger.n }}',
          objectText: 'o: {{ trigger.o }}',
          nullText: '[{{ trigger.missing }}]'
        }
      })
    ],
    input: { n: 2, o: { k: 'v' }, l: [1, 'a'] },
    status: 'succeeded',
    output: { number: 2, spaced: 2, object: { k: 'v' }, list: [1, 'a'], bool: true, text: 'n=2', two: '22', objectText: 'o: {"k":"v"}', nullText: '[]' }
  },
  {
    name: 'expressions: the context holds trigger, user and now',
    steps: [echo('a', { value: { who: '{{ user.id }}', when: '{{ now }}', what: '{{ trigger }}' } })],
    input: { q: 1 },
    status: 'succeeded',
    output: { who: 'local', when: '2025-01-01T00:00:00.000Z', what: { q: 1 } }
  }
];

describe('each step kind and how a job ends', () => {
  it.each(cases)('$name', async (c) => {
    const { runner, calls } = setup();
    const job = await runner.start(recipe(c.steps), c.input ?? {});
    expect({ status: job.status, error: job.error }).toEqual({ status: c.status, error: c.error ?? null });
    if ('output' in c) expect(job.output).toEqual(c.output);
    if (c.calls) expect(Object.fromEntries(calls)).toEqual(c.calls);
    expect(job.finished_at).not.toBeNull();
  });
});

describe('job records', () => {
  it('keep each step’s resolved input and output, and a path per loop iteration', async () => {
    const { runner, journal } = setup();
    const r = recipe([
      { id: 'each', kind: 'foreach', items: '["a", "b"]', steps: [echo('say', { value: 'hi {{ item }}' })] },
      echo('off', {}, { disabled: true })
    ]);
    const job = await runner.start(r, {});
    const stored = await journal.loadJob(job.id);
    const byPath = Object.fromEntries(stored!.steps.map((s) => [s.path, s]));
    expect(Object.keys(byPath).sort()).toEqual(['each', 'each[0]/say', 'each[1]/say', 'off']);
    expect(byPath['each[1]/say']).toMatchObject({ step_id: 'say', status: 'succeeded', input: { value: 'hi b' }, output: 'hi b', attempt: 1 });
    expect(byPath.each).toMatchObject({ status: 'succeeded', input: { items: ['a', 'b'] }, output: ['hi a', 'hi b'] });
    expect(byPath.off.status).toBe('skipped');
    expect(byPath.off.output).toBeUndefined();
    expect(stored).toMatchObject({ status: 'succeeded', output: ['hi a', 'hi b'] });
  });

  it('keep what the step saw: {{ vars }}, {{ steps }} and {{ $$ }} are snapshots, not live objects', async () => {
    const { runner } = setup();
    const r = recipe([
      set('a', { x: 1 }),
      set('b', { snap: '{{ vars }}' }),
      echo('c', { value: { steps: '{{ steps }}', all: '{{ $$.vars }}' } }),
      set('d', { x: 2 })
    ]);
    const job = await runner.start(r, {});
    expect(job.status).toBe('succeeded');
    const outputs = Object.fromEntries(job.steps.map((s) => [s.path, s.output]));
    expect(outputs.b).toEqual({ snap: { x: 1 } });
    expect(outputs.c).toEqual({ steps: { a: { x: 1 }, b: { snap: { x: 1 } } }, all: { x: 1, snap: { x: 1 } } });
    // a job is plain JSON: no step's record holds the job's own state (which would also make it circular)
    expect(JSON.parse(JSON.stringify(job.steps))).toEqual(job.steps);
  });

  it('leave no container saying "running" after a job ends with a stop', async () => {
    const { runner } = setup();
    const r = recipe([
      { id: 'guard', kind: 'try', steps: [{ id: 'each', kind: 'foreach', items: '[1]', steps: [{ id: 'end', kind: 'stop', outcome: 'success' }] }], catch: [] }
    ]);
    const job = await runner.start(r, {});
    expect(job.status).toBe('succeeded');
    expect(job.steps.filter((s) => s.status === 'running').map((s) => s.path)).toEqual([]);
    // The try's output is the last step that ran inside it, the stop's; the cut-short foreach has none.
    const output = Object.fromEntries(job.steps.map((s) => [s.path, s.output]));
    expect(output).toMatchObject({ guard: { outcome: 'success', message: null }, 'guard/each': null });
  });

  it('mark the failed step and the containers around it as failed', async () => {
    const { runner } = setup();
    const job = await runner.start(recipe([{ id: 'check', kind: 'if', condition: 'true', then: [fail('bad')] }]), {});
    const status = Object.fromEntries(job.steps.map((s) => [s.path, s.status]));
    expect(status).toEqual({ check: 'failed', 'check/bad': 'failed' });
    expect(job.steps.find((s) => s.path === 'check/bad')!.error).toEqual({ message: 'it broke', step: 'bad', code: 'boom' });
  });
});

describe('trigger input', () => {
  const fields = [
    { name: 'invoices', type: 'list', required: true },
    { name: 'vendor', type: 'text', required: true },
    { name: 'limit', type: 'number', default: 500 },
    { name: 'note', type: 'text' }
  ];

  it.each([
    { kind: 'manual', input: {}, message: 'missing required input: invoices, vendor' },
    { kind: 'manual', input: { invoices: [], vendor: '' }, message: 'missing required input: vendor' },
    { kind: 'callable', input: { vendor: 'x' }, message: 'missing required input: invoices' },
    { kind: 'manual', input: { invoices: 'x', vendor: 'v' }, message: 'the trigger input is not right: invoices: expected list' },
    { kind: 'manual', input: [1], message: 'the trigger input must be a JSON object' }
  ])('a $kind run with $input is refused: $message, and nothing is written', async ({ kind, input, message }) => {
    const { runner, journal } = setup();
    const run = runner.start(recipe([echo('a', {})], { kind, input: fields }), input);
    await expect(run).rejects.toThrow(RunRefused);
    await expect(run).rejects.toThrow(message);
    expect(journal.jobIds()).toEqual([]);
  });

  it('applies defaults and keeps the fields given', async () => {
    const { runner } = setup();
    const job = await runner.start(recipe([echo('a', { value: '{{ trigger }}' })], { kind: 'manual', input: fields }), { invoices: [1], vendor: 'v' });
    expect(job.output).toEqual({ invoices: [1], vendor: 'v', limit: 500 });
  });
});
