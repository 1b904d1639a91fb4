/**
 * `steps.vendors-search.x` reads as `steps.vendors - search.x`: JSONata takes `-` for a subtraction, so a
 * hyphenated step id needs backticks (``steps.`vendors-search` ``). The expression compiles and gives
 * nothing useful, so the person is told the fix instead of "there is no step vendors".
 */

export interface HyphenRef {
  /** The step id as written, `vendors-search`. */
  id: string;
  /** The name JSONata reads after `steps.`: `vendors`. */
  head: string;
}

/** The expression parts of a field's text: what is inside `{{ }}`, or all of it for an expression field. */
function expressionParts(text: string, expr: boolean): string[] {
  if (expr && !text.includes('{{')) return [text];
  return [...text.matchAll(/\{\{([\s\S]*?)\}\}/g)].map((m) => m[1]);
}

/** The hyphenated step ids of `ids` that `text` reads without backticks. */
export function hyphenRefs(text: string, expr: boolean, ids: ReadonlySet<string>): HyphenRef[] {
  const found = new Map<string, HyphenRef>();
  for (const part of expressionParts(text, expr)) {
    // Quoted text and backticked names are not read as paths.
    const code = part.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
    for (const m of code.matchAll(/\bsteps\s*\.\s*([A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)+)/g)) {
      const pieces = m[1].split('-');
      // The longest run of pieces that is a step id: `steps.a-b-c` may mean the step "a-b" minus c.
      for (let n = pieces.length; n >= 2; n--) {
        const id = pieces.slice(0, n).join('-');
        if (ids.has(id)) {
          found.set(id, { id, head: pieces[0] });
          break;
        }
      }
    }
  }
  return [...found.values()];
}

export function hyphenMessage(ref: HyphenRef): string {
  const [head, ...rest] = ref.id.split('-');
  return `steps.${ref.id} reads as steps.${head} minus ${rest.join(' minus ')}: write steps.\`${ref.id}\` or rename the step to ${ref.id.replace(/-/g, '_')}`;
}

/** The problem with its code: `rest` is the pieces JSONata subtracts (`search`, or `b, c`). */
export function hyphenProblem(ref: HyphenRef): { message: string; code: 'hyphen_ref'; params: { id: string; head: string; rest: string; rename: string } } {
  const [head, ...rest] = ref.id.split('-');
  return { message: hyphenMessage(ref), code: 'hyphen_ref', params: { id: ref.id, head, rest: rest.join(' - '), rename: ref.id.replace(/-/g, '_') } };
}
