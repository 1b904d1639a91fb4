/** Test this step: one action runs with the data before it, as a run would run it, and no job is kept. */
import { describe, expect, it } from 'vitest';
import { ConnectorRegistry } from '../connectors/sdk';
import { testStep } from './step-test';
import { recipe, testConnector, TestClock } from './test-kit';

const user = { id: 'local', name: 'Local user', roles: [] };

function kit() {
  const t = testConnector();
  return { t, deps: { connectors: new ConnectorRegistry([t.connector]), clock: new TestClock(), user } };
}

const flow = recipe([
  { id: 'find', kind: 'action', connector: 't', action: 'echo', input: { value: '{{ trigger.name }}' } },
  { id: 'keep', kind: 'set', values: { limit: 3 } },
  { id: 'greet', kind: 'action', connector: 't', action: 'echo', input: { text: 'Hi {{ steps.find }}, {{ vars.limit }} left', who: '{{ user.name }}' } },
  { id: 'broken', kind: 'action', connector: 't', action: 'fail', input: { message: 'no vendor {{ steps.find }}' } },
  { id: 'stop', kind: 'stop', outcome: 'success' }
]);

describe('testStep', () => {
  it('evaluates the input against the earlier steps, the trigger and vars, and runs only that step', async () => {
    const { t, deps } = kit();
    const result = await testStep(flow, 'greet', { trigger: { name: 'Dana' }, steps: { find: 'Dana' }, vars: { limit: 3 } }, deps);
    expect(result).toMatchObject({ ok: true, output: { text: 'Hi Dana, 3 left', who: 'Local user' }, input: { text: 'Hi Dana, 3 left', who: 'Local user' } });
    expect(t.log.map((c) => c.path)).toEqual(['greet']);
  });

  it('answers the step’s error as a run would record it', async () => {
    const { deps } = kit();
    const result = await testStep(flow, 'broken', { trigger: {}, steps: { find: 'Acme' } }, deps);
    expect(result).toMatchObject({ ok: false, error: { message: 'no vendor Acme', code: 'boom', step: 'broken' }, input: { message: 'no vendor Acme' } });
  });

  it('a missing earlier step reads as nothing, as in a run where it gave nothing', async () => {
    const { deps } = kit();
    const result = await testStep(flow, 'greet', { trigger: {}, steps: {} }, deps);
    expect(result).toMatchObject({ ok: true, output: { text: 'Hi ,  left' } });
  });

  it.each([
    ['a control step', 'stop'],
    ['a step that is not there', 'ghost']
  ])('refuses %s', async (_name, id) => {
    const { t, deps } = kit();
    const result = await testStep(flow, id, { trigger: {}, steps: {} }, deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_testable' } });
    expect(t.log).toEqual([]);
  });

  it('runs a disabled step too: the person asked for it', async () => {
    const { deps } = kit();
    const off = recipe([{ id: 'a', kind: 'action', connector: 't', action: 'echo', disabled: true, input: { value: 1 } }]);
    expect(await testStep(off, 'a', { trigger: {}, steps: {} }, deps)).toMatchObject({ ok: true, output: 1 });
  });
});

describe('testStep with the order of the earlier steps', () => {
  it('evaluates an earlier set step that has no output (it changes nothing), in its place among the replayed ones', async () => {
    const { t, deps } = kit();
    const data = { trigger: { name: 'Dana' }, steps: { find: 'Dana' }, earlier: ['find', 'keep'] };
    const flowWithSet = recipe([
      { id: 'find', kind: 'action', connector: 't', action: 'echo', input: {} },
      { id: 'keep', kind: 'set', values: { limit: '{{ $length(steps.find) }}' } },
      { id: 'greet', kind: 'action', connector: 't', action: 'echo', input: { text: '{{ steps.find }} {{ vars.limit }}' } }
    ]);
    expect(await testStep(flowWithSet, 'greet', data, deps)).toMatchObject({ ok: true, output: { text: 'Dana 4' } });
    expect(t.log.map((c) => c.path)).toEqual(['greet']);
  });

  it('runs a step in a loop with the item it is given, under the loop’s name', async () => {
    const { t, deps } = kit();
    const looped = recipe([
      { id: 'each', kind: 'foreach', items: '{{ trigger.invoices }}', as: 'inv', steps: [{ id: 'tell', kind: 'action', connector: 't', action: 'echo', input: { value: '{{ inv.id }}' } }] }
    ]);
    const result = await testStep(looped, 'tell', { trigger: {}, steps: {}, loop: { as: 'inv', item: { id: 'A-1' } } }, deps);
    expect(result).toMatchObject({ ok: true, output: 'A-1' });
    expect(t.log).toHaveLength(1);
  });
});
