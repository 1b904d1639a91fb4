/** The bench's regression check (bench/baseline.ts), run by Vitest with the other tests. */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { describeRegression, higherIsBetter, measured, median, regressions, type Baseline } from './baseline';

const baseline: Baseline = {
  'engine: loop': { value: 100_000, unit: 'items/s' },
  'engine: latency': { value: 10, unit: 'ms' },
  'peers: rss': { value: 200, unit: 'MiB' },
  'extract: recall': { value: 90, unit: '%' }
};

const cases: Array<[string, Record<string, { value: number; unit: string }>, string[]]> = [
  ['all as before', { 'engine: loop': { value: 100_000, unit: 'items/s' }, 'engine: latency': { value: 10, unit: 'ms' } }, []],
  ['within 20%', { 'engine: loop': { value: 81_000, unit: 'items/s' }, 'engine: latency': { value: 11.9, unit: 'ms' }, 'peers: rss': { value: 239, unit: 'MiB' } }, []],
  ['throughput 25% lower', { 'engine: loop': { value: 75_000, unit: 'items/s' } }, ['engine: loop']],
  ['time 30% higher', { 'engine: latency': { value: 13, unit: 'ms' } }, ['engine: latency']],
  ['memory 50% higher', { 'peers: rss': { value: 300, unit: 'MiB' } }, ['peers: rss']],
  ['recall down', { 'extract: recall': { value: 50, unit: '%' } }, ['extract: recall']],
  ['faster is never a regression', { 'engine: loop': { value: 900_000, unit: 'items/s' }, 'engine: latency': { value: 1, unit: 'ms' } }, []],
  ['a new figure has no baseline yet', { 'engine: new': { value: 1, unit: 'items/s' } }, []],
  ['a changed unit is not compared', { 'engine: loop': { value: 1, unit: 'jobs/s' } }, []]
];

for (const [name, now, expected] of cases) {
  test(`regressions: ${name}`, () => {
    assert.deepEqual(regressions(baseline, now).map((r) => r.key), expected);
  });
}

test('a regression line names the figure, the baseline and now', () => {
  const [r] = regressions(baseline, { 'engine: loop': { value: 50_000, unit: 'items/s' } });
  assert.equal(describeRegression(r), 'REGRESSION engine: loop: 50,000 items/s now, baseline 100,000 items/s (50% worse, more than 20% allowed)');
});

test('units say which way is better', () => {
  assert.equal(higherIsBetter('calls/s'), true);
  assert.equal(higherIsBetter('MiB'), false);
  assert.equal(higherIsBetter(''), undefined);
});

test('median of three and of two', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1]), 2.5);
});

test('not measured lines and tail latencies stay out of the baseline', () => {
  assert.equal(measured({ name: 'jobs', value: 10, unit: 'jobs/s', detail: '10 jobs' }), true);
  assert.equal(measured({ name: 'model mode', value: 0, unit: '', detail: 'not measured: no model' }), false);
  assert.equal(measured({ name: 'per-turn time, p95 (corpus)', value: 9, unit: 'µs', detail: '' }), false);
  assert.equal(measured({ name: 'n8n', value: 0, unit: 'items/s', detail: 'not measured: cannot install' }), false);
});
