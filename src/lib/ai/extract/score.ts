/**
 * Field-level precision and recall of an extraction against the true fields, so basic mode and the model
 * are measured the same way. A value found and right is a true positive; found and wrong a false positive
 * (and, if there was a true value, also a false negative); not found where there was a value a false negative.
 */
import type { FieldSpec } from './fields';
import { sameMoney } from './rules/amounts';

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export const emptyTally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

export function addTally(into: Tally, from: Tally): Tally {
  into.tp += from.tp;
  into.fp += from.fp;
  into.fn += from.fn;
  return into;
}

export const precision = (t: Tally) => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
export const recall = (t: Tally) => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));

const normalText = (v: unknown) =>
  String(v).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').replace(/[.,]+$/, '').trim();

/** Similar enough for a line item's description read by OCR (one or two letters wrong). */
export function similar(a: string, b: string): boolean {
  const [x, y] = [normalText(a), normalText(b)];
  if (x === y) return true;
  const d: number[] = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const keep = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (x[i - 1] === y[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return d[y.length] <= Math.max(1, Math.floor(Math.max(x.length, y.length) * 0.25));
}

interface Item {
  description?: unknown;
  quantity?: unknown;
  unit_price?: unknown;
  amount?: unknown;
}

const num = (v: unknown) => (typeof v === 'number' ? v : Number.NaN);

function sameItem(got: Item, want: Item): boolean {
  return (
    sameMoney(num(got.amount), num(want.amount)) &&
    sameMoney(num(got.quantity), num(want.quantity)) &&
    sameMoney(num(got.unit_price), num(want.unit_price)) &&
    similar(String(got.description ?? ''), String(want.description ?? ''))
  );
}

/** Line items one by one: each found item that matches a true one is a TP (each true item matched once). */
export function scoreItems(got: unknown, want: unknown): Tally {
  const found = Array.isArray(got) ? (got as Item[]) : [];
  const truth = Array.isArray(want) ? [...(want as Item[])] : [];
  const tally = emptyTally();
  for (const item of found) {
    const at = truth.findIndex((t) => sameItem(item, t));
    if (at >= 0) {
      tally.tp++;
      truth.splice(at, 1);
    } else tally.fp++;
  }
  tally.fn += truth.length;
  return tally;
}

/** Whether one extracted value is right, by the field's type. */
export function sameValue(field: FieldSpec, got: unknown, want: unknown): boolean {
  switch (field.type) {
    case 'money':
    case 'number':
      return typeof got === 'number' && typeof want === 'number' && sameMoney(got, want);
    case 'list': {
      const t = scoreItems(got, want);
      return t.fp === 0 && t.fn === 0;
    }
    default:
      return normalText(got) === normalText(want);
  }
}

/** One field of one document. */
export function scoreField(field: FieldSpec, got: unknown, want: unknown): Tally {
  const found = got !== null && got !== undefined && !(Array.isArray(got) && got.length === 0);
  const present = want !== null && want !== undefined && !(Array.isArray(want) && want.length === 0);
  if (!found) return { tp: 0, fp: 0, fn: present ? 1 : 0 };
  if (present && sameValue(field, got, want)) return { tp: 1, fp: 0, fn: 0 };
  return { tp: 0, fp: 1, fn: present ? 1 : 0 };
}
