/**
 * For commands whose stdout is a protocol or pure JSON (`sous mcp`, `sous chat --json`): whatever else in
 * the process would print with console.log (a connector, a library) goes to stderr instead.
 */
import type { Io } from './io';

export function consoleToStderr(io: Io): void {
  const toErr = (...parts: unknown[]) => io.err(parts.map((p) => (typeof p === 'string' ? p : safeJson(p))).join(' '));
  console.log = toErr;
  console.info = toErr;
  console.debug = toErr;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
