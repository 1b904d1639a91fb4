/**
 * Working with `{{ … }}` templates in a text field: split into text and expression segments (shown as
 * chips), insert a pill at the cursor, and switch a field to and from formula mode (a bare JSONata
 * expression).
 */

export type Segment = { kind: 'text'; text: string } | { kind: 'expr'; source: string };

const TEMPLATE = /\{\{([\s\S]*?)\}\}/g;
const SINGLE = /^\s*\{\{([\s\S]*?)\}\}\s*$/;

export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(TEMPLATE)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    out.push({ kind: 'expr', source: m[1].trim() });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

export function hasExpression(value: unknown): value is string {
  return typeof value === 'string' && /\{\{[\s\S]*?\}\}/.test(value);
}

/** Replace `[start, end)` of `text` with `insert`; answers the new text and where the cursor goes. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; cursor: number } {
  const a = Math.max(0, Math.min(start, text.length));
  const b = Math.max(a, Math.min(end, text.length));
  return { text: text.slice(0, a) + insert + text.slice(b), cursor: a + insert.length };
}

/**
 * A field's value as one JSONata expression: `{{ x }}` → `x`; plain text → a string literal; text with
 * braces inside → a concatenation, so nothing written is lost by switching to formula mode.
 */
export function toFormula(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value !== 'string') return JSON.stringify(value);
  const single = SINGLE.exec(value);
  if (single && !single[1].includes('{{')) return single[1].trim();
  return segments(value)
    .map((s) => (s.kind === 'text' ? JSON.stringify(s.text) : `(${s.source})`))
    .join(' & ');
}

/**
 * The formula a field shows in formula mode. A field marked *expr* in the format (an `if`'s condition,
 * a `foreach`'s items, an event filter) may hold a bare expression without braces: that is the formula.
 */
export function formulaOf(value: unknown, expr = false): string {
  if (expr && typeof value === 'string' && !value.includes('{{')) return value.trim();
  return toFormula(value);
}

/** A formula back into the field's value: `{{ formula }}`, or empty when there is none. */
export function fromFormula(formula: string): string {
  return formula.trim() === '' ? '' : `{{ ${formula.trim()} }}`;
}
