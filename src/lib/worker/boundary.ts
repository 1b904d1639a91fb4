/**
 * Errors cross the worker boundary as plain tagged objects: structured cloning keeps an Error's message
 * but not its class, so a RunRefused would arrive as a bare Error. The worker tags, the page revives.
 */
import { fromPlainError, isPlainError, toPlainError } from '../engine/errors';

type AsyncApi = Record<string, (...args: never[]) => Promise<unknown>>;

/** Worker side: every method of `api` rejects with a PlainError instead of an Error. */
export function withPlainErrors<T extends AsyncApi>(api: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(api)) {
    out[name] = (...args: never[]) =>
      method(...args).catch((err: unknown) => {
        throw toPlainError(err);
      });
  }
  return out as T;
}

/** Page side: a PlainError becomes its error again (a RunRefused with its problems, …). */
export function revive<T>(call: Promise<T>): Promise<T> {
  return call.catch((err: unknown) => {
    throw isPlainError(err) ? fromPlainError(err) : err;
  });
}
