/**
 * How much one `{{ }}` expression may do. JSONata reads `timeout`, `stack` and `sequence` from this very
 * object at every evaluation (it keeps the reference it was compiled with), so changing a limit here
 * reaches every cached expression at once. `maxText` bounds a string a builtin builds in one call (those
 * calls cannot be interrupted, so they refuse before allocating); `maxValue` bounds what an expression
 * gives back, measured as it is copied out.
 */
export const EXPRESSION_LIMITS = {
  /** Milliseconds one expression may run: long loops and recursion are stopped at this. */
  timeout: 2000,
  stack: 200,
  sequence: 1_000_000,
  /** Characters a string builtin ($pad, $join, $string, $replace) may build. */
  maxText: 10_000_000,
  /** Rough bytes of the value an expression gives (shared parts counted each time they appear). */
  maxValue: 64_000_000
};

export type ExpressionLimits = typeof EXPRESSION_LIMITS;

const listeners: Array<() => void> = [];

/** Called after every change (options.ts copies the guardrails into the object JSONata reads). */
export function onLimitsChange(listener: () => void): void {
  listeners.push(listener);
}

/** Change limits for the whole engine (the CLI and the worker call this once, at start). */
export function setExpressionLimits(next: Partial<ExpressionLimits>): void {
  for (const [key, value] of Object.entries(next) as Array<[keyof ExpressionLimits, number | undefined]>) {
    if (value !== undefined && Number.isFinite(value) && value > 0) EXPRESSION_LIMITS[key] = value;
  }
  for (const listener of listeners) listener();
}

/** An error from a limit; `describe` in expressions.ts passes its message on as it is. */
export class LimitError extends Error {
  readonly limit = true;
}

export function megabytes(n: number): string {
  if (n < 1_000_000) return `${Math.max(1, Math.round(n / 1000))} KB`;
  return `${Math.round(n / 100_000) / 10} MB`;
}

export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

export function textTooLong(what: string): LimitError {
  return new LimitError(`${what} would make a text longer than ${megabytes(EXPRESSION_LIMITS.maxText)}, so it was stopped`);
}

export function valueTooLarge(): LimitError {
  return new LimitError(`the expression made a value too large (over ${megabytes(EXPRESSION_LIMITS.maxValue)}), so it was stopped`);
}

/** An expression as an error names it: whitespace folded, at most `max` characters. */
export function elide(source: string, max = 120): string {
  const flat = source.trim().replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
