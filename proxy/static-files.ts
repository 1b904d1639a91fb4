/**
 * Serves the built studio (a static single-page app): files from the build folder, `index.html` for any
 * other path so the app's own router takes over. Never serves a file outside the folder.
 * A file with a precompressed copy beside it (`.br`, `.gz`, written by scripts/vite-precompress.ts) is sent
 * as that copy to a browser that asks for it (Accept-Encoding), a big saving for a room on slow Wi-Fi.
 */
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pickEncoding, type Encoding } from './accept-encoding';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2'
};

/** Headers every page gets: no framing by other sites, no sniffing, no referrer leaks. */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin'
};

/** The suffix of each precompressed copy. */
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

interface Found {
  file: string;
  info: Stats;
}

export function staticFiles(root: string) {
  const base = normalize(root + sep);
  return async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', ...SECURITY_HEADERS }).end('method not allowed');
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, SECURITY_HEADERS).end('bad request');
      return;
    }
    const found = await findFile(base, pathname);
    if (found === 'missing') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('not found');
    } else if (found === 'unbuilt') {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('the studio is not built yet: run `npm run build`');
    } else {
      await sendFile(req, res, found);
    }
  };
}

/** The file a path names, the app's page for a route, or why there is none. */
async function findFile(base: string, pathname: string): Promise<Found | 'missing' | 'unbuilt'> {
  const wanted = normalize(join(base, pathname));
  let file = wanted.startsWith(base) ? wanted : join(base, 'index.html');
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (info?.isFile()) return { file, info };
  // Paths with an extension are assets that are not there; everything else is a route of the app.
  if (extname(pathname)) return 'missing';
  file = join(base, 'index.html');
  info = await stat(file).catch(() => undefined);
  return info?.isFile() ? { file, info } : 'unbuilt';
}

/** The precompressed copy to send, if the client accepts one and it is no older than the file itself. */
async function compressedCopy(req: IncomingMessage, found: Found): Promise<{ encoding: Encoding; copy: Found } | undefined> {
  const encoding = pickEncoding(req.headers['accept-encoding']);
  for (const candidate of encoding) {
    const file = found.file + SUFFIX[candidate];
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile() && info.mtimeMs >= found.info.mtimeMs) return { encoding: candidate, copy: { file, info } };
  }
  return undefined;
}

async function sendFile(req: IncomingMessage, res: ServerResponse, found: Found): Promise<void> {
  const chosen = await compressedCopy(req, found);
  const sent = chosen?.copy ?? found;
  const immutable = found.file.includes(`${sep}_app${sep}immutable${sep}`);
  // One tag per file version and encoding: a cache must not answer a gzip client with the brotli bytes.
  const etag = `"${Math.floor(found.info.mtimeMs).toString(36)}-${found.info.size.toString(36)}${chosen ? `-${chosen.encoding}` : ''}"`;
  const lastModified = new Date(Math.floor(found.info.mtimeMs / 1000) * 1000);
  const validators: Record<string, string> = {
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    'last-modified': lastModified.toUTCString(),
    ...SECURITY_HEADERS
  };
  // Only where a copy exists does the answer depend on Accept-Encoding.
  if (chosen || (await hasAnyCopy(found))) validators.vary = 'Accept-Encoding';
  if (notModified(req, etag, lastModified)) {
    res.writeHead(304, validators).end();
    return;
  }
  res.writeHead(200, {
    ...validators,
    'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream',
    ...(chosen ? { 'content-encoding': chosen.encoding } : {}),
    'content-length': sent.info.size
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(sent.file).pipe(res);
}

async function hasAnyCopy(found: Found): Promise<boolean> {
  for (const suffix of Object.values(SUFFIX)) {
    if ((await stat(found.file + suffix).catch(() => undefined))?.isFile()) return true;
  }
  return false;
}

/** If-None-Match wins over If-Modified-Since (RFC 9110 13.1.3). */
function notModified(req: IncomingMessage, etag: string, lastModified: Date): boolean {
  const tags = req.headers['if-none-match'];
  if (tags !== undefined) return tags.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && lastModified.getTime() <= since;
}
