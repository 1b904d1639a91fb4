/**
 * A list of objects (a `list` field with `items`): "2 x MUG-CER-01", "MUG-CER-01 x 2", "MUG-CER-01 2개",
 * "2 MUG-CER-01 and 1 TEE-ORG-M", "sku MUG-CER-01 quantity 2", or JSON. Numbers go to the item's number
 * fields in order, the rest of each element to its first text field (the code); anything that does not
 * fit (no number, "two", an extra number) makes the whole answer wrong rather than half-read.
 */
import type { Field } from '../../../recipe';
import type { Lang } from '../lang';
import { cleanValue } from '../text';
import { LIST_SEPARATOR, jsonArray } from './list';
import { readNumber } from './number';
import { itemReason, reason } from './reasons';

type Parse = (field: Field, raw: string) => { ok: true; value: unknown } | { ok: false; reason: string };
type Result = { ok: true; value: Record<string, unknown>[] } | { ok: false; reason: string };

const FILLER = /^(?:x|×|\*|of|pcs?|pieces?|units?|items?|each|times|개|ea|qty|please)$/i;
/** Number words are a wrong answer for a number, never a code: "two mugs" must not become sku "two mugs". */
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|couple|few|several|하나|한|둘|두|셋|세|넷|네|다섯|여섯|일곱|여덟|아홉|열)(?:개)?$/i;

/** An item field must be given when it says so; when no item field says either way, every one must be. */
function mustHave(items: Field[], f: Field): boolean {
  return items.some((i) => i.required !== undefined) ? f.required === true : true;
}

type Finished = { error: string } | { value: Record<string, unknown> };

function finish(items: Field[], obj: Record<string, unknown>, lang: Lang, parse: Parse): Finished {
  const out: Record<string, unknown> = {};
  for (const f of items) {
    const v = obj[f.name];
    if (v === undefined || v === '') {
      if (f.default !== undefined) out[f.name] = f.default;
      else if (mustHave(items, f)) return { error: reason('items', lang) };
      continue;
    }
    if (typeof v === 'string') {
      const p = parse(f, v);
      if (!p.ok) return { error: itemReason(f.name, p.reason, lang) };
      out[f.name] = p.value;
    } else if (f.type === 'number' && typeof v !== 'number') return { error: itemReason(f.name, reason('number', lang), lang) };
    else if (f.type === 'text' && typeof v === 'number') out[f.name] = String(v);
    else out[f.name] = v;
  }
  return { value: out };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "sku MUG-CER-01 quantity 2, sku TEE-ORG-M quantity 1": keys named, a repeated key starts the next item. */
function keyed(items: Field[], raw: string): Record<string, string>[] | undefined {
  const names = items.flatMap((f) => [f.name, f.name.replace(/_/g, ' ')]).sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}-])(${names.map(escape).join('|')})(?![\\p{L}\\p{N}-])\\s*[:=]?\\s*`, 'giu');
  const marks = [...raw.matchAll(re)];
  if (marks.length === 0) return undefined;
  if (raw.slice(0, marks[0].index).replace(/[\s,;[\]{}]/g, '')) return undefined;
  const objects: Record<string, string>[] = [];
  let current: Record<string, string> = {};
  marks.forEach((m, i) => {
    const field = items.find((f) => f.name.toLowerCase() === m[1].toLowerCase() || f.name.replace(/_/g, ' ').toLowerCase() === m[1].toLowerCase())!;
    const end = i + 1 < marks.length ? marks[i + 1].index : raw.length;
    const value = cleanValue(raw.slice(m.index + m[0].length, end).replace(/(?:[,;\n]|\band\b|및|그리고)\s*$/i, ''));
    if (field.name in current) {
      objects.push(current);
      current = {};
    }
    current[field.name] = value;
  });
  objects.push(current);
  return objects;
}

/** One element by shape: its numbers to the number fields, the rest to the first text field. */
function shaped(items: Field[], segment: string): Record<string, string> | undefined {
  const numbers = items.filter((f) => f.type === 'number');
  const text = items.find((f) => f.type === 'text');
  const tokens = segment.replace(/([\d])\s*(x|×)\s*(?=\S)/gi, '$1 $2 ').replace(/(?<=\s|^)(x|×)(\d)/gi, '$1 $2').split(/\s+/).filter(Boolean);
  const found: number[] = [];
  const rest: string[] = [];
  for (const raw of tokens) {
    const token = raw.replace(/[:=,]+$/, '');
    if (!token || FILLER.test(token)) continue;
    if (NUMBER_WORD.test(token)) return undefined;
    const n = /[A-Za-z]-|-[A-Za-z]/.test(token) ? undefined : readNumber(token);
    if (n !== undefined) found.push(n);
    else rest.push(token);
  }
  if (found.length > numbers.length) return undefined;
  const code = cleanValue(rest.join(' '));
  if (code && !text) return undefined;
  const obj: Record<string, string> = {};
  numbers.forEach((f, i) => {
    if (i < found.length) obj[f.name] = String(found[i]);
  });
  if (code && text) obj[text.name] = code;
  return obj;
}

export function readItems(items: Field[], raw: string, lang: Lang, parse: Parse): Result {
  const json = jsonArray(raw);
  let objects: Record<string, unknown>[] | undefined;
  if (json) {
    if (!json.every((v) => v && typeof v === 'object' && !Array.isArray(v))) return { ok: false, reason: reason('items', lang) };
    objects = json as Record<string, unknown>[];
  } else {
    objects = keyed(items, raw);
    if (!objects) {
      const segments = raw.split(LIST_SEPARATOR).map((s) => (s ?? '').trim()).filter(Boolean);
      const read = segments.map((s) => shaped(items, s));
      if (read.some((r) => !r)) return { ok: false, reason: reason('items', lang) };
      objects = read as Record<string, unknown>[];
    }
  }
  if (!objects.length) return { ok: false, reason: reason('items', lang) };
  const out: Record<string, unknown>[] = [];
  for (const obj of objects) {
    const done = finish(items, obj, lang, parse);
    if ('error' in done) return { ok: false, reason: done.error };
    out.push(done.value);
  }
  return { ok: true, value: out };
}
