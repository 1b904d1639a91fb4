/**
 * Serves a folder of on-device model files at /models/ (`--models DIR`), so a workshop's participants
 * download models from the trainer's laptop (model base URL `http://HOST:PORT/models`) instead of the
 * internet. Read-only: GET and HEAD of files only, no directory listings, nothing outside the folder. Model
 * weights are public files, so any studio origin may read them (CORS `*`).
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

export const MODELS_PREFIX = '/models/';

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.model': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8'
};

const HEADERS = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
  'x-content-type-options': 'nosniff'
};

/** Answers whether it handled the request (a path under /models/). */
export function modelFiles(dir: string) {
  const rootPromise = realpath(dir).then((real) => normalize(real + sep));
  return async function serve(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const raw = (req.url ?? '/').split('?')[0];
    // `/models` itself is the studio's Models page; only paths below it are files.
    if (!raw.startsWith(MODELS_PREFIX)) return false;
    const plain = (status: number, text: string, extra: Record<string, string> = {}) =>
      void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...HEADERS, ...extra }).end(text);
    if (req.method === 'OPTIONS') return res.writeHead(204, { ...HEADERS, 'access-control-allow-methods': 'GET, HEAD' }).end(), true;
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'the model folder is read-only', { allow: 'GET, HEAD' }), true;
    let relative: string;
    try {
      relative = decodeURIComponent(raw.slice(MODELS_PREFIX.length));
    } catch {
      return plain(400, 'bad request'), true;
    }
    // Refuse any `..`, backslash or NUL outright rather than trusting normalisation alone.
    if (relative.split('/').some((part) => part === '..' || part === '.') || /[\\\0]/.test(relative)) return plain(403, 'forbidden'), true;
    const root = await rootPromise;
    const wanted = normalize(join(root, relative));
    // A symbolic link inside the folder must not lead out of it.
    const real = await realpath(wanted).catch(() => undefined);
    const info = real?.startsWith(root) ? await stat(real).catch(() => undefined) : undefined;
    if (!real || !info?.isFile()) return plain(404, 'not found'), true;
    res.writeHead(200, {
      'content-type': TYPES[extname(real)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'public, max-age=3600',
      ...HEADERS
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(real).pipe(res);
    return true;
  };
}
