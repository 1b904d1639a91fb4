import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../recipe';
import { defaultStep, timelineRows } from './timeline';

const t = (ms: number) => new Date(Date.UTC(2030, 0, 1) + ms).toISOString();
const step = (path: string, from: number, to: number | null, status: StepRecord['status'] = 'succeeded'): StepRecord => ({
  step_id: path.split('/').pop()!.replace(/\[\d+\]$/, ''),
  path,
  kind: 'set',
  status,
  attempt: 1,
  started_at: t(from),
  finished_at: to === null ? null : t(to)
});

describe('timelineRows', () => {
  it('places each bar in proportion to the job, nested paths one level deeper each', () => {
    const rows = timelineRows({
      started_at: t(0),
      finished_at: t(1000),
      steps: [step('each', 0, 800), step('each[0]/flag', 100, 100), step('report', 800, 1000)]
    });
    expect(rows.map((r) => [r.record.path, r.depth, r.item, r.ms, r.left, r.width])).toEqual([
      ['each', 0, undefined, 800, 0, 80],
      ['each[0]/flag', 1, 0, 0, 10, 0.8],
      ['report', 0, undefined, 200, 80, 20]
    ]);
  });

  it('names the iteration a step ran in, the innermost loop\'s', () => {
    const rows = timelineRows({ started_at: t(0), finished_at: t(1), steps: [step('a[2]/b[5]/c', 0, 1), step('a[2]', 0, 1)] });
    expect(rows.map((r) => r.item)).toEqual([5, undefined]);
  });

  it('measures a running step (and the job) up to now', () => {
    const rows = timelineRows({ started_at: t(0), finished_at: null, steps: [step('slow', 500, null, 'running')] }, new Date(t(2000)));
    expect(rows[0]).toMatchObject({ ms: 1500, left: 25, width: 75 });
  });
});

describe('defaultStep', () => {
  it('opens on the failed step, else the waiting one, else the latest', () => {
    const failed = { steps: [step('a', 0, 1), step('b', 1, 2, 'failed')], error: { message: 'x', step: 'b', code: 'c' } };
    expect(defaultStep(failed)).toBe('b');
    expect(defaultStep({ steps: [step('a', 0, 1), step('ask', 1, null, 'waiting')] })).toBe('ask');
    expect(defaultStep({ steps: [step('a', 0, 1), step('b', 1, 2)] })).toBe('b');
    expect(defaultStep({ steps: [] })).toBeUndefined();
  });

  it('opens on an uncertain step first: it waits for the person looking', () => {
    expect(defaultStep({ steps: [step('ask', 0, null, 'waiting'), step('each[1]/pay', 1, null, 'uncertain'), step('b', 1, 2)] })).toBe('each[1]/pay');
  });
});
