/** Small formatters the job views share. */

/** Pretty JSON for a <pre>; a value that is not there shows as a dash. */
export function pretty(value: unknown): string {
  if (value === undefined) return '—';
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `14:03:07` for today, else the date too; the full ISO time goes in a title. */
export function when(iso: string | null | undefined, now = new Date()): string {
  if (!iso) return '—';
  const at = new Date(iso);
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return at.toDateString() === now.toDateString() ? time : `${at.toLocaleDateString()} ${time}`;
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** `850 ms`, `4.2 s`, `3 min 5 s`, `2 h 10 min`: a step's or a job's length. */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ${Math.floor((ms % 60_000) / 1000)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Milliseconds from `start` to `end` (or to `now` while it goes on); undefined without a start. */
export function elapsed(start: string | null | undefined, end: string | null | undefined, now = new Date()): number | undefined {
  if (!start) return undefined;
  return (end ? Date.parse(end) : now.getTime()) - Date.parse(start);
}

/** `just now`, `5 min ago`, `3 h ago`, `2 d ago`: how long ago, for lists. */
export function ago(iso: string | null | undefined, now = new Date()): string {
  if (!iso) return '—';
  const s = Math.max(0, (now.getTime() - Date.parse(iso)) / 1000);
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} d ago`;
}
