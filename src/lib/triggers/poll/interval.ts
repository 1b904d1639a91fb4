/** How often a polled event is checked, and how one of its items is told apart from the others. */
import type { PollDef } from '../../connectors/sdk';

/** The default interval: often enough to feel prompt, rare enough for an API's rate limits. */
export const DEFAULT_POLL_EVERY = '5m';
/** Nothing is polled more often than once a minute, whatever a document asks (APIs rate-limit). */
export const POLL_FLOOR_MS = 60_000;

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `5m` → 300000; null for what is not a whole number and a unit (s, m, h, d). */
export function parseEvery(text: string): number | null {
  const match = /^\s*(\d{1,6})\s*([smhd])\s*$/i.exec(text);
  if (!match) return null;
  const ms = Number(match[1]) * UNIT_MS[match[2].toLowerCase() as keyof typeof UNIT_MS];
  return ms > 0 ? ms : null;
}

/** The poll's interval in ms: its `every` (default 5 minutes), never under a minute. */
export function pollEveryMs(poll: Pick<PollDef, 'every'>): number {
  const ms = parseEvery(poll.every ?? DEFAULT_POLL_EVERY) ?? parseEvery(DEFAULT_POLL_EVERY)!;
  return Math.max(POLL_FLOOR_MS, ms);
}

/** "5 min", "1 h", "1 day": for labels such as "checked every 5 min". */
export function describeEvery(ms: number): string {
  if (ms % UNIT_MS.d === 0) return ms === UNIT_MS.d ? 'day' : `${ms / UNIT_MS.d} days`;
  if (ms % UNIT_MS.h === 0) return ms === UNIT_MS.h ? 'hour' : `${ms / UNIT_MS.h} hours`;
  if (ms % UNIT_MS.m === 0) return ms === UNIT_MS.m ? 'minute' : `${ms / UNIT_MS.m} min`;
  return `${Math.round(ms / 1000)} s`;
}

/** An item's key: its `key` field (default `id`) as text, when that is a string or a finite number. */
export function itemKey(poll: Pick<PollDef, 'key'>, item: unknown): string | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const value = (item as Record<string, unknown>)[poll.key ?? 'id'];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
