import { describe, expect, it } from 'vitest';
import type { Job, JobStatus, StepRecord } from '../../recipe';
import { recipe } from '../../engine/test-kit';
import { earlierSteps, pickJob, stepData, stepDataFromJob, stepDataFromSample } from './step-context';

const flow = recipe([
  { id: 'search', kind: 'action', connector: 't', action: 'echo', input: {} },
  { id: 'keep', kind: 'set', values: { limit: 3 } },
  { id: 'off', kind: 'action', connector: 't', action: 'echo', disabled: true, input: {} },
  {
    id: 'each',
    kind: 'foreach',
    items: '{{ steps.search }}',
    steps: [
      { id: 'look', kind: 'action', connector: 't', action: 'echo', input: {} },
      { id: 'check', kind: 'if', condition: '{{ true }}', then: [{ id: 'tell', kind: 'action', connector: 't', action: 'echo', input: {} }] }
    ]
  },
  { id: 'create', kind: 'action', connector: 't', action: 'echo', input: {} }
]);

const branchy = recipe([
  { id: 'first', kind: 'action', connector: 't', action: 'echo', input: {} },
  { id: 'choose', kind: 'if', condition: '{{ true }}', then: [{ id: 'inside', kind: 'action', connector: 't', action: 'echo', input: {} }] },
  { id: 'after', kind: 'action', connector: 't', action: 'echo', input: {} }
]);

const rec = (step_id: string, output: unknown, path = step_id, status: StepRecord['status'] = 'succeeded'): StepRecord => ({
  step_id, path, kind: 'action', status, attempt: 1, output, started_at: '2026-12-07T14:03:00.000Z'
});

function job(id: string, status: JobStatus, steps: StepRecord[] = []): Job {
  return { id, recipe_id: 'test', recipe_version: 1, status, trigger: { from: id }, started_at: '2026-12-07T14:03:00.000Z', finished_at: null, steps };
}

describe('which job Test this step takes its data from', () => {
  it.each([
    ['the newest that succeeded, before a newer failure', [job('j3', 'failed'), job('j2', 'succeeded'), job('j1', 'succeeded')], 'j2'],
    ['the newest that ran, when none succeeded', [job('j3', 'queued'), job('j2', 'failed'), job('j1', 'cancelled')], 'j2'],
    ['none, when there are no jobs', [], undefined]
  ])('%s', (_name, jobs, picked) => expect(pickJob(jobs)?.id).toBe(picked));
});

describe('the steps before a step', () => {
  it.each([
    ['a step after a loop sees the loop, not the steps inside it (each iteration is its own scope), nor disabled ones', 'create', ['search', 'keep', 'each']],
    ['a step in a loop sees the steps before the loop and before it inside, not the loop itself', 'look', ['search', 'keep']],
    ['a step in a branch: not the if it sits in', 'tell', ['search', 'keep', 'look']],
    ['a step after an if sees what ran in its branches (one scope)', 'after', ['first', 'choose', 'inside']],
    ['the first step sees none', 'search', []]
  ])('%s', (_name, id, ids) => expect(earlierSteps(id === 'after' ? branchy : flow, id).map((s) => s.id)).toEqual(ids));
});

describe('the data a tested step gets', () => {
  it('from a job: the trigger, the earlier outputs (the last iteration in a loop), vars from set steps, and what is missing', () => {
    const ran = job('j1', 'succeeded', [rec('search', ['a', 'b']), rec('keep', { limit: 3 }), rec('look', 'first', 'each[0]/look'), rec('look', 'last', 'each[1]/look'), rec('check', null, 'each[1]/check', 'failed')]);
    expect(stepDataFromJob(flow, 'create', ran)).toEqual({
      data: { trigger: { from: 'j1' }, steps: { search: ['a', 'b'], keep: { limit: 3 } }, vars: { limit: 3 }, earlier: ['search', 'keep', 'each'] },
      source: { kind: 'job', jobId: 'j1', at: '2026-12-07T14:03:00.000Z', succeeded: true },
      missing: ['each']
    });
    // Inside the loop: the steps before it inside, from the last iteration that ran them.
    expect(stepDataFromJob(flow, 'tell', ran)).toMatchObject({ data: { steps: { search: ['a', 'b'], keep: { limit: 3 }, look: 'last' } }, missing: [] });
  });

  it('a set step that did not run in the job is not missing (the test evaluates it)', () => {
    expect(stepDataFromJob(flow, 'create', job('j1', 'failed', [rec('search', [])])).missing).toEqual(['each']);
  });

  it('a step in a loop gets the loop’s first item in the job, under the loop’s name', () => {
    const ran = job('j1', 'succeeded', [{ ...rec('each', null), input: { items: ['a', 'b'] } }]);
    expect(stepDataFromJob(flow, 'look', ran).data.loop).toEqual({ as: 'item', item: 'a' });
    expect(stepDataFromJob(flow, 'create', ran).data.loop).toBeUndefined();
    expect(stepDataFromJob(flow, 'look', job('j2', 'failed')).data.loop).toBeUndefined();
  });

  it('from the sample: its trigger value, and every earlier step missing', () => {
    expect(stepDataFromSample(flow, 'keep', { tick: 1 })).toEqual({ data: { trigger: { tick: 1 }, steps: {}, vars: {}, earlier: ['search'] }, source: { kind: 'sample' }, missing: ['search'] });
    // Set steps are evaluated, so a step after only set steps misses nothing.
    expect(stepDataFromSample(flow, 'create', {}).missing).toEqual(['search', 'each']);
  });

  it('reads the sample only when there is no job', async () => {
    let asked = 0;
    const sample = async () => (asked++, { made: true });
    expect((await stepData(flow, 'search', job('j1', 'failed'), sample)).source).toMatchObject({ kind: 'job', succeeded: false });
    expect(asked).toBe(0);
    expect((await stepData(flow, 'search', undefined, sample)).data.trigger).toEqual({ made: true });
    expect(asked).toBe(1);
  });
});
