/**
 * Reading a request body with a size limit, for every route of the local servers (the proxy, the MCP relay,
 * `sous serve`'s webhooks). Past the limit it answers null at once and ignores the rest, without destroying
 * the socket, so the caller can still answer 413.
 */
import type { IncomingMessage } from 'node:http';

/** The whole body, or null when it is (or says it is) larger than `max` bytes. */
export function readLimitedBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return Promise.resolve(null);
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
        done(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => over || done(Buffer.concat(chunks)));
    req.on('error', (err) => (over ? undefined : fail(err)));
  });
}
