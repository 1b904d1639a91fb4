/**
 * A text as a set of comparable features: concepts (`c:vendor`) for words the synonym table knows,
 * English stems (`s:regist`) for the rest, and Korean syllable bigrams (`k:신청`) for Korean words it does
 * not know, after their particles and endings are dropped. Codes, numbers and emails are not features:
 * they are values, not what a request is about.
 */
import { CONCEPTS, STOPWORDS, TABLES, stem, wordConcepts } from './synonyms';

/** Endings and particles that end a Korean word in a request ("등록해 주세요", "송장을", "휴가 신청하고 싶어요"). */
const KO_ENDINGS = [
  '하고싶습니다', '하고싶어요', '하고싶어', '싶습니다', '싶어요', '싶어', '해주시겠어요', '해주세요', '해줄래요', '해줄래', '해줘요', '해줘',
  '해주라', '주세요', '줄래요', '줄래', '줘요', '줘', '합니다', '할래요', '할래', '할게요', '할게', '해요', '하기', '하다', '하는', '하고',
  '해', '할', '에서', '에게', '한테', '까지', '부터', '이랑', '으로', '은', '는', '을', '를', '이', '가', '에', '의', '로', '와', '과',
  '랑', '도', '만', '요', '좀'
];
const KO_STOP = new Set(['좀', '제', '내', '저', '나', '우리', '그', '저기', '지금', '혹시', '그냥', '어떻게', '뭐', '무엇', '얼마']);

function stripKoEnding(word: string): string {
  let w = word;
  for (let pass = 0; pass < 3; pass++) {
    const e = KO_ENDINGS.find((end) => w.length > end.length && w.endsWith(end));
    if (!e) break;
    w = w.slice(0, w.length - e.length);
  }
  return w;
}

function koreanFeatures(text: string, out: Set<string>): void {
  const words = (text.match(/[\uac00-\ud7a3]+/g) ?? []).filter((w) => !KO_STOP.has(w));
  for (let word of words) {
    // Concepts first, on the word as typed: stripping endings first would cut "국가" to "국".
    for (const [key, concepts] of TABLES.korean) {
      if (!word.includes(key)) continue;
      for (const concept of concepts) out.add(`c:${concept}`);
      word = word.split(key).join(' ');
    }
    for (const rest of word.split(' ').map(stripKoEnding)) {
      if (KO_STOP.has(rest)) continue;
      for (let i = 0; i + 1 < rest.length; i++) out.add(`k:${rest.slice(i, i + 2)}`);
    }
  }
}

/** Things a code names by its letters; "inv" is an invoice here (stock would say "sku"). */
const CODE_KINDS = ['order', 'invoice', 'employee', 'vendor', 'leave', 'payslip', 'refund', 'customer'];

export function codePrefixConcept(prefix: string): string | undefined {
  const p = prefix.toLowerCase();
  if (p.length < 3) return undefined;
  const hits = CODE_KINDS.filter((c) => (CONCEPTS[c] ?? []).some((w) => /^[a-z]+$/.test(w) && w.length >= 3 && w.startsWith(p)));
  return hits.length === 1 ? hits[0] : undefined;
}

function englishFeatures(text: string, out: Set<string>): void {
  let t = ` ${text.toLowerCase().replace(/[’‘]/g, "'")} `;
  // Emails, codes with digits and plain numbers are values, not topics; a code's letters may say what it is
  // ("ord-1002" is an order, "inv-003" an invoice).
  t = t.replace(/\S+@\S+/g, ' ');
  for (const m of t.matchAll(/\b([a-z]{2,5})[-_]?\d[\w-]*\b/g)) {
    const concept = codePrefixConcept(m[1]);
    if (concept) out.add(`c:${concept}`);
  }
  t = t.replace(/\b[\w-]*\d[\w-]*\b/g, ' ');
  for (const [phrase, concepts] of TABLES.phrases) {
    const re = new RegExp(`(?<![a-z])${phrase.replace(/[-]/g, '[- ]?')}(?![a-z])`, 'g');
    if (re.test(t)) {
      for (const concept of concepts) out.add(`c:${concept}`);
      t = t.replace(re, ' ');
    }
  }
  for (const raw of t.split(/[^a-z']+/)) {
    const w = raw.replace(/^'+|'+$/g, '');
    if (!w || STOPWORDS.has(w) || w.length < 2) continue;
    const s = stem(w);
    const concepts = wordConcepts(s);
    if (concepts.length) for (const c of concepts) out.add(`c:${c}`);
    else out.add(`s:${s}`);
  }
}

/** The text without the synonym table's multi-word phrases ("look up", "time off"), for word-by-word reading. */
export function withoutPhrases(text: string): string {
  let t = ` ${text.toLowerCase()} `;
  for (const [phrase] of TABLES.phrases) {
    t = t.replace(new RegExp(`(?<![a-z])${phrase.replace(/[-]/g, '[- ]?')}(?![a-z])`, 'g'), (m) => ' '.repeat(m.length));
  }
  // Same length as the text (phrases became spaces), so the original letters, with their case, fill the rest.
  return [...t.slice(1, -1)].map((ch, i) => (ch === ' ' ? ' ' : text[i])).join('');
}

/** The features of a text (English and Korean together; order of appearance is not kept). */
export function features(text: string): Set<string> {
  const out = new Set<string>();
  // Split identifiers the way people would say them: order_id → "order id", orderId → "order Id".
  const spaced = text.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
  englishFeatures(spaced.replace(/[\uac00-\ud7a3]+/g, ' '), out);
  koreanFeatures(spaced, out);
  return out;
}
