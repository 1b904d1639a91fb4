/**
 * A correction of one collected value: "change the address to 5 Elm St", "no, the address is 5 Elm St",
 * "actually the country is DE", "make the quantity 3", "아니, 주소는 서울시 …", "주소는 …로 바꿔줘",
 * "국가를 DE로 변경". The field is found by its name or description (see fields.ts); `raw` is the value
 * as typed, without quotes, trailing punctuation or a Korean particle, still to be checked by its type.
 */
import type { Field } from '../../recipe';
import { mentionScore } from './fields';
import { detectLang } from './lang';
import { classifyReply } from './replies';
import { parseFieldValue } from './values';
import { cleanValue } from './text';

export interface Correction {
  field: string;
  raw: string;
}

const LEAD_EN = /^(?:no|nope|nah|actually|sorry|wait|oops|oh|hmm|correction|i mean|i meant|rather|instead|not quite|one change|please|but|and|also|ok|okay)\b[\s,:;.!-]*/i;
const LEAD_KO = /^(?:아니요|아니오|아뇨|아니야|아니|잠깐만|잠깐|정정|수정|그게 아니라|아니고|근데|그리고|참|아)(?=[\s,.:!]|$)[\s,.:!]*/u;
const CHANGE_EN = /^(?:can you |could you |would you |please )*(?:change|set|update|make|correct|fix|switch|edit|modify|put|rename|replace)\s+(.+)$/is;
const IS_EN = /\s+(?:should be|should have been|must be|needs to be|has to be|is actually|is really|will be|is|was|=)\s+|\s*[:=]\s+/gi;
const TO_EN = /\s+(?:to|into|as|with|=)\s+|\s*[:=]\s+/gi;
const KO_VERB = /\s*(?:바꿔|바꾸|바꿀|변경|수정|고쳐|고치|정정|해\s*주|해줘|해\s*줘|해요|해$|부탁|맞아|맞습|맞고|입력|넣어|적어|등록).*$/su;
const TRAIL_EN = /(?:,?\s+(?:not|instead of|rather than)\s+.+|\s+(?:please|instead|thanks|thank you))+\s*$/i;

type Split = { mention: string; value: string; at: number };

/** Every split of `text` at a match of `separator`: what is before and what is after. */
function splits(text: string, separator: RegExp): Split[] {
  const out: Split[] = [];
  for (const m of text.matchAll(separator)) {
    const mention = text.slice(0, m.index).trim();
    const value = text.slice(m.index + m[0].length).trim();
    if (mention && value && mention.split(/\s+/).length <= 5) out.push({ mention, value, at: m.index });
  }
  return out;
}

/** "make the quantity 3": no separator, so the mention is the first one to four words. */
function wordSplits(text: string): Split[] {
  const words = text.split(/\s+/);
  const out: Split[] = [];
  for (let k = 1; k <= Math.min(4, words.length - 1); k++) {
    // A mention never ends in a separator: "the date to" is "the date" + "to …", which the split at "to" read.
    if (/^(?:to|into|as|is|with|=|:)$/i.test(words[k - 1])) continue;
    out.push({ mention: words.slice(0, k).join(' '), value: words.slice(k).join(' '), at: k });
  }
  return out;
}

function koreanSplits(text: string): Split[] {
  const out: Split[] = [];
  // "주소는 서울시 …", "국가를 DE로 변경", "수량이 3개", the particle on the mention's last word.
  for (const m of text.matchAll(/(?<=[\p{L}\p{N}])(?:은|는|이|가|을|를)\s+/gu)) {
    const mention = text.slice(0, m.index + m[0].trimEnd().length - 0).trim();
    const value = text.slice(m.index + m[0].length).trim();
    if (value && mention.split(/\s+/).length <= 3) out.push({ mention, value, at: m.index });
  }
  // "주소: 서울시 …" and "주소 서울시로 바꿔줘" (no particle on the mention)
  out.push(...splits(text, /\s*[:：=]\s*/g));
  if (KO_VERB.test(text)) out.push(...wordSplits(text).filter((s) => s.at <= 2));
  return out;
}

function valueOf(raw: string, korean: boolean): string {
  let v = raw.trim();
  if (korean) v = v.replace(KO_VERB, '');
  v = v.replace(TRAIL_EN, '');
  return cleanValue(v);
}

/** A Korean sentence that tells something ("상품이 파손됐어요") rather than giving a value. */
const KO_PREDICATE = /(?:[었았렸했됐겠졌왔갔][어아]요?|[어아]요|습니다|[^입]니다|네요|죠|는데요?|거든요|[었았렸했됐]다|나요|까요)$/u;

/**
 * A message with no "change"/"no,"/"actually" around it ("the address is 5 Elm St", "주소는 …") is also what
 * an answer to the question being asked looks like ("the customer is unhappy" for the reason), so it is a
 * correction only when it names the field by name or synonym and its value fits the field's type.
 */
function plainFits(field: Field, raw: string, score: number): boolean {
  return score >= 0.9 && parseFieldValue(field, raw, detectLang(raw)).ok;
}

/** The best-named field among the splits; on a tie the longer mention wins ("ship to address" over "ship"). */
function best(candidates: Split[], fields: Field[], korean: boolean, plain = false): Correction | undefined {
  let found: { field: Field; score: number; split: Split; raw: string } | undefined;
  for (const split of candidates) {
    const raw = valueOf(split.value, korean);
    if (!raw || classifyReply(raw) !== null) continue;
    if (korean && KO_PREDICATE.test(split.value.replace(/[\s.!?~]+$/, '').replace(KO_VERB, ''))) continue;
    const scored = fields.map((field) => ({ field, score: mentionScore(split.mention, field) })).sort((a, b) => b.score - a.score);
    const top = scored[0];
    if (!top || top.score < 0.5 || (scored[1] && scored[1].score === top.score)) continue;
    if (plain && !plainFits(top.field, raw, top.score)) continue;
    if (!found || top.score > found.score + 1e-9 || (Math.abs(top.score - found.score) <= 1e-9 && split.mention.length > found.split.mention.length)) {
      found = { field: top.field, score: top.score, split, raw };
    }
  }
  return found ? { field: found.field.name, raw: found.raw } : undefined;
}

export function parseCorrection(text: string, fields: Field[]): Correction | undefined {
  if (!fields.length) return undefined;
  let t = text.trim();
  const lead = t;
  for (let i = 0; i < 3; i++) t = t.replace(LEAD_EN, '').replace(LEAD_KO, '').trim();
  const hadLead = t !== lead;
  if (!t) return undefined;
  const korean = /[\uac00-\ud7a3]/.test(t);
  const candidates: Split[] = [];
  // "wrong country, it is FR" / "wrong address: 5 Elm St": says which value is wrong, then the right one.
  const wrong = /^(?:wrong|incorrect|not the right)\s+(.+?)\s*[,:;]\s*(?:it'?s|it is|it should be|should be|use)?\s*(.+)$/i.exec(t);
  if (wrong) {
    const found = best([{ mention: wrong[1], value: wrong[2], at: 0 }], fields, korean);
    if (found) return found;
  }
  const change = CHANGE_EN.exec(t);
  if (change) {
    candidates.push(...splits(change[1], TO_EN));
    const viaTo = best(candidates, fields, korean);
    if (viaTo) return viaTo;
    candidates.push(...wordSplits(change[1]));
  } else {
    candidates.push(...splits(t, IS_EN));
    if (korean) candidates.push(...koreanSplits(t));
    // "no, quantity 3": only after a no and only by the field's exact name.
    if (hadLead && !candidates.length) {
      const exact = wordSplits(t).filter((s) => fields.some((f) => mentionScore(s.mention, f) === 1));
      candidates.push(...exact);
    }
  }
  return best(candidates, fields, korean, !hadLead);
}
