/**
 * What a vendor's name looks like, and what never is one: labels, titles, table heads, amounts, ids, address
 * lines; a name's label alone ("TRADE NAME"), a legal form alone ("GmbH"); the name before its address or
 * its legal mentions. Shared by the rules that find the issuer (./vendor) and the blocks it stands in (./blocks).
 */
import { compilePhrases, fold } from '../lexicon/compile';
import { COMPANY_WORDS, LEGAL_MENTIONS, NAME_KEYS } from '../lexicon/words';
import { hitsIn, isTitle, looksLikeCompany, tableColumns } from './labels';

const NAME_KEY = new RegExp(`^\\s*(?:${compilePhrases(NAME_KEYS).source})\\s*[:：]`, 'iu');
/** "TRADE NAME", "Raison sociale", "Firma": a name's label standing alone, never the name. */
const NAME_KEY_ONLY = new RegExp(`^\\s*(?:${compilePhrases(NAME_KEYS).source})\\s*[:：]?\\s*$`, 'iu');
/** "GmbH", "SARL", "Sp. z o.o." alone: the end of a name whose words stand before it. */
export const LEGAL_FORM_ONLY = new RegExp(`^\\s*(?:${compilePhrases(COMPANY_WORDS).source})\\s*$`, 'iu');
/** Where a company's legal mentions begin after its name ("X SARL au capital de…", "X - Société Anonyme"). */
const LEGAL_MENTION = new RegExp(compilePhrases(LEGAL_MENTIONS).source, 'iu');

/** "Key:" or "Key:   value" — a line of a key-value list; its key is a label, not a name. */
export const KEYED = /^\s*[\p{L}][\p{L}\s.\-/()]{0,40}[:：]/u;

/** In a seller's block, the value of its "Name:" line. */
export function namedIn(line: string): string | null {
  const m = NAME_KEY.exec(fold(line));
  // Up to the next column: the buyer's block may stand beside it on the same line.
  return m ? clean(line.slice(m[0].length).trim().split(/\s{2,}/)[0]) || null : null;
}

export function clean(name: string): string {
  return name
    .replace(/^[:：\s|[\]]+/, '')
    .replace(/[\s|[\]]+$/, '')
    .replace(/\s*(?:귀하|님)$/, '')
    .replace(/[,;:|]+$/, '')
    .trim();
}

/** A name, not a label, a title, a table header, an amount, an id or an address line. */
export function plausible(name: string): boolean {
  if (!/\p{L}{2}/u.test(name) || name.length > 80 || isTitle(name) || tableColumns(name).length > 0) return false;
  if (/[:：]$/.test(name.trim()) || /[:：]\s/.test(name) || NAME_KEY_ONLY.test(fold(name)) || LEGAL_FORM_ONLY.test(fold(name))) return false;
  if (/\d{3,}|@|https?:|www\.|\+\d/.test(name)) return false;
  // Any label of the lexicon at its start (or filling it) makes it a label, not a name.
  return !hitsIn(name).some((h) => h.start <= 1 && h.field !== 'seller');
}

/**
 * The parts of a one-line block: "Muster GmbH · Hauptstr. 1 · 10115 Berlin" (the sender line over a German
 * address window) or "Muster GmbH | USt-IdNr. DE…" is a name and its details.
 */
export const parts = (text: string) => text.split(/\s+[·•●▪|–—]\s+|\s-\s|,\s+/).map(clean).filter(Boolean);

/** "BOUYGUES TELECOM - Société Anonyme au capital de…", "Muster GmbH, Sitz…": the name before the legal mentions. */
export function beforeMentions(text: string): string | null {
  const m = LEGAL_MENTION.exec(fold(text));
  if (!m || m.index === 0) return null;
  // "Techfix Solutions Ltd is registered in England": the name is the subject of the sentence.
  const before = parts(text.slice(0, m.index));
  const head = (before.find((p) => looksLikeCompany(p) && plausible(p)) ?? before.pop() ?? '').replace(/\s+(?:is|are|est|ist|es|è|jest|with|mit|avec)$/i, '');
  return plausible(head) ? head : null;
}

/** The company name in a cell: the cell itself, or the part of it that names a company. */
export function companyIn(text: string): string | null {
  const mentioned = beforeMentions(text);
  if (mentioned) return mentioned;
  const name = clean(text);
  if (plausible(name) && looksLikeCompany(name)) return name;
  return parts(text).find((p) => plausible(p) && looksLikeCompany(p)) ?? beforeMentions(text);
}

/** In a sentence ("Invoice 12 from Acme Tools Ltd. for March"), the name is the run of capitalised words. */
export function nameInSentence(text: string): string {
  const words = text.split(/\s+/);
  const end = words.findIndex((w, i) => i > 0 && !/^(?:[\p{Lu}\d&(]|and$|of$|the$|und$|et$|en$|i$|y$|e$)/u.test(w));
  return end < 0 ? text : words.slice(0, end).join(' ');
}
