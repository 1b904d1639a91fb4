/**
 * Values by the shape of a request, the least explicit source, so the strictest: "register Acme Ltd at
 * 12 Main St (in DE)", "add a supplier called Globex", "show invoices for Initech", "Acme Ltd 업체 등록해줘",
 * "'한빛전자'라는 거래처를 추가". A name must look like one (capitalised, quoted, or after "called"/"라는"),
 * and words that only say what kind of thing it is ("a vendor", "새 업체") are never a name.
 */
import type { Field } from '../../../recipe';
import { features } from '../features';
import { fieldHasConcept } from '../fields';
import { CONCEPTS } from '../synonyms';
import { stripParticle } from '../text';
import type { Span } from './spans';

const KINDS = ['vendor', 'company', 'customer', 'employee', 'product', 'order', 'invoice', 'person'];
const FILLER = ['a', 'an', 'the', 'new', 'another', 'one', 'some', 'called', 'named', 'please', 'me', 'us', 'it', 'this', 'that', 'our',
  'someone', 'something', 'for', 'as', 'to', 'my', 'today', 'tomorrow', 'now', 'asap', 'again', 'quickly', 'here', 'there',
  '새', '신규', '새로운', '하나', '좀', '저희', '우리'];
/** Korean words that go before a verb but are never a name ("오늘 등록해줘", "빨리 추가해"). */
const KO_NOT_NAME = new Set(['오늘', '내일', '모레', '어제', '지금', '빨리', '바로', '다시', '먼저', '새로', '같이', '얼른', '한번', '그거', '이거',
  '저거', '그것', '이것', '저것', '여기', '거기', '제가', '내가', '우리가', '직접', '혹시', '꼭', '이번에', '일단', '그냥', '방금', '아까']);
const CREATE = String.raw`(?:register|add|create|onboard|enrol+|set\s+up|sign\s+up|record|enter)`;
const POLITE = String.raw`(?:(?:please|pls|can you|could you|would you|i want to|i'd like to|i would like to|i need to|let's|help me)\s+)*`;
const CAPITALISED = /^(?:["'“‘][^"'”’]+["'”’]|[A-Z0-9\u00c0-\u024f][\w&.,'’-]*(?:\s+[\w&.'’-]+){0,5})$/u;

/** Words that say what kind of thing is meant (vendor, 업체, order…), plus the skill's own example words. */
function genericWords(examples: string[]): Set<string> {
  const words = new Set<string>(FILLER);
  for (const c of [...KINDS, 'create']) for (const w of CONCEPTS[c] ?? []) words.add(w.toLowerCase());
  for (const e of examples) for (const w of e.split(/[^\p{L}\p{N}'-]+/u)) if (w && w === w.toLowerCase()) words.add(w);
  return words;
}

function isGeneric(word: string, generic: Set<string>): boolean {
  // "AS", "AG", "BV": capitals are a company's legal form, never a kind of thing.
  if (/^[A-Z]{2,}$/.test(word)) return false;
  const w = word.toLowerCase().replace(/[.,!?'"“”‘’]+$/g, '');
  if (generic.has(w) || generic.has(w.replace(/s$/, ''))) return true;
  const f = [...features(w)];
  return f.length > 0 && f.every((x) => KINDS.includes(x.slice(2)) || x === 'c:create');
}

/** The value left after generic words at its edges; undefined when nothing but generic words is there. */
function trimGeneric(value: string, generic: Set<string>): string | undefined {
  const words = value.trim().split(/\s+/);
  while (words.length && isGeneric(words[0], generic)) words.shift();
  while (words.length && isGeneric(words[words.length - 1], generic)) words.pop();
  const out = words.join(' ').replace(/^["'“‘](.*)["'”’]$/u, '$1').trim();
  return out || undefined;
}

function nameField(fields: Field[]): Field | undefined {
  const text = fields.filter((f) => f.type === 'text');
  const named = text.filter((f) => fieldHasConcept(f, 'name') && !/(^|_)(id|code|sku|email|number)$/i.test(f.name));
  if (named.length === 1) return named[0];
  if (named.length) return undefined;
  const kinds = text.filter((f) => /^[a-z]+$/i.test(f.name) && KINDS.some((k) => fieldHasConcept(f, k)));
  return kinds.length === 1 ? kinds[0] : undefined;
}

function one(fields: Field[], concept: string): Field | undefined {
  const found = fields.filter((f) => f.type === 'text' && fieldHasConcept(f, concept));
  return found.length === 1 ? found[0] : undefined;
}

function span(field: Field, raw: string, text: string): Span {
  const start = Math.max(0, text.indexOf(raw));
  return { field: field.name, raw, start, end: start + raw.length };
}

function englishCreate(text: string, fields: Field[], generic: Set<string>): Span[] {
  const m = new RegExp(`^\\s*${POLITE}${CREATE}\\s+(.+?)\\s*[.!]?\\s*$`, 'is').exec(text);
  if (!m) return [];
  // A comma before a lower-case word ends the request's own part: "register Acme Ltd, email …".
  let rest = m[1]
    .replace(/\s{2,}/g, ' ')
    .split(/,\s+(?=[a-z])/)[0]
    // "… with email" / "… and tax id" whose value another reader already took: only lower-case words are left.
    .replace(/\s+(?:with|and|plus)\s+(?:the\s+|an?\s+|its\s+)?[a-z][a-z ]{0,24}$/, '')
    .replace(/\s+(?:please|for me|now|thanks|thank you)$/i, '').replace(/[,\s]+$/, '');
  const out: Span[] = [];
  const country = /\s+(?:in|from|based in)\s+([A-Z]{2,3}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)$|\s*\(([A-Z]{2,3})\)$/.exec(rest);
  if (country && country[2]) country[1] = country[2];
  if (country) {
    const field = one(fields, 'country');
    const codeOnly = field && /code|iso/i.test(field.description ?? '');
    if (field && (!codeOnly || /^[A-Z]{2,3}$/.test(country[1]))) out.push(span(field, country[1], text));
    rest = rest.slice(0, country.index);
  }
  const address = /\s+(?:at|located at|on|with address|address)\s+(.*\d.*)$/i.exec(rest);
  if (address) {
    const field = one(fields, 'address');
    if (field) out.push(span(field, address[1].trim(), text));
    rest = rest.slice(0, address.index);
  }
  rest = rest.replace(/\s+as\s+(?:a|an|the|our)?\s*(?:new\s+)?\S+$/i, (s) => (isGeneric(s.trim().split(/\s+/).pop()!, generic) ? '' : s));
  const called = /\b(?:called|named)\s+/i.test(rest);
  const name = trimGeneric(rest, generic);
  const field = nameField(fields);
  if (field && name && (called || CAPITALISED.test(name)) && !/\s(?:and|or|with|to|from)\s/i.test(name) && name.split(/\s+/).length <= 6) {
    out.push(span(field, name, text));
  }
  return out;
}

const CURRENCY_CODE = /^(?:EUR|USD|GBP|KRW|JPY|CHF|CAD|AUD|NOK|SEK|DKK|CNY|NZD|SGD|HKD|INR)$/;
const MONTHS_DAYS = /^(?:I|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/;

/** A capitalised word a person would not use for anything but a name: not a known word, month or "I". */
function nameWord(word: string, generic: Set<string>): boolean {
  if (!/^[A-Z\u00c0-\u00de]/.test(word) || MONTHS_DAYS.test(word.replace(/[.,]$/, '')) || CURRENCY_CODE.test(word)) return false;
  if (isGeneric(word, generic)) return false;
  const f = [...features(word)];
  return f.length > 0 && f.every((x) => x.startsWith('s:'));
}

/**
 * "show the invoices of Initech", "what has Globex invoiced", "how much do we owe Acme", "Globex 미결제 송장":
 * the one run of capitalised name words is the name for the one entity field (vendor, customer, vendor_name).
 */
function entityName(text: string, fields: Field[], generic: Set<string>): Span[] {
  const entity = fields.filter(
    (f) => f.type === 'text' && !/(^|_)(id|code|number|sku|email)$/i.test(f.name) && ['vendor', 'customer', 'company', 'employee'].some((k) => fieldHasConcept(f, k))
  );
  if (entity.length !== 1) return [];
  // Latin runs apart from Hangul, so "Globex에서" is the name Globex and the particle 에서.
  const tokens = [...text.matchAll(/[A-Za-z\u00c0-\u024f0-9&.'’-]+|[\uac00-\ud7a3]+|[\p{L}\p{N}]+/gu)];
  const runs: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length) runs.push(run.join(' '));
    run = [];
  };
  for (const t of tokens) {
    const word = t[0];
    const joins = run.length > 0 && /^(?:&|and|of|de|van|der|[A-Z][\w.]*)$/.test(word) && !MONTHS_DAYS.test(word);
    if (nameWord(word, generic) || (joins && /^[A-Z&]/.test(word))) run.push(word);
    else close();
  }
  close();
  if (runs.length !== 1) return [];
  const name = runs[0].replace(/[.,'’]+$/, '');
  return name.split(/\s+/).length <= 5 ? [span(entity[0], name, text)] : [];
}

const KO_KIND_WORDS = '업체|회사|거래처|공급업체|공급사|협력사|고객|직원|벤더';
const KO_KIND = `(?:${KO_KIND_WORDS})`;
const KO_CREATE = '(?:등록|추가|생성|만들)';

function koreanCreate(text: string, fields: Field[], generic: Set<string>): Span[] {
  const field = nameField(fields);
  if (!field) return [];
  const t = text.trim();
  const called = new RegExp(`^(.+?)\\s*(?:이라는|라는|이란|란)\\s*(?:새\\s*|신규\\s*)?${KO_KIND}`).exec(t);
  const kindFirst = new RegExp(`^(?:새\\s*|신규\\s*)?${KO_KIND}\\s+(.+?)\\s*${KO_CREATE}`).exec(t);
  const nameFirst = new RegExp(`^(.+?)\\s*${KO_CREATE}`).exec(t);
  const raw = called?.[1] ?? kindFirst?.[1] ?? nameFirst?.[1];
  if (!raw) return [];
  const value = trimGeneric(stripParticle(stripParticle(raw.trim(), ['을', '를', '으로', '로']).replace(new RegExp(`\\s*${KO_KIND}$`), ''), ['을', '를', '으로', '로']), generic);
  if (!value || KO_NOT_NAME.has(value)) return [];
  const known = [...features(value)];
  // A word the synonym table knows whole ("재고", "주문") is not a name; one that only holds one ("에이스상사") is.
  if (known.length > 0 && known.every((f) => f.startsWith('c:'))) return [];
  const quoted = /^["'“‘].+["'”’]$/.test(raw.trim());
  const hangulWords = value.split(/\s+/).filter((w) => /[\uac00-\ud7a3]/.test(w));
  // A Korean name is one word ("한빛전자"); several Korean words are a phrase ("서울에 있는 …"), not a name.
  if (!called && !quoted && hangulWords.length > 1) return [];
  if (hangulWords.some((w) => /(?:에|에서|의|와|과|도|있는|하는|한)$/.test(w)) && !quoted) return [];
  if (value.split(/\s+/).length > 6) return [];
  return [span(field, value, text)];
}

/** "new supplier: Acme Ltd", "신규 업체: 한빛전자": the kind of thing, a colon, its name. */
function kindColon(text: string, fields: Field[], generic: Set<string>): Span[] {
  const m =
    new RegExp(`^\\s*(?:${CREATE}\\s+)?(?:a\\s+|an\\s+|the\\s+)?(?:new\\s+|신규\\s*|새\\s*)?(\\S+)\\s*[:：]\\s*([^,;\\n]+)`, 'i').exec(text) ??
    new RegExp(`^\\s*(?:신규\\s*|새\\s*)?(${KO_KIND_WORDS})\\s*${KO_CREATE}?\\s*[:：]\\s*([^,;\\n]+)`).exec(text);
  const field = nameField(fields);
  if (!m || !field || !isGeneric(m[1], generic) || !KINDS.some((k) => features(m[1]).has(`c:${k}`))) return [];
  const name = trimGeneric(m[2].replace(/\s+(?:please|thanks)$/i, ''), generic);
  return name && name.split(/\s+/).length <= 6 ? [span(field, name, text)] : [];
}

export function shapeSpans(text: string, fields: Field[], examples: string[] = []): Span[] {
  if (!fields.some((f) => f.type === 'text')) return [];
  const generic = genericWords(examples);
  const colon = kindColon(text, fields, generic);
  if (colon.length) return colon;
  const spans = /[\uac00-\ud7a3]/.test(text) ? koreanCreate(text, fields, generic) : englishCreate(text, fields, generic);
  return spans.length ? spans : entityName(text, fields, generic);
}
