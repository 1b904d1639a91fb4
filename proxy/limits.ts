/** The proxy's limits, with defaults that suit an automation studio's API calls. */
import { z } from 'zod';

export const LimitsSchema = z.object({
  /** Largest request body the proxy reads from the studio. */
  maxRequestBytes: z.number().int().positive().default(10 * 1024 * 1024),
  /** Largest response body it reads from upstream; it stops reading once past this. */
  maxResponseBytes: z.number().int().positive().default(20 * 1024 * 1024),
  /** Time to resolve and connect (per hop). */
  connectTimeoutMs: z.number().int().positive().default(10_000),
  /** Time for the whole exchange: every hop, headers and body. */
  totalTimeoutMs: z.number().int().positive().default(120_000),
  /** Requests a token may make per minute. */
  requestsPerMinute: z.number().int().positive().default(300),
  /** Redirects followed by hand before giving up. */
  maxRedirects: z.number().int().min(0).max(5).default(5)
});

export type Limits = z.infer<typeof LimitsSchema>;

export const DEFAULT_LIMITS: Limits = LimitsSchema.parse({});
