/** How long to wait before the next attempt: exponential backoff with full jitter, capped. */
import type { Retry } from '../recipe';

/** A server's Retry-After is honoured up to this, so one header cannot park a job for a day. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

export function retryDelay(policy: Retry, attempt: number, random: number, retryAfterMs?: number): number {
  const ceiling =
    policy.backoff === 'fixed' ? policy.initial_ms : Math.min(policy.max_ms, policy.initial_ms * 2 ** (attempt - 1));
  const jittered = policy.backoff === 'fixed' ? ceiling : Math.floor(random * ceiling);
  if (retryAfterMs === undefined) return jittered;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(jittered, retryAfterMs));
}

/** Parse a `Retry-After` header (seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
