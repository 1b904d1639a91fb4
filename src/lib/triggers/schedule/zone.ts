/**
 * Wall-clock time in an IANA time zone, from `Intl` alone (no library, no table of rules): the zone's
 * offset at an instant, and the instant a wall-clock time names, across DST gaps and overlaps.
 *
 * Wall-clock times are carried as "wall ms": the local date and time written as if it were UTC
 * (`Date.UTC(y, m, d, h, min)`), so calendar arithmetic needs no zone.
 */

const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's name, or a plain-English RangeError when this runtime does not know it. */
export function requireTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) throw new RangeError(`"${timeZone}" is not a time zone this system knows (expected a name such as "Europe/Berlin")`);
}

/** The local date and time at `instant` (ms), as wall ms. */
export function wallAt(instant: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall + (((instant % 1000) + 1000) % 1000);
}

/** The zone's UTC offset at `instant`, in ms (Berlin in summer: +7_200_000). */
export function offsetAt(instant: number, timeZone: string): number {
  return wallAt(instant, timeZone) - instant;
}

/**
 * The offsets in force around a local day, sampled well before and after it. Real zones never change
 * offset twice within these 84 hours, so equal samples mean the day has no transition.
 */
export function dayOffsets(dayWall: number, timeZone: string): { before: number; after: number } {
  return { before: offsetAt(dayWall - 36 * HOUR, timeZone), after: offsetAt(dayWall + 48 * HOUR, timeZone) };
}

/**
 * The instant a wall-clock time names. A time that happens twice (autumn) names its first instant; a time
 * that does not exist (spring gap) names the first instant after the gap, the change itself (02:30 on
 * the change day in Berlin → 03:00 CEST). `offsets` is `dayOffsets` for the day of `wall`.
 */
export function resolveWall(wall: number, timeZone: string, offsets: { before: number; after: number }): number {
  const { before, after } = offsets;
  if (before === after) return wall - before;
  const candidates = [wall - before, wall - after].filter((t) => wallAt(t, timeZone) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  // In the gap: the change lies in (wall - max, wall - min]; find its first second by bisection.
  let lo = Math.floor((wall - Math.max(before, after)) / 1000);
  let hi = Math.ceil((wall - Math.min(before, after)) / 1000);
  const old = offsetAt(lo * 1000, timeZone);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid * 1000, timeZone) === old) lo = mid;
    else hi = mid;
  }
  return hi * 1000;
}
