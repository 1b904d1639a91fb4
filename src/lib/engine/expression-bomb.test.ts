/**
 * An expression bomb fails only its own step, fast, and the engine goes on: jobs started beside it
 * succeed, and a `try` around the step catches it like any other failure. Real runner, real timers
 * (systemClock) so the per-expression time limit is what stops the bomb.
 */
import { describe, expect, it } from 'vitest';
import { systemClock } from './system-clock';
import { recipe, setup } from './test-kit';

const BOMBS = [
  ['an endless loop', '{{ ($f := function($x){ $f($x) }; $f(1)) }}', /ran for too long/],
  ['a long $reduce', '{{ $reduce([1..1000000], function($a, $v){ $reduce([1..10], function($b, $w){ $b + $w }, $a) }) }}', /ran for too long/],
  ['$pad of 100 million', '{{ $pad("", 1e8) }}', /\$pad would make a text longer/],
  ['shared parts doubled', '{{ $reduce([1..40], function($acc, $i){ {"l": $acc, "r": $acc} }, {"k": "x"}) }}', /value too large/]
] as const;

const bombRecipe = (expr: string) => recipe([{ id: 'boom', kind: 'set', values: { v: expr } }], { kind: 'manual' }, 'bomb');
const goodRecipe = recipe(
  [
    { id: 'regex', kind: 'set', values: { m: '{{ $contains($pad("", 5000, "a"), /(a+)+b/) }}' } },
    { id: 'call', kind: 'action', connector: 't', action: 'echo', input: { value: 'ok {{ $replace("aaaa", /(a|aa)+/, "b") }}', delay: 20 } },
    { id: 'after', kind: 'set', values: { m: '{{ vars.m }}', out: '{{ steps.call }}' } }
  ],
  { kind: 'manual' },
  'good'
);

describe('an expression bomb', () => {
  it.each(BOMBS)('(%s) fails its step within seconds while another job succeeds', async (_name, expr, message) => {
    const { runner } = setup({ clock: systemClock });
    const start = Date.now();
    const bomb = runner.start(bombRecipe(expr), {}).then((job) => ({ job, ms: Date.now() - start }));
    const goods = [runner.start(goodRecipe, {}), runner.start(goodRecipe, {})];
    const [b, ...done] = await Promise.all([bomb, ...goods]);
    expect(b.ms).toBeLessThan(6000);
    expect(b.job.status).toBe('failed');
    expect(b.job.error?.message).toMatch(message);
    expect(b.job.error?.message).toMatch(/^expression "/);
    for (const job of done) expect({ status: job.status, output: job.output }).toEqual({ status: 'succeeded', output: { m: false, out: 'ok b' } });
    // And the engine takes new work at once.
    expect((await runner.start(goodRecipe, {})).status).toBe('succeeded');
  });

  it('is caught by a try around it, like any failed step', async () => {
    const { runner } = setup({ clock: systemClock });
    const r = recipe([
      { id: 'guard', kind: 'try', steps: [{ id: 'boom', kind: 'set', values: { v: '{{ $pad("", 1e9) }}' } }], catch: [{ id: 'handled', kind: 'set', values: { said: '{{ error.message }}' } }] }
    ]);
    const job = await runner.start(r, {});
    expect(job.status).toBe('succeeded');
    expect(String((job.output as { said?: string }).said)).toMatch(/\$pad would make a text longer than 10 MB/);
  });
});
