/**
 * Who sent the invoice (the issuer, never the bill-to): the name after a seller label (From, Seller,
 * Verkäufer, Vendeur, Leverancier, Sprzedawca, 공급자…), else the sender line over an address window, else the
 * owner of the first VAT id outside the buyer's block, else the letterhead (a company name first, or the one the
 * page's own address spells), else the company of the legal mentions, else the payee.
 */
import { findVatIds } from '../parse/vat-id';
import type { Found } from './found';
import { compilePhrases, fold } from '../lexicon/compile';
import { PAYEE_WORDS } from '../lexicon/words';
import { buyerBlock, senderLine } from './blocks';
import { cells, findLabels, hitsIn, looksLikeCompany, segmentAfter, type LabelHit } from './labels';
import { beforeMentions, clean, companyIn, KEYED, LEGAL_FORM_ONLY, namedIn, nameInSentence, parts, plausible } from './names';


export function vendor(lines: readonly string[]): Found<string> | null {
  const sender = senderLine(lines);
  const inBuyer = buyerBlock(lines, sender);
  const labelled = sellerLabel(lines, inBuyer);
  const owner = vatOwner(lines, inBuyer);
  const head = letterhead(lines, inBuyer);
  if (labelled) return owner && same(owner.value, labelled.value) ? { ...labelled, confidence: 0.92 } : labelled;
  if (sender) {
    const { value, source } = sender;
    return { value, source, confidence: [owner, head].some((c) => c && same(c.value, value)) ? 0.9 : 0.75 };
  }
  if (owner && head && same(owner.value, head.value)) return { ...head, confidence: 0.9 };
  if (head && head.confidence >= 0.7) return head;
  return owner ?? mentioned(lines, inBuyer, head) ?? payee(lines, inBuyer) ?? head;
}

/** The company of the page's legal mentions (a footer's "X GmbH | Sitz: …", "X Ltd is registered in …"). */
function mentioned(lines: readonly string[], inBuyer: (line: number, start: number) => boolean, head: Found<string> | null): Found<string> | null {
  for (const [n, line] of lines.entries()) {
    for (const cell of cells(line)) {
      const name = inBuyer(n, cell.start) ? null : beforeMentions(cell.text);
      if (!name) continue;
      if (head && same(head.value, name)) return { ...head, confidence: 0.85 };
      return { value: name, confidence: looksLikeCompany(name) ? 0.65 : 0.5, source: line.trim() };
    }
  }
  return null;
}

const PAYEE = new RegExp(`^\\s*(?:${compilePhrases(PAYEE_WORDS).source})\\s*[:：]?`, 'iu');

/** "Please make payment to: / Kyle Reese Consulting LLC": the payee's name, after the label or under it. */
function payee(lines: readonly string[], inBuyer: (line: number, start: number) => boolean): Found<string> | null {
  for (const [n, line] of lines.entries()) {
    for (const cell of cells(line)) {
      const m = PAYEE.exec(fold(cell.text));
      if (!m || inBuyer(n, cell.start)) continue;
      const after = clean(cell.text.slice(m[0].length));
      const below = [1, 2].map((d) => lines[n + d]).filter((l): l is string => l !== undefined);
      const named = [after, ...below.map((l) => namedIn(l) ?? clean(cells(l).find((c) => Math.abs(c.start - cell.start) <= 3)?.text ?? ''))];
      const name = named.find((x) => x !== '' && plausible(x) && !/\d/.test(x));
      if (name) return { value: name, confidence: looksLikeCompany(name) ? 0.6 : 0.5, source: line.trim() };
    }
  }
  return null;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A seller label's name: after it on its line, or on the next lines in its column. */
function sellerLabel(lines: readonly string[], inBuyer: (line: number, start: number) => boolean): Found<string> | null {
  for (const hit of findLabels(lines, 'seller')) {
    if (justAfterBuyerLabel(lines, hit)) continue;
    const text = lines[hit.line];
    // A seller label heads its cell ("Verkäufer:", "From"); "Der Verkäufer bleibt Eigentümer…" is a sentence.
    const own0 = cells(text).find((c) => hit.start >= c.start && hit.start < c.end);
    if (!/^from$/i.test(hit.label) && /\p{Script=Latin}{2}/u.test(text.slice(own0?.start ?? 0, hit.start))) continue;
    const after = segmentAfter(text, hit.after);
    // "Von:      An:": the next cell is the buyer's label, and the seller's name is below.
    let name = hitsIn(after).some((h) => h.start === 0) ? '' : clean(after);
    if (/^from$/i.test(hit.label)) name = nameInSentence(name);
    // "Sprzedawca: Studio Mewa Anna Nowak, ul. Morska 4, 80-001 Gdańsk, NIP …", "From: Maria Lopez Design, 4 Rose
    // St, Leeds": the name before its address (", S.L." or ", Inc." after a name is part of it).
    const ps = parts(name);
    if (ps.length > 1 && ps.slice(1).some((p) => /\d/.test(p)) && plausible(ps[0])) name = ps[0];
    // "Lieferant GmbH": a seller word before a legal form alone is the name's first word, not a label.
    if (LEGAL_FORM_ONLY.test(fold(name)) && !/[:：]/.test(text.slice(hit.start, hit.after + 2))) name = clean(`${hit.label} ${name}`);
    let source = text.trim();
    const own = cells(text).find((c) => hit.start >= c.start && hit.start < c.end);
    // Lines of the block that are no "Key: value" ("Nummer: 549910", "Globale Nummer: …" do not count).
    let loose = 0;
    for (let below = 1; !plausible(name) && below <= 6 && hit.line + below < lines.length; below++) {
      const next = lines[hit.line + below];
      // A key-value block ("Nummer: 549910", "Name: Lieferant GmbH"): its Name line, other keys skipped.
      const keyed = namedIn(next);
      if (keyed) {
        name = keyed;
        source = `${text.trim()} / ${next.trim()}`;
        continue;
      }
      if (KEYED.test(next)) continue;
      if (++loose > 2) break;
      // "MVM Musterhafter" over "Name:  Versicherungsverein …": a name over two lines, its key beside the second.
      const then = lines[hit.line + below + 1];
      const keyedThen = then === undefined ? null : namedIn(then);
      const lone = cells(next);
      if (keyedThen && lone.length === 1 && Math.abs(lone[0].start - then.indexOf(keyedThen)) <= 1) {
        name = clean(`${lone[0].text} ${keyedThen}`);
        source = `${text.trim()} / ${next.trim()} / ${then.trim()}`;
        continue;
      }
      const inColumn = cells(next).find((c) => own && c.end > own.start - 1 && c.start <= own.end + 1) ?? cells(next)[0];
      if (!inColumn || inBuyer(hit.line + below, inColumn.start)) continue;
      // "Seller: X" nested below a block's heading; a name that starts with a seller word ("Lieferant GmbH") is a name.
      const nested = findLabels([inColumn.text], 'seller').find((h) => /^\s*[:：]/.test(inColumn.text.slice(h.after)) || !/\p{Script=Latin}/u.test(h.label));
      name = clean(nested ? segmentAfter(inColumn.text, nested.after) : inColumn.text);
      source = `${text.trim()} / ${next.trim()}`;
    }
    if (plausible(name)) return { value: name, confidence: 0.85, source };
  }
  return null;
}

/** "공급받는자 상호: X" — a seller word right after a buyer label is the buyer's. */
function justAfterBuyerLabel(lines: readonly string[], hit: LabelHit): boolean {
  return hitsIn(lines[hit.line]).some((h) => h.field === 'buyer' && h.end <= hit.start && lines[hit.line].slice(h.end, hit.start).trim() === '');
}

/** The name above the first VAT id that is not the buyer's: the company that owns it is the issuer. */
function vatOwner(lines: readonly string[], inBuyer: (line: number, start: number) => boolean): Found<string> | null {
  for (const [n, line] of lines.entries()) {
    for (const vat of findVatIds(line)) {
      if (inBuyer(n, vat.index)) continue;
      for (let up = n; up >= Math.max(0, n - 6); up--) {
        const cell = cells(lines[up]).filter((c) => c.start <= vat.index + 2).pop() ?? cells(lines[up])[0];
        if (!cell || inBuyer(up, cell.start)) continue;
        const name = companyIn(up === n ? cell.text.slice(0, Math.max(0, vat.index - cell.start)) : cell.text);
        if (name) return { value: name, confidence: 0.8, source: up === n ? line.trim() : `${lines[up].trim()} / ${line.trim()}` };
      }
      return null;
    }
  }
  return null;
}

/** Web and mail hosts that name no company of their own. */
const MAIL_HOSTS = /^(?:gmail|googlemail|yahoo|hotmail|outlook|live|msn|icloud|me|aol|gmx|web|t-online|freenet|orange|free|wanadoo|laposte|sfr|proton|protonmail|naver|daum|hanmail|kakao|wp|onet|interia|o2|localhost|example)$/;

/**
 * The names the page's own e-mail and web addresses spell ("info@cronus.com", "www.aubonmoulin.fr"), read below
 * the address blocks (in the footer or the contact lines), where a recipient's address seldom stands.
 */
function siteNames(lines: readonly string[], inBuyer: (line: number, start: number) => boolean): string[] {
  const names = new Set<string>();
  lines.forEach((line, n) => {
    if (n < 8) return;
    for (const m of line.matchAll(/(?:@|\bwww\.|https?:\/\/)([a-z0-9-]+(?:\.[a-z0-9-]+)*)\.[a-z]{2,6}\b/gi)) {
      if (inBuyer(n, m.index ?? 0)) continue;
      const host = m[1].toLowerCase().split('.').pop() ?? '';
      if (host.length >= 4 && !MAIL_HOSTS.test(host)) names.add(host.replace(/-/g, ''));
    }
  });
  return [...names];
}

/** Whether a name is the one an address spells: "CRONUS DE" for cronus.com, "Au bon moulin SARL" for aubonmoulin.fr. */
const spells = (site: string, name: string) => fold(name).toLowerCase().replace(/[^a-z0-9]/g, '').startsWith(site);

function letterhead(lines: readonly string[], inBuyer: (line: number, start: number) => boolean): Found<string> | null {
  // The letterhead: the first lines, preferring one that ends like a company name.
  const firsts = lines.slice(0, 10).flatMap((line, n) => {
    const first = cells(line)[0];
    return first && !inBuyer(n, first.start) ? [first.text] : [];
  });
  const head = firsts.map(clean);
  const company = firsts.slice(0, 8).map(companyIn).find((name) => name !== null);
  // Two address blocks side by side and no label: the one the page's own e-mail or web address spells is
  // the sender's (the other is the window's recipient).
  const sites = siteNames(lines, inBuyer);
  const spelt = (name: string | null | undefined) => !!name && sites.some((site) => spells(site, name));
  if (sites.length > 0 && !spelt(company)) {
    const named = lines.slice(0, 10).flatMap((line, n) => cells(line).filter((c) => !inBuyer(n, c.start)).map((c) => companyIn(c.text) ?? clean(c.text)));
    const own = named.find((name) => spelt(name) && plausible(name) && !/\d/.test(name));
    if (own) return { value: own, confidence: 0.7, source: own };
  }
  if (company) return { value: company, confidence: 0.7, source: company };
  const first = head.slice(0, 8).find((line) => plausible(line) && !/\d/.test(line));
  return first ? { value: first, confidence: 0.45, source: first } : null;
}
