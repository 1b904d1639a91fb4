import { describe, expect, it } from 'vitest';
import { cacheKey, isLazy, planPrecache, precacheFigures, updateFiles } from './precache-plan';
import { PrecachePlanSchema } from './precache-plan-schema';

const f = (path: string, bytes: number, hash = 'h1') => ({ path, bytes, hash });

describe('planPrecache', () => {
  it.each([
    ['/_app/immutable/entry/app.Dfy.js', 40_000, false],
    ['/_app/immutable/workers/engine.worker-Bq.js', 685_000, false],
    ['/_app/immutable/assets/elk-worker.min.J_v.js', 1_600_000, false],
    ['/_app/immutable/workers/webllm.worker-Cx.js', 6_100_000, true],
    ['/_app/immutable/workers/assets/pdf.worker.min-FH.mjs', 1_200_000, true],
    ['/vendor/ocr/eng.traineddata.gz', 10_000, true],
    ['/vendor/ocr/worker.min.js', 120_000, true],
    ['/_app/immutable/chunks/Huge.js', 3_500_000, true],
    ['/manifest.webmanifest', 800, false]
  ])('%s (%d bytes) lazy: %s', (path, bytes, lazy) => {
    expect(isLazy({ path, bytes })).toBe(lazy);
  });

  it('lists each path once, sorted, split into shell and lazy', () => {
    const plan = planPrecache([f('/b.js', 1), f('/vendor/ocr/x', 5), f('/a.js', 2), f('/b.js', 1)]);
    expect(plan.shell.map((x) => x.path)).toEqual(['/a.js', '/b.js']);
    expect(plan.lazy.map((x) => x.path)).toEqual(['/vendor/ocr/x']);
    expect(PrecachePlanSchema.parse(plan)).toEqual(plan);
  });
});

describe('cacheKey and updates', () => {
  it('keys hashed names by path and other files by their content hash', () => {
    expect(cacheKey(f('/_app/immutable/chunks/A1.js', 1, 'zz'))).toBe('/_app/immutable/chunks/A1.js');
    expect(cacheKey(f('/icons/icon-192.png', 1, 'abc'))).toBe('/icons/icon-192.png?sous-hash=abc');
  });

  it('an update downloads only new hashes and changed unhashed files', () => {
    const before = planPrecache([f('/_app/immutable/a.A.js', 100), f('/_app/immutable/b.B.js', 200), f('/icons/i.png', 10, 'x')]);
    const after = planPrecache([f('/_app/immutable/a.A.js', 100), f('/_app/immutable/b.C.js', 250), f('/icons/i.png', 10, 'y')]);
    expect(updateFiles(before, after).map((x) => x.path)).toEqual(['/_app/immutable/b.C.js', '/icons/i.png']);
    expect(updateFiles(after, after)).toEqual([]);
    expect(precacheFigures(after, before)).toEqual({ shellFiles: 3, shellBytes: 360, lazyFiles: 0, lazyBytes: 0, updateFiles: 2, updateBytes: 260 });
    expect(precacheFigures(after).updateBytes).toBe(360);
  });
});
