/**
 * Finds a large module built twice: two emitted scripts of the studio's build that share a big run of the
 * same code (Vite bundles the page and each web worker separately, so a library both reach lands in both).
 * Files are cut into content-defined pieces (a rolling hash picks the cuts, so the same code cuts the same
 * way wherever it sits in a file) and pieces found in two files are summed. Used by `npm test` after the
 * build (scripts/check-build.ts) and by the first-load bench.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A file at least this big is a "large module" worth checking (and two sharing this much are a double). */
export const LARGE_BYTES = 256 * 1024;
const SCRIPT = /\.(m?js)$/;
/** About one cut per 2 KiB; pieces shorter than MIN_PIECE are merged into the next. */
const CUT_MASK = (1 << 11) - 1;
const MIN_PIECE = 256;

export interface SharedCode {
  files: [string, string];
  /** Bytes of the pieces both files hold. */
  bytes: number;
}

/** Piece hash → piece length. */
function pieces(data: Buffer): Map<string, number> {
  const out = new Map<string, number>();
  let hash = 0;
  let start = 0;
  for (let i = 0; i < data.length; i++) {
    // Shifting by one over 32 bits: the hash depends on the last 32 bytes only, so cuts resynchronise.
    hash = ((hash << 1) + data[i]) >>> 0;
    if ((hash & CUT_MASK) === CUT_MASK && i - start >= MIN_PIECE) {
      out.set(createHash('sha1').update(data.subarray(start, i)).digest('hex'), i - start);
      start = i;
    }
  }
  if (data.length > start) out.set(createHash('sha1').update(data.subarray(start)).digest('hex'), data.length - start);
  return out;
}

async function largeScripts(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && SCRIPT.test(entry.name) && (await stat(path)).size >= LARGE_BYTES) found.push(path);
  }
  return found.sort();
}

/**
 * Pairs of large scripts under `dir` (the build's `_app/`, Vite's own output) that share at least
 * `LARGE_BYTES` of code, biggest first. Empty when no large module is built twice.
 */
export async function sharedCode(dir: string, minShared = LARGE_BYTES): Promise<SharedCode[]> {
  const files = await largeScripts(dir);
  const sets = await Promise.all(files.map(async (file) => pieces(await readFile(file))));
  const shared: SharedCode[] = [];
  for (let a = 0; a < files.length; a++) {
    for (let b = a + 1; b < files.length; b++) {
      let bytes = 0;
      for (const [hash, length] of sets[a]) if (sets[b].has(hash)) bytes += length;
      if (bytes >= minShared) shared.push({ files: [relative(dir, files[a]), relative(dir, files[b])], bytes });
    }
  }
  return shared.sort((x, y) => y.bytes - x.bytes);
}
