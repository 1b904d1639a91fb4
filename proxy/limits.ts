/** The proxy's limits, with defaults that suit an automation studio's API calls. */
import { z } from 'zod';

export const LimitsSchema = z.object({
  /** Largest request body the proxy reads from the studio. */
  maxRequestBytes: z.number().int().positive(),
  /** Largest response body it reads from upstream; it stops reading once past this. */
  maxResponseBytes: z.number().int().positive(),
  /** Time to resolve and connect (per connection, so per hop). */
  connectTimeoutMs: z.number().int().positive(),
  /** Time for the whole exchange: every hop, headers and body. */
  totalTimeoutMs: z.number().int().positive(),
  /** Requests a token may make per minute. */
  requestsPerMinute: z.number().int().positive(),
  /** Redirects followed by hand before giving up (5 at most). */
  maxRedirects: z.number().int().min(0).max(5)
});

export type Limits = z.infer<typeof LimitsSchema>;

/** Some limits, to lay over the defaults (a config file's `limits`). */
export const LimitsOverrideSchema = LimitsSchema.partial().strict();

export const DEFAULT_LIMITS: Limits = {
  maxRequestBytes: 10 * 1024 * 1024,
  maxResponseBytes: 20 * 1024 * 1024,
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 120_000,
  requestsPerMinute: 300,
  maxRedirects: 5
};
