/**
 * Identifiers in a message ("ORD-1003", "ord-1003", "emp-003", "A-2026-0101", "#1003", "1003번") for the
 * id-like fields (order_id, sku, invoice_number…). A code goes to the field its prefix or the word before
 * it names ("ORD-…" and "order …" → order_id); with one id field and one code, to that field, unless the
 * code clearly names something else (an "ORD-" code is not a SKU).
 */
import type { Field } from '../../../recipe';
import { features } from '../features';
import { isIdField, nameWords } from '../fields';
import { CONCEPTS } from '../synonyms';
import type { Span } from './spans';

const CODE = /(?<![\p{L}\p{N}@._-])(#\d{2,}(?![A-Za-z0-9_-])|\d{3,}(?=\s*번)|\d{3,}(?![\p{L}\p{N}.,_-])|(?:[A-Za-z]{1,10}[-_]?\d[A-Za-z0-9_-]*|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)(?![A-Za-z0-9@_-]|\.\w))/gu;
/** Entity concepts a code may name. */
const ENTITIES = ['order', 'invoice', 'employee', 'vendor', 'leave', 'payslip', 'product', 'customer', 'refund', 'ship'];

interface Code {
  text: string;
  start: number;
  end: number;
  prefix: string;
  /** concepts of the words just before (or, for "1003번 주문", after) the code */
  context: Set<string>;
}

function findCodes(text: string): Code[] {
  return [...text.matchAll(CODE)].map((m) => {
    const raw = m[0];
    const before = text.slice(Math.max(0, m.index - 24), m.index).replace(/(?:#|\bno\.?|\bnumber|\bid|번호)\s*$/i, '');
    const after = text.slice(m.index + raw.length, m.index + raw.length + 12);
    const words = before.trim().split(/\s+/).slice(-2).join(' ') + (/^\s*번/.test(after) ? ` ${after.replace(/^\s*번\s*/, '').split(/\s+/)[0]}` : '');
    const context = new Set([...features(words)].filter((f) => f.startsWith('c:')).map((f) => f.slice(2)));
    return { text: raw.replace(/^#/, ''), start: m.index, end: m.index + raw.length, prefix: (/^[A-Za-z]+/.exec(raw)?.[0] ?? '').toLowerCase(), context };
  });
}

/** Concepts a code's letters stand for: "ord" → order, "inv" → invoice (and inventory, so stock). */
function prefixConcepts(prefix: string): string[] {
  // Two letters say too little ("DE81…" is a German VAT id, not a delivery).
  if (prefix.length < 3) return [];
  return ENTITIES.filter((c) => (CONCEPTS[c] ?? []).some((w) => /^[a-z]+$/.test(w) && w.length >= 3 && (w.startsWith(prefix) || prefix.startsWith(w))));
}

function fieldConcepts(field: Field): Set<string> {
  return new Set([...features(nameWords(field).join(' '))].filter((f) => f.startsWith('c:')).map((f) => f.slice(2)));
}

function codeField(field: Field): boolean {
  if (field.type !== 'text') return false;
  if (isIdField(field)) return true;
  const concepts = fieldConcepts(field);
  return nameWords(field).length === 1 && concepts.size === 1 && ENTITIES.includes([...concepts][0]);
}

function relates(code: Code, field: Field): boolean {
  const concepts = fieldConcepts(field);
  const words = nameWords(field);
  if (code.prefix.length >= 2 && words.some((w) => w.length >= 3 && (w.startsWith(code.prefix) || code.prefix.startsWith(w.slice(0, 3))))) return true;
  if (prefixConcepts(code.prefix).some((c) => concepts.has(c))) return true;
  return [...code.context].some((c) => ENTITIES.includes(c) && concepts.has(c));
}

function namesSomethingElse(code: Code, field: Field): boolean {
  const concepts = fieldConcepts(field);
  const named = [...prefixConcepts(code.prefix), ...[...code.context].filter((c) => ENTITIES.includes(c))];
  return named.length > 0 && !named.some((c) => concepts.has(c));
}

export function codeSpans(text: string, fields: Field[]): Span[] {
  const idFields = fields.filter(codeField);
  if (!idFields.length) return [];
  const codes = findCodes(text);
  const lettered = codes.filter((c) => !/^\d+$/.test(c.text)).length;
  const out: Span[] = [];
  for (const code of codes) {
    const related = idFields.filter((f) => relates(code, f));
    const bare = /^\d+$/.test(code.text);
    let field: Field | undefined;
    if (related.length === 1) field = related[0];
    else if (!related.length && !bare && idFields.length === 1 && lettered === 1 && !namesSomethingElse(code, idFields[0])) field = idFields[0];
    if (field) out.push({ field: field.name, raw: code.text, start: code.start, end: code.end });
  }
  // Two codes for one field is a guess ("refund ord-1001 and ord-1002"): leave it to be asked.
  return out.filter((s) => out.filter((o) => o.field === s.field).length === 1);
}
