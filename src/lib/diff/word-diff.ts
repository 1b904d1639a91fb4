/**
 * A word diff of two texts, for showing a changed input or expression readably: which words went and
 * which came, the rest kept. Words, runs of spaces and single punctuation marks are the units, so
 * `{{ vars.total }}` changing to `{{ vars.sum }}` marks `total` → `sum`, not the whole expression.
 */

export type WordOp = 'same' | 'removed' | 'added';

export interface WordPart {
  op: WordOp;
  text: string;
}

/** Past this many units between the common start and end, the middle is shown as replaced whole. */
export const MAX_WORD_UNITS = 600;

/** Letters and digits (any script) with `_`, or a run of spaces, or any one other character. */
const UNIT = /[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu;

export function wordUnits(text: string): string[] {
  return text.match(UNIT) ?? [];
}

export function wordDiff(before: string, after: string, max = MAX_WORD_UNITS): WordPart[] {
  const a = wordUnits(before);
  const b = wordUnits(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const middleA = a.slice(start, a.length - end);
  const middleB = b.slice(start, b.length - end);
  const parts: WordPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  if (middleA.length > max || middleB.length > max) {
    push(parts, 'removed', middleA.join(''));
    push(parts, 'added', middleB.join(''));
  } else {
    for (const part of lcsParts(middleA, middleB)) push(parts, part.op, part.text);
  }
  push(parts, 'same', a.slice(a.length - end).join(''));
  return parts;
}

/** The parts one side shows: the text before (kept and removed) or after (kept and added). */
export function sideParts(parts: readonly WordPart[], side: 'before' | 'after'): WordPart[] {
  const hidden: WordOp = side === 'before' ? 'added' : 'removed';
  return parts.filter((p) => p.op !== hidden);
}

function push(parts: WordPart[], op: WordOp, text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last?.op === op) last.text += text;
  else parts.push({ op, text });
}

/** The classic longest-common-subsequence table, walked from the start; removals before additions. */
function lcsParts(a: readonly string[], b: readonly string[]): WordPart[] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const parts: WordPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(parts, 'same', a[i]);
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && table[(i + 1) * width + j] >= table[i * width + j + 1])) {
      push(parts, 'removed', a[i++]);
    } else {
      push(parts, 'added', b[j++]);
    }
  }
  return parts;
}
