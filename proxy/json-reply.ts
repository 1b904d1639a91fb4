/** The local server's JSON answers and refusals, shared by its endpoints (webhooks, proxy settings). */
import type { ServerResponse } from 'node:http';

/** A request refused with an HTTP status and a message in plain words (sent as `{ "error": … }`). */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message);
  }
}

/** A JSON answer that is never cached nor sniffed as another type. */
export function replyJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers
  });
  res.end(text);
}
