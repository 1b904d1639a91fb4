/**
 * JSONata builtins that can build a huge text from small input in one call ($pad, $join, $string,
 * $replace, and the `&` operator), or work for ever on a small value with shared parts ($distinct, the
 * `=` and `!=` operators, a transform's copy). One builtin call cannot be interrupted by the time limit, so these refuse before they
 * allocate (or, for $replace, whose growth is only known as it goes, as soon as the text passes the
 * limit). Each wrapper checks, then hands the call to JSONata's own function, so answers stay JSONata's.
 */
import jsonata from 'jsonata';
import { EXPRESSION_LIMITS, LimitError, megabytes, textTooLong } from './limits';
import { textSizeAtLeast } from './value-size';

type Native = { implementation: (this: unknown, ...args: unknown[]) => unknown; signature?: unknown };

const NAMES = ['pad', 'join', 'string', 'replace', 'distinct', 'clone'] as const;
type Name = (typeof NAMES)[number];

/** JSONata's own functions, taken once from an expression that names them. */
const natives: Promise<Record<Name, Native>> = jsonata(`[${NAMES.map((n) => `$${n}`).join(',')}]`)
  .evaluate({})
  .then((list: Native[]) => Object.fromEntries(NAMES.map((n, i) => [n, list[i]])) as Record<Name, Native>);

/** Signatures as JSONata declares them, so argument checks and context binding are unchanged. */
const SIGNATURES: Record<Name, string> = { pad: '<s-ns?:s>', join: '<a<s>s?:s>', string: '<x-b?:s>', replace: '<s-(sf)(sf)n?:s>', distinct: '<x:x>', clone: '<(oa)-:o>' };

/** Whether a call's arguments would pass a limit, checked before the call allocates anything. */
const CHECKS: Record<Name, (args: unknown[]) => boolean> = {
  pad([str, width, char]) {
    if (typeof str !== 'string' || typeof width !== 'number') return false;
    const unit = typeof char === 'string' && char.length > 0 ? char.length : 1;
    return Math.abs(Math.trunc(width)) * unit > EXPRESSION_LIMITS.maxText;
  },
  join([strs, separator]) {
    if (!Array.isArray(strs)) return false;
    let total = typeof separator === 'string' ? separator.length * Math.max(0, strs.length - 1) : 0;
    for (const s of strs) total += typeof s === 'string' ? s.length : 0;
    return total > EXPRESSION_LIMITS.maxText;
  },
  string: ([arg, prettify]) => overText(arg, prettify === true ? 2 : 0),
  replace: () => false,
  // $distinct compares parts deeply: shared parts nested many times over would be compared for ever.
  distinct: ([arg]) => overText(arg),
  // A transform (`~> | … |`) copies its input through JSON first: the same expansion as $string.
  clone: ([arg]) => overText(arg)
};

function overText(arg: unknown, indent = 0): boolean {
  return arg !== null && typeof arg === 'object' && textSizeAtLeast(arg, EXPRESSION_LIMITS.maxText, indent) > EXPRESSION_LIMITS.maxText;
}

async function call(name: Name, self: unknown, args: unknown[], label = `$${name}`): Promise<unknown> {
  if (CHECKS[name](args)) throw name === 'distinct' ? tooLargeToCompare('$distinct') : name === 'clone' ? textTooLong('a transform (`~> | … |`)') : textTooLong(label);
  let result: unknown;
  try {
    result = await (await natives)[name].implementation.apply(self, args);
  } catch (err) {
    // A text past the engine's own maximum length: report it as the limit it is.
    if (err instanceof RangeError) throw textTooLong(label);
    throw err;
  }
  if (typeof result === 'string' && result.length > EXPRESSION_LIMITS.maxText) throw textTooLong(label);
  return result;
}

function tooLargeToCompare(what: string): LimitError {
  return new LimitError(`${what} was given a value too large to compare (over ${megabytes(EXPRESSION_LIMITS.maxText)} as text), so it was stopped`);
}

/**
 * The `=` and `!=` operators between two values that are not literals: options.ts turns each into a call
 * of these, under names no expression can spell. JSONata's own answer (either side missing: false for
 * both), with the deep comparison walked on a budget, so shared parts nested thirty times over are
 * refused in a moment instead of compared a billion times.
 */
export const EQUAL = 'sous:equal';
export const NOT_EQUAL = 'sous:notequal';

function equal(lhs: unknown, rhs: unknown): boolean {
  if (lhs === undefined || rhs === undefined) return false;
  return deepEqual(lhs, rhs, { left: EXPRESSION_LIMITS.maxText });
}

function notEqual(lhs: unknown, rhs: unknown): boolean {
  if (lhs === undefined || rhs === undefined) return false;
  return !deepEqual(lhs, rhs, { left: EXPRESSION_LIMITS.maxText });
}

/** JSONata's isDeepEqual (same keys in any order, same items in order), counting each part it visits. */
function deepEqual(lhs: unknown, rhs: unknown, budget: { left: number }): boolean {
  if (lhs === rhs) return true;
  if (typeof lhs !== 'object' || typeof rhs !== 'object' || lhs === null || rhs === null) return false;
  if ((budget.left -= 16) < 0) throw tooLargeToCompare('`=`');
  if (Array.isArray(lhs) && Array.isArray(rhs)) {
    if (lhs.length !== rhs.length) return false;
    for (let i = 0; i < lhs.length; i++) if (!deepEqual(lhs[i], rhs[i], budget)) return false;
    return true;
  }
  const lkeys = Object.getOwnPropertyNames(lhs).sort();
  const rkeys = Object.getOwnPropertyNames(rhs).sort();
  if (lkeys.length !== rkeys.length) return false;
  for (let i = 0; i < lkeys.length; i++) if (lkeys[i] !== rkeys[i]) return false;
  for (const key of lkeys) {
    if (!deepEqual((lhs as Record<string, unknown>)[key], (rhs as Record<string, unknown>)[key], budget)) return false;
  }
  return true;
}

/**
 * The `&` operator writes a value that is not text as JSON in one uninterruptible call, like $string;
 * options.ts turns each `&` into a call of this, under a name no expression can spell.
 */
export const CONCAT = 'sous:concat';

function concat(this: unknown, lhs: unknown, rhs: unknown): string | Promise<string> {
  // Texts (the common case) are joined at once, without a promise; other values are written as JSON.
  if ((lhs === undefined || typeof lhs === 'string') && (rhs === undefined || typeof rhs === 'string')) return join2(lhs ?? '', rhs ?? '');
  return concatValues(this, lhs, rhs);
}

async function concatValues(self: unknown, lhs: unknown, rhs: unknown): Promise<string> {
  const left = lhs === undefined ? '' : typeof lhs === 'string' ? lhs : ((await call('string', self, [lhs], '`&`')) as string);
  const right = rhs === undefined ? '' : typeof rhs === 'string' ? rhs : ((await call('string', self, [rhs], '`&`')) as string);
  return join2(left, right);
}

function join2(left: string, right: string): string {
  try {
    return left.concat(right);
  } catch (err) {
    if (err instanceof RangeError) throw textTooLong('`&`');
    throw err;
  }
}

/** Put the bounded builtins in place of JSONata's own for one compiled expression. */
export function bindBoundedFunctions(expr: jsonata.Expression): void {
  expr.registerFunction(CONCAT, concat as (...args: unknown[]) => unknown);
  expr.registerFunction(EQUAL, equal as (...args: unknown[]) => unknown);
  expr.registerFunction(NOT_EQUAL, notEqual as (...args: unknown[]) => unknown);
  for (const name of NAMES) {
    expr.registerFunction(
      name,
      function (this: unknown, ...args: unknown[]) {
        return call(name, this, args);
      },
      SIGNATURES[name]
    );
  }
}

export { LimitError };
