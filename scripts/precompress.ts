/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of a built folder, so the
 * local server (proxy/static-files.ts) can send them as they are to a browser that asks, at no cost per
 * request. Node's own zlib: no dependency. Kept apart from the Vite plugin so a test can run it on a folder.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text-like files worth compressing (`.traineddata.gz` is already gzipped, so never matches). */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|webmanifest|svg|wasm|txt|traineddata|map|xml)$/;
/** Below this a compressed copy saves less than the headers it costs. */
export const MIN_BYTES = 1024;
/**
 * Brotli's best level is slow on multi-megabyte files (the model runtime, the OCR cores, loaded only when
 * used): level 5 there is about 3x faster than 9 for 5% more bytes, and keeps the build step near 10 s.
 */
const BEST_LEVEL_UP_TO = 1_000_000;

export function isCompressible(name: string, size: number): boolean {
  return size >= MIN_BYTES && COMPRESSIBLE.test(name);
}

export async function compressBytes(data: Buffer): Promise<{ br: Buffer; gz: Buffer }> {
  const [br, gzipped] = await Promise.all([
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: data.length <= BEST_LEVEL_UP_TO ? 11 : 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [constants.BROTLI_PARAM_LGWIN]: 24
      }
    }),
    gz(data, { level: 9 })
  ]);
  return { br, gz: gzipped };
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Compress every compressible file under `dir`; a copy that would not be smaller is not written (the
 * server then sends the original). Returns how many files got copies. A few at once: zlib's async calls
 * run on libuv's thread pool.
 */
export async function precompressFolder(dir: string, parallel = 4): Promise<number> {
  const queue: string[] = [];
  for await (const file of filesUnder(dir)) {
    if (isCompressible(file, (await stat(file)).size)) queue.push(file);
  }
  let written = 0;
  const work = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const data = await readFile(file);
      const { br, gz } = await compressBytes(data);
      if (br.length < data.length) await writeFile(`${file}.br`, br);
      if (gz.length < data.length) await writeFile(`${file}.gz`, gz);
      if (br.length < data.length || gz.length < data.length) written++;
    }
  };
  await Promise.all(Array.from({ length: parallel }, work));
  return written;
}
