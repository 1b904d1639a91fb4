/**
 * The lexicon's phrases as patterns: case-insensitive, accent-insensitive (the text is folded letter for
 * letter, so positions in the folded line are positions in the original), tolerant of the dots, hyphens
 * and spaces invoices put inside labels, and whole words in Latin scripts (Korean labels may have particles
 * glued on). Where labels of different fields overlap in a line, the longest wins.
 */
import { LABEL_WORDS, type LabelField, type Lang } from './words';

/**
 * Accents away, one UTF-16 unit for one, so a folded line's indices are the original's. Letters without a
 * decomposition (ł, ø, đ) are mapped by hand; ß stays ß (a phrase's "ss" also finds it, see `phrasePattern`).
 */
export function fold(text: string): string {
  return text.replace(/[\u00c0-\u024f]/g, (c) => HAND_FOLDED[c] ?? (c.normalize('NFD')[0] || c));
}

const HAND_FOLDED: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ı: 'i', æ: 'a', Æ: 'A', œ: 'o', Œ: 'O' };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Between the words of a label: a space, dots, hyphens, slashes, brackets, or nothing ("Rechnungs-Nr."), but
 * never two spaces running: that is a gap between columns, and the words either side are two labels.
 */
const GAP = '(?:[.\\-–/()_]|\\s(?!\\s)){0,4}';
const LATIN = '\\p{Script=Latin}';

/** One phrase as a pattern source; a trailing ":" means the label needs its colon ("to:", "von:"). */
export function phrasePattern(phrase: string): string {
  const needsColon = phrase.endsWith(':');
  const words = fold(needsColon ? phrase.slice(0, -1) : phrase)
    .trim()
    .split(/[\s.\-/()]+/)
    .filter(Boolean);
  const body = words.map((w) => escape(w).replace(/ss/g, '(?:ss|ß)')).join(GAP);
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  // Whole words where the phrase begins or ends with a Latin letter; "n°" and Korean labels as they are.
  const before = /^\p{Script=Latin}/u.test(first) ? `(?<![${LATIN}\\d])` : '';
  const after = needsColon ? '(?=\\s*[:：])' : /\p{Script=Latin}$/u.test(last) ? `(?![${LATIN}])\\.?` : '';
  return `${before}${body}${after}`;
}

export function phrasesOf(field: LabelField, langs?: readonly Lang[]): string[] {
  const byLang = LABEL_WORDS[field];
  return (Object.keys(byLang) as Lang[]).filter((l) => !langs || langs.includes(l)).flatMap((l) => byLang[l] ?? []);
}

/** All phrases of a list as one pattern (global, case-insensitive, Unicode), longest first. */
export function compilePhrases(phrases: readonly string[]): RegExp {
  const unique = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  return new RegExp(unique.map(phrasePattern).join('|'), 'giu');
}

const compiled = new Map<LabelField, RegExp>();

/** The pattern of one field's labels in every language. */
export function labelPattern(field: LabelField): RegExp {
  let re = compiled.get(field);
  if (!re) compiled.set(field, (re = compilePhrases(phrasesOf(field))));
  return re;
}

export interface LexiconHit {
  field: LabelField;
  start: number;
  end: number;
  /** The label as written in the line. */
  text: string;
}

const ALL_FIELDS = Object.keys(LABEL_WORDS) as LabelField[];

/**
 * Every label in a line, of every field, with overlaps settled: the longer label wins ("Total HT" is the
 * net, not the total; "VAT no." is an id, not the tax; "Due date" is not the invoice's date).
 */
export function labelsInLine(line: string): LexiconHit[] {
  const folded = fold(line);
  const all: LexiconHit[] = [];
  for (const field of ALL_FIELDS) {
    for (const m of folded.matchAll(labelPattern(field))) {
      if (m[0].trim() === '') continue;
      const start = m.index ?? 0;
      all.push({ field, start, end: start + m[0].length, text: line.slice(start, start + m[0].length) });
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: LexiconHit[] = [];
  for (const hit of all) if (!kept.some((k) => hit.start < k.end && hit.end > k.start)) kept.push(hit);
  return kept.sort((a, b) => a.start - b.start);
}
