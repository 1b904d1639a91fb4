/**
 * Values named in the message: "name: Acme, country: DE", "the address is 12 Main St", "quantity 3",
 * "이름은 Acme, 국가는 DE로 등록해줘", "주소: 서울시 …". The most explicit source, read first.
 */
import type { Field } from '../../../recipe';
import { fieldHasConcept } from '../fields';
import { isParticleEnd } from '../text';
import { fieldLabels } from './labels';
import { cleanRequestValue, type Span } from './spans';

interface Mark {
  field: Field;
  start: number;
  /** where the value begins */
  valueAt: number;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*');

/** Label occurrences followed by a separator that says "this is its value". */
function marks(text: string, fields: Field[]): Mark[] {
  const found: Mark[] = [];
  const labels = fields.flatMap((field) => fieldLabels(field).map((label) => ({ field, label }))).sort((a, b) => b.label.length - a.label.length);
  const taken: Array<[number, number]> = [];
  for (const { field, label } of labels) {
    const korean = /[\uac00-\ud7a3]/.test(label);
    const sep = korean
      ? String.raw`(은|는|이|가)?\s*[:：=]\s*|(은|는|이|가)\s+`
      : String.raw`\s*[:=]\s*|\s+(?:is|should be|will be|would be|=)\s+` + (field.type === 'number' ? String.raw`|\s+(?:of\s+)?(?=[-+]?\d)` : '');
    const re = new RegExp(`${korean ? '(?<![\\uac00-\\ud7a3])' : '(?<![\\p{L}\\p{N}_-])'}(${esc(label)})(?:${sep})`, 'giu');
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[1].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const particle = m[2] ?? m[3];
      if (particle && !isParticleEnd(m[1] + particle, particle)) continue;
      taken.push([start, end]);
      found.push({ field, start, valueAt: start + m[0].length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Text fields end at a comma (addresses may hold commas, so they run on to the next label). A Korean value
 * also ends at a word that joins it to what follows: "국가가 DE인 업체 Acme" → DE ("DE인" = "which is DE").
 */
function cut(value: string, field: Field): string {
  const stop = fieldHasConcept(field, 'address') ? /[;\n]/ : /[,;\n]|\s(?:and|but|please)\s/i;
  const m = stop.exec(value);
  let v = m ? value.slice(0, m.index) : value;
  const joined = /^(.*?\S)(?:인|이고|이며|이면|이라서|이니까|고|며)\s+\S/su.exec(v);
  if (joined && /[\uac00-\ud7a3]/.test(v)) {
    const head = joined[1];
    const bare = /[A-Za-z0-9]$/.test(head) || !/[\uac00-\ud7a3]$/.test(head);
    // After Latin letters or digits the ending is surely one ("DE인"); after Hangul only 인/이고/이며 are.
    if (bare || /(?:인|이고|이며)\s/.test(v.slice(head.length, head.length + 4))) v = head;
  }
  return v;
}

/**
 * "add vendor Acme, country DE": a comma-separated part that is nothing but a field's label and one word
 * (or code) is that field's value, without a colon.
 */
function segmentPairs(text: string, fields: Field[], taken: Span[]): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/(?:^|[,;]\s*|\s(?:and|with)\s+)([^,;]+?)\s*(?=[,;]|$)/g)) {
    const part = m[1].trim();
    const at = m.index + m[0].indexOf(part);
    const w = /^(?:the\s+|with\s+)?(.+?)\s+(\S+)$/i.exec(part);
    if (!w || taken.some((s) => at < s.end && at + part.length > s.start)) continue;
    const field = fields.find((f) => fieldLabels(f).includes(w[1].toLowerCase()));
    if (field && !out.some((s) => s.field === field.name)) out.push({ field: field.name, raw: cleanRequestValue(w[2]), start: at, end: at + part.length });
  }
  return out;
}

export function findPairs(text: string, fields: Field[]): Span[] {
  const out = namedPairs(text, fields);
  return [...out, ...segmentPairs(text, fields.filter((f) => !out.some((s) => s.field === f.name)), out)];
}

function namedPairs(text: string, fields: Field[]): Span[] {
  const found = marks(text, fields);
  const out: Span[] = [];
  found.forEach((mark, i) => {
    if (out.some((s) => s.field === mark.field.name)) return;
    const end = i + 1 < found.length ? found[i + 1].start : text.length;
    let raw = text.slice(mark.valueAt, end).replace(/(?:[,;]|\band\b|그리고|및)?\s*(?:the\s+|my\s+)?$/i, '');
    // A number's value is its first number ("qty: 3 product code …" → 3).
    const kept = mark.field.type === 'number' ? (/^\s*[-+]?[$€£₩]?\s*\d[\d.,]*(?:\s*(?:eur|usd|gbp|krw|원|개|pcs|units?|x)(?![\p{L}]))?/iu.exec(raw)?.[0] ?? raw) : cut(raw, mark.field);
    raw = cleanRequestValue(kept);
    if (raw) out.push({ field: mark.field.name, raw, start: mark.start, end: mark.valueAt + kept.length });
  });
  return out;
}
