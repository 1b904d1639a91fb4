/** The build check over a folder of emitted scripts made here: a large module in two files is found. */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedCode } from '../../scripts/build-check';

/** Text like minified code, different for each seed (a small xorshift, so the test is the same each run). */
function code(seed: number, bytes: number): string {
  let x = seed;
  let out = '';
  while (out.length < bytes) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += `var a${(x >>> 0).toString(36)}=function(e){return e+${x & 0xffff}};`;
  }
  return out;
}

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sous-build-check-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

describe('large modules built twice', () => {
  const library = code(1, 400_000);

  it('finds one library bundled into the page and into a worker, each with other code around it', async () => {
    const dir = await folder({
      'immutable/chunks/page.js': `${code(2, 50_000)}${library}${code(3, 20_000)}`,
      'immutable/workers/engine.worker.js': `${code(4, 90_000)}${library}`,
      'immutable/chunks/other.js': code(5, 300_000)
    });
    const found = await sharedCode(dir);
    expect(found.map((f) => f.files)).toEqual([['immutable/chunks/page.js', 'immutable/workers/engine.worker.js']]);
    // The pieces cut at the library's two ends are not shared: most of it is found, not all.
    expect(found[0].bytes).toBeGreaterThan(300_000);
  });

  it('finds the same file emitted twice', async () => {
    const dir = await folder({ 'a/x.mjs': library, 'b/x.mjs': library });
    expect((await sharedCode(dir)).length).toBe(1);
  });

  it('passes different large files, and small files that share code', async () => {
    const small = code(6, 100_000);
    const dir = await folder({ 'a.js': code(7, 400_000), 'b.js': code(8, 400_000), 'c.js': small, 'd.js': small, 'e.css': library, 'f.css': library });
    expect(await sharedCode(dir)).toEqual([]);
  });
});
