/**
 * `{{ … }}` templates over JSONata. Each distinct string is compiled once and cached. Every expression is
 * bounded (expression-limits/): JSONata's `timeout`, `stack` and `sequence` guardrails, a linear-time
 * regex engine, string builtins that refuse to build huge texts, and a size budget on what comes out,
 * so a runaway expression fails its step fast and the engine goes on with other jobs.
 * JSONata cannot reach globals, prototypes or the host; we never use `eval` or `new Function`.
 */
import jsonata from 'jsonata';
import { userError } from './errors';
import { compileFast, evaluateFast, FALLBACK } from './fast-path';
import { EXPRESSION_LIMITS, elide, LimitError, seconds, valueTooLarge } from './expression-limits/limits';
import { boundExpression, JSONATA_OPTIONS } from './expression-limits/options';
import { SizeBudget } from './expression-limits/value-size';

export { EXPRESSION_LIMITS };

type Compiled =
  | { kind: 'literal'; value: string }
  | { kind: 'single'; source: string; expr: jsonata.Expression }
  | { kind: 'text'; parts: Array<string | { source: string; expr: jsonata.Expression }> };

/**
 * One expression of a template. JSONata compiles it (and expression-limits/ bounds it, a few hundred µs
 * together) only when first needed: at once when the fast path cannot read it, so a mistake is still
 * reported when the template is compiled; on the first evaluation the fast path hands over otherwise.
 * What the fast path reads is always valid JSONata (fast-path.ts), so no error is put off.
 */
class Expression {
  #expr: jsonata.Expression | undefined;

  constructor(readonly source: string) {
    if (!compileFast(source)) this.#expr = compileExpr(source);
  }

  get expr(): jsonata.Expression {
    return (this.#expr ??= compileExpr(this.source));
  }
}

const TEMPLATE = /\{\{([\s\S]*?)\}\}/g;
const SINGLE = /^\s*\{\{([\s\S]*?)\}\}\s*$/;
const CACHE_LIMIT = 10_000;
const cache = new Map<string, Compiled>();

function compileExpr(source: string): jsonata.Expression {
  try {
    return boundExpression(jsonata(source, JSONATA_OPTIONS));
  } catch (err) {
    throw userError(`expression "${elide(source)}" is not valid: ${describe(err)}`, 'expression');
  }
}

/** Compile a template string (cached). Throws a user error naming the expression when it is not valid. */
export function compileTemplate(text: string): Compiled {
  let compiled = cache.get(text);
  if (compiled) return compiled;
  const single = SINGLE.exec(text);
  if (single && !single[1].includes('{{')) {
    const expression = new Expression(single[1]);
    compiled = { kind: 'single', source: expression.source, get expr() { return expression.expr; } };
  } else if (!text.includes('{{')) {
    compiled = { kind: 'literal', value: text };
  } else {
    const parts: Array<string | { source: string; expr: jsonata.Expression }> = [];
    let last = 0;
    for (const m of text.matchAll(TEMPLATE)) {
      if (m.index > last) parts.push(text.slice(last, m.index));
      parts.push(new Expression(m[1]));
      last = m.index + m[0].length;
    }
    if (last < text.length) parts.push(text.slice(last));
    compiled = { kind: 'text', parts };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, compiled);
  return compiled;
}

async function run(source: string, expr: jsonata.Expression, context: object): Promise<unknown> {
  try {
    // Plain paths and comparisons skip JSONata's async evaluator (same answers: see fast-path.ts).
    const quick = evaluateFast(source, context);
    return plainOut(quick !== FALLBACK ? quick : await expr.evaluate(context), context as Live);
  } catch (err) {
    throw userError(`expression "${elide(source)}" failed: ${describe(err)}`, 'expression');
  }
}

/** Evaluate one string: exactly one `{{ }}` keeps the value's type; text around braces gives text. */
export async function evaluateTemplate(text: string, context: object): Promise<unknown> {
  const now = templateNow(text, context);
  if (now !== FALLBACK) return now;
  const compiled = compileTemplate(text);
  switch (compiled.kind) {
    case 'literal':
      return compiled.value;
    case 'single':
      return run(compiled.source, compiled.expr, context);
    case 'text': {
      let out = '';
      for (const part of compiled.parts) {
        out += typeof part === 'string' ? part : stringify(await run(part.source, part.expr, context));
      }
      return out;
    }
  }
}

/**
 * A field that is text for people (an approval's or a stop's message): a value is written as text
 * inside braces would be, so `{{ trigger.items }}` reads `[1,2]` alone as in a sentence, never
 * `[object Object]` or `1,2`.
 */
export async function evaluateText(text: string, context: object): Promise<string> {
  return stringify(await evaluateTemplate(text, context));
}

/** A field marked *expr* in the spec: written with or without `{{ }}`. */
export async function evaluateExpr(text: string, context: object): Promise<unknown> {
  return evaluateTemplate(text.includes('{{') ? text : `{{${text}}}`, context);
}

/**
 * resolveDeep's answer at once, with no promise, when every expression in the value is on the fast path;
 * FALLBACK when one needs JSONata's evaluator (then await resolveDeep). A step of small expressions
 * then pays no promise per value.
 */
export function resolveAtOnce(value: unknown, context: object): unknown {
  return resolveNow(value, context);
}

/** evaluateExpr's answer at once, or FALLBACK (as resolveAtOnce). */
export function exprAtOnce(text: string, context: object): unknown {
  return templateNow(text.includes('{{') ? text : `{{${text}}}`, context);
}

export { FALLBACK };

/** Resolve every string inside a value (objects and lists at any depth). */
export async function resolveDeep(value: unknown, context: object): Promise<unknown> {
  const now = resolveNow(value, context);
  if (now !== FALLBACK) return now;
  if (typeof value === 'string') return evaluateTemplate(value, context);
  if (Array.isArray(value)) {
    const out = [];
    for (const item of value) out.push(await resolveDeep(item, context));
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = await resolveDeep(item, context);
      if (resolved !== undefined) out[key] = resolved;
    }
    return out;
  }
  return value;
}

/**
 * A template's value at once, with no promise, when every expression in it is on the fast path
 * (fast-path.ts); FALLBACK when one needs JSONata's evaluator.
 */
function templateNow(text: string, context: object): unknown {
  const compiled = compileTemplate(text);
  if (compiled.kind === 'literal') return compiled.value;
  if (compiled.kind === 'single') return fastValue(compiled.source, context);
  let out = '';
  for (const part of compiled.parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = fastValue(part.source, context);
    if (value === FALLBACK) return FALLBACK;
    out += stringify(value);
  }
  return out;
}

function fastValue(source: string, context: object): unknown {
  const value = evaluateFast(source, context);
  if (value === FALLBACK) return FALLBACK;
  try {
    return plainOut(value, context as Live);
  } catch (err) {
    throw userError(`expression "${elide(source)}" failed: ${describe(err)}`, 'expression');
  }
}

/** resolveDeep without promises, or FALLBACK when some string in the value needs JSONata. */
function resolveNow(value: unknown, context: object): unknown {
  if (typeof value === 'string') return templateNow(value, context);
  if (Array.isArray(value)) {
    const out = [];
    for (const item of value) {
      const resolved = resolveNow(item, context);
      if (resolved === FALLBACK) return FALLBACK;
      out.push(resolved);
    }
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // for…in, not Object.entries: no list of pairs per object (a recipe's values are plain JSON objects).
    for (const key in value) {
      const resolved = resolveNow((value as Record<string, unknown>)[key], context);
      if (resolved === FALLBACK) return FALLBACK;
      if (resolved !== undefined) out[key] = resolved;
    }
    return out;
  }
  return value;
}

/**
 * JSONata's truthiness (`$boolean`): empty lists and lists of only false things, empty objects, empty
 * strings, 0, null and undefined are false. An empty object must be false too, or `if` on an empty
 * API answer would take the branch JSONata itself would not.
 */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(truthy);
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The objects of a context that the engine goes on changing after an expression ran. */
type Live = { vars?: unknown; steps?: unknown };

/**
 * JSONata results may be sequences (arrays with extra flags) or functions, also nested in objects and
 * lists; keep plain data only. A JSONata function is an object that holds the host's own code (and a
 * lambda the whole context), so it must never become a step's input or output. The context itself,
 * `vars` and `steps` are copied: the engine adds to them later, and a record must keep what the step
 * saw (and `set` of `{{ vars }}` must not make vars hold itself). Other unchanged parts are returned as
 * they are, so a large value from the context is not copied. Every part visited spends from `budget`,
 * so a value whose parts are shared many times over is refused before it is expanded.
 */
function plainOut(value: unknown, live: Live): unknown {
  // Numbers, texts and the like are plain already (a text's size was bounded as it was built).
  return value === null || (typeof value !== 'object' && typeof value !== 'function') ? value : plain(value, live, new SizeBudget());
}

function plain(value: unknown, live: Live, budget: SizeBudget): unknown {
  budget.spend(value);
  if (typeof value === 'function' || isJsonataFunction(value)) throw new Error('the expression gives a function, not a value');
  if (Array.isArray(value)) {
    let changed = 'sequence' in value || 'outerWrapper' in value;
    const out = value.map((item) => {
      const p = plain(item, live, budget);
      changed ||= p !== item;
      return p;
    });
    return changed ? out : value;
  }
  if (value !== null && typeof value === 'object') {
    let changed = value === live || value === live.vars || value === live.steps;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      budget.spend(undefined, key.length);
      const p = plain(item, live, budget);
      changed ||= p !== item;
      out[key] = p;
    }
    return changed ? out : value;
  }
  return value;
}

function isJsonataFunction(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { _jsonata_function?: unknown; _jsonata_lambda?: unknown };
  return v._jsonata_function === true || v._jsonata_lambda === true;
}

function describe(err: unknown): string {
  if (err instanceof LimitError) return err.message;
  // The JavaScript engine's own longest string or list, reached by doubling (`$s & $s`, appends).
  if (err instanceof RangeError && /Invalid (string|array|typed array) length/.test(err.message)) return valueTooLarge().message;
  if (err && typeof err === 'object') {
    const e = err as { code?: string; message?: string; position?: number; token?: string };
    const message = e.message ?? String(err);
    if (e.code === 'D1012') return `it ran for too long (over its ${seconds(EXPRESSION_LIMITS.timeout)} limit for one expression) and was stopped`;
    if (e.code === 'D1011') return 'it recursed too deeply and was stopped';
    if (e.code === 'D2015') return 'it made a list too long and was stopped';
    return e.position !== undefined ? `${message} (at character ${e.position})` : message;
  }
  return String(err);
}
