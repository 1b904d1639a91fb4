/** Small formatters the job views share, in the studio's current language. */
import { locale, t } from '$lib/i18n';

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
  const time = at.toLocaleTimeString(locale.tag, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return at.toDateString() === now.toDateString() ? time : `${at.toLocaleDateString(locale.tag)} ${time}`;
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** `850 ms`, `4.2 s`, `3 min 5 s`, `2 h 10 min`: a step's or a job's length. */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return t('common:time.ms', { ms: Math.round(ms) });
  if (ms < 60_000) return t('common:time.seconds', { s: (ms / 1000).toFixed(ms < 10_000 ? 1 : 0) });
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return t('common:time.minutesSeconds', { m: minutes, s: Math.floor((ms % 60_000) / 1000) });
  return t('common:time.hoursMinutes', { h: Math.floor(minutes / 60), m: minutes % 60 });
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
  if (s < 45) return t('common:time.justNow');
  if (s < 3600) return t('common:time.minutesAgo', { count: Math.round(s / 60) });
  if (s < 86_400) return t('common:time.hoursAgo', { count: Math.round(s / 3600) });
  return t('common:time.daysAgo', { count: Math.round(s / 86_400) });
}
