/**
 * The `ai` connector's basic mode (no model): plain rules whose results are honest about being rough.
 * Extraction is not here: it is basic-extract's `extractBasic`, passed in.
 */
import type { ClassifyOutput, SummarizeOutput } from './schemas';

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter((w) => w.length >= 2);
}

/** A word matches another when they share their first 5 letters (refund/refunds/refunded), or are equal. */
function stem(word: string): string {
  return word.length > 5 ? word.slice(0, 5) : word;
}

/**
 * Choose the label whose words appear most in the text. No label word in the text: `label` is null and
 * `confidence` 0, rather than a guess dressed up as an answer.
 */
export function classifyBasic(text: string, labels: string[]): ClassifyOutput {
  const inText = new Map<string, number>();
  for (const w of words(text)) inText.set(stem(w), (inText.get(stem(w)) ?? 0) + 1);
  let best: string | null = null;
  let bestScore = 0;
  let total = 0;
  for (const label of labels) {
    const score = words(label).reduce((sum, w) => sum + (inText.get(stem(w)) ?? 0), 0);
    total += score;
    if (score > bestScore) {
      best = label;
      bestScore = score;
    }
  }
  if (best === null) return { label: null, confidence: 0, mode: 'basic' };
  // Share of all label-word hits, capped: keyword rules are never sure.
  const confidence = Math.round(Math.min(0.8, (bestScore / total) * 0.8) * 100) / 100;
  return { label: best, confidence, mode: 'basic' };
}

/** The leading sentences, up to `maxWords` words (a sentence is cut only when the first alone is longer). */
export function summarizeBasic(text: string, maxWords = 60): SummarizeOutput {
  const sentences = text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?。])\s+/u)
    .filter((s) => s.length > 0);
  const out: string[] = [];
  let count = 0;
  for (const sentence of sentences) {
    const n = sentence.split(' ').length;
    if (count + n > maxWords) {
      if (out.length === 0) out.push(sentence.split(' ').slice(0, maxWords).join(' ') + '…');
      break;
    }
    out.push(sentence);
    count += n;
  }
  return { summary: out.join(' '), mode: 'basic' };
}
