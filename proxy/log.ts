/**
 * One line per proxied request: time, method, target, status, bytes, ms, or the refusal code. The target
 * is origin and path only: no query string (API keys often travel there), no user info, no fragment, and
 * path segments that look like secrets (long mixes of letters and digits, as in Slack or Telegram webhook
 * URLs) are replaced by `…`. Headers are never logged.
 */
export interface LogEntry {
  time: Date;
  method: string;
  target?: URL | string;
  status: number;
  bytes?: number;
  ms: number;
  /** The proxy's own error code when it refused or failed. */
  code?: string;
}

export function formatLogLine(entry: LogEntry): string {
  const parts = [entry.time.toISOString(), entry.method, describeTarget(entry.target), String(entry.status)];
  if (entry.code) parts.push(entry.code);
  else parts.push(`${entry.bytes ?? 0}B`);
  parts.push(`${Math.round(entry.ms)}ms`);
  return parts.join(' ');
}

function describeTarget(target: URL | string | undefined): string {
  if (!target) return '-';
  if (typeof target === 'string' && target.startsWith('/')) return target.split('?')[0];
  let url: URL;
  try {
    url = typeof target === 'string' ? new URL(target) : target;
  } catch {
    return '(invalid url)';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol}(refused)`;
  const path = url.pathname.split('/').map((segment) => (looksSecret(segment) ? '…' : segment)).join('/');
  return `${url.origin}${path}`;
}

function looksSecret(segment: string): boolean {
  const s = decodeURIComponent(segment.replace(/%(?![0-9a-f]{2})/gi, '%25'));
  return s.length >= 16 && /[a-z]/i.test(s) && /\d/.test(s);
}

export type LogSink = (line: string) => void;

export const consoleSink: LogSink = (line) => console.log(line);
