/** The copilot's basic mode against the request corpus: how many requests it drafts fully right, per language. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { scoreCorpus } from '../src/lib/ai/copilot/corpus';
import { NAMES_CATALOG } from '../src/lib/ai/copilot/names-catalog';
import { CorpusRequestSchema, type CorpusRequest } from '../src/lib/ai/copilot/shape';
import { isKorean } from '../src/lib/ai/copilot/words';
import type { Figure } from './engine-bench';

const CORPUS = new URL('../tests/fixtures/requests/', import.meta.url);
// `second-set`, `third-set` and `fourth-set` (EN and KO) were written after the rules, and scored 4 of 12,
// 6 of 10 and 3 of 10 on their first run, before the rules learnt their phrasings: the honest figure for
// words never seen is well below the figures printed here. `fifth-set` (12 EN, 12 KO, varied trigger,
// notify, loop, comparison and failure phrasings) scored 6 of 24 before the rules were broadened by whole
// families (shared "when" words, notify verb lists, list-then-loop, Korean endings), 24 of 24 after.
// `sixth-set` (12 EN, 12 KO, written as finance/HR/ops people write: approvals, thresholds like "over $5,000"
// and "100만원이 넘으면", lookups mid-sentence, named channels, loops, retries) scored 7 of 24 on its first run,
// with the per-sentence rules, before the clause-composing draft was built; 22 of 24 after it (clauses grounded
// in the catalogue search, approvals, thresholds and schedules by family). Its two misses are a vendor search
// the draft adds before creating an invoice, and an approval's "approved?" if, which the set left out.
// `held-out-1` was the held-out set until 2026-12-07: 4 of 24 before the clause-composing draft, 10 of 24
// after it. Its score was watched while that draft was built (one change was taken back when it fell), so it
// was no longer a clean measure and joined the scored sets here, as the rule below says.
// `seventh-set` (12 EN, 12 KO, written 2026-12-08 before the rules were read: chat-box run-ons, polite Korean
// endings, a trigger and one action, "and then"/"그리고 나서", schedules in words, webhooks, approvals with a
// reject path, lookups, AI summary/classify, loops over an order's items, numbers with units) scored 10 of 24
// on its first run, 24 of 24 after the rules were broadened by families (an approval's answers as branches, a
// trigger said alone drafted, mailboxes, people dropping documents, comparisons with units and percents, found /
// not-found branches after a lookup, labels asked with "whether", mail subjects from what the mail is); the same
// families took `held-out-1` from 10 to 22 of 24.
const FILES = ['en', 'ko', 'second-set', 'third-set', 'fourth-set', 'fifth-set', 'sixth-set', 'held-out-1', 'seventh-set'];
// HELD-OUT: `held-out.json` (12 English, 12 Korean; written 2026-12-07 by someone who had not read the
// composing draft's rules) scored 17 of 24 (KO 10 of 12) on its first run, 19 of 24 after the seventh set's
// families and the helper's own further wordings (counted only, its requests not read). It is scored
// apart, never in the totals above. The rules must NEVER be tuned on it (no phrasing from it taught to the
// rules, no test floor on it): it is the honest measure of words never seen. If it ever is tuned on, move it
// into FILES like the other sets and replace it with a fresh set written the same way.
const HELD_OUT = 'held-out';
/** Language of a held-out request by its letters: any Hangul is Korean (a URL must not tip a Korean line to English). */
const hasHangul = (words: string) => /[\uac00-\ud7a3]/.test(words);

export async function copilotFigures(): Promise<Figure[]> {
  const all: CorpusRequest[] = FILES.flatMap((file) => z.array(CorpusRequestSchema).parse(JSON.parse(readFileSync(new URL(`${file}.json`, CORPUS), 'utf8'))));
  const figures: Figure[] = [];
  const started = performance.now();
  const total = scoreCorpus('all', all, NAMES_CATALOG);
  const ms = performance.now() - started;
  figures.push({ name: 'basic draft fully right (all)', value: total.right, unit: `of ${total.total}`, detail: `${Math.round((100 * total.right) / total.total)}%: trigger, connector actions and control kinds all as expected` });
  for (const [lang, label] of [['en', 'English'], ['ko', 'Korean']] as const) {
    const score = scoreCorpus(lang, all.filter((r) => isKorean(r.words) === (lang === 'ko')), NAMES_CATALOG);
    const missed = score.misses.map((m) => `"${m.words.slice(0, 40)}": ${m.differences.join('; ')}`).join(' | ');
    figures.push({ name: `basic draft fully right (${lang})`, value: score.right, unit: `of ${score.total}`, detail: `${label}; ${missed || 'no misses'}` });
  }
  const heldOut = z.array(CorpusRequestSchema).parse(JSON.parse(readFileSync(new URL(`${HELD_OUT}.json`, CORPUS), 'utf8')));
  for (const [lang, requests] of [['all', heldOut], ['en', heldOut.filter((r) => !hasHangul(r.words))], ['ko', heldOut.filter((r) => hasHangul(r.words))]] as const) {
    const score = scoreCorpus(lang, [...requests], NAMES_CATALOG);
    const missed = score.misses.map((m) => `"${m.words.slice(0, 40)}": ${m.differences.join('; ')}`).join(' | ');
    const pct = `${Math.round((100 * score.right) / score.total)}%`;
    const detail = lang === 'all' ? `${pct}; requests the rules were never tuned on` : `${pct}; ${missed || 'no misses'}`;
    figures.push({ name: `basic draft fully right (held-out, never tuned on${lang === 'all' ? '' : `, ${lang}`})`, value: score.right, unit: `of ${score.total}`, detail });
  }
  figures.push({ name: 'basic draft time per request', value: (ms / total.total) * 1000, unit: 'µs', detail: `${total.total} requests, parse and lint included` });
  return figures;
}
