/** Who sent the invoice: after a From/Seller/공급자/상호 label, or else the company name at the top. */
import type { Found } from './found';
import { COMPANY, findLabels, LABELS, segmentAfter, TITLES } from './labels';

const ANY_LABEL = new RegExp(
  [LABELS.vendor.source, LABELS.vendorBlock.source, /bill\s*to|ship\s*to|customer|(?<![a-z])to(?=\s*:)|공급받는\s*자|받는\s*분|등록\s*번호|성\s*명|대표자|사업자|주\s*소/.source].join('|'),
  'i'
);

function clean(name: string): string {
  return name
    .replace(/^[:：\s]+/, '')
    .replace(/\s*(?:귀하|님)$/, '')
    .replace(/[,;:|]+$/, '')
    .trim();
}

/** The words of a line-item table's header. */
const TABLE_HEADER = /품목|품명|수량|단가|description|(?<![a-z])(?:qty|quantity|unit\s*price)(?![a-z])/i;

/** A name, not a label, a title, a table header, an amount or an address. */
function plausible(name: string): boolean {
  return /\p{L}{2}/u.test(name) && !ANY_LABEL.test(name) && !TABLE_HEADER.test(name) && !TITLES.test(name) && !/\d{3,}|@|https?:/.test(name) && name.length <= 80;
}

/** In a sentence ("Invoice 12 from Acme Tools Ltd. for March"), the name is the run of capitalised words. */
function nameInSentence(text: string): string {
  const words = text.split(/\s+/);
  const end = words.findIndex((w, i) => i > 0 && !/^(?:[\p{Lu}\d&(]|and$|of$|the$)/u.test(w));
  return end < 0 ? text : words.slice(0, end).join(' ');
}

export function vendor(lines: readonly string[]): Found<string> | null {
  return labelled(lines, LABELS.vendor) ?? labelled(lines, LABELS.vendorBlock) ?? letterhead(lines);
}

function labelled(lines: readonly string[], label: RegExp): Found<string> | null {
  for (const hit of findLabels(lines, label)) {
    const text = lines[hit.line];
    let name = clean(segmentAfter(text, hit.after));
    if (/^from$/i.test(hit.label)) name = nameInSentence(name);
    let source = text.trim();
    // "공급자  상호: X" or "From:" with the name below it.
    for (let below = 1; !plausible(name) && below <= 2 && hit.line + below < lines.length; below++) {
      const next = lines[hit.line + below];
      const labelled = findLabels([next], LABELS.vendor)[0];
      name = clean(labelled ? segmentAfter(next, labelled.after) : next.trim().split(/\s{2,}/)[0]);
      source = `${text.trim()} / ${next.trim()}`;
    }
    if (plausible(name)) return { value: name, confidence: 0.85, source };
  }
  return null;
}

function letterhead(lines: readonly string[]): Found<string> | null {
  // The letterhead: the first lines, preferring one that ends like a company name.
  const head = lines.slice(0, 8).map((line) => clean(line.trim().split(/\s{2,}/)[0]));
  const company = head.find((line) => plausible(line) && COMPANY.test(line));
  if (company) return { value: company, confidence: 0.7, source: company };
  const first = head.find((line) => plausible(line) && !/\d/.test(line));
  return first ? { value: first, confidence: 0.45, source: first } : null;
}
