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
