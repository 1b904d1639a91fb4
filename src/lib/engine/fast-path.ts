/**
 * A fast path for the expressions recipes write most: paths (`trigger.amount`, `steps.get.body`), literals,
 * arithmetic and comparisons on them (`item.x > 100`, `vars.total * 1.1`). JSONata's evaluator is async and
 * general; a loop over 100,000 items spends most of its time there on such expressions. Each one is compiled
 * once into a small tree walked without promises.
 *
 * JSONata's meaning is kept exactly: the fast path answers only where JSONata's answer is certain (plain
 * objects along a path, numbers with numbers, strings with strings) and gives FALLBACK everywhere else (a
 * list inside a path, a missing operand, mixed types, an error), and then JSONata itself evaluates the
 * expression. fast-path.test.ts compares both on a table of cases.
 */

/** The fast path cannot say what JSONata would: let JSONata evaluate the expression. */
export const FALLBACK: unique symbol = Symbol('fallback');

type Node =
  | { t: 'lit'; v: string | number | boolean | null }
  | { t: 'path'; keys: string[] }
  | { t: 'neg'; e: Node }
  | { t: 'bin'; op: string; l: Node; r: Node };

type Token = { k: 'num'; v: number } | { k: 'str'; v: string } | { k: 'name'; v: string } | { k: 'op'; v: string };

const NUMBER = /^(0|[1-9][0-9]*)(\.[0-9]+)?([Ee][-+]?[0-9]+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const OPERATORS = ['!=', '<=', '>=', '=', '<', '>', '+', '-', '*', '/', '%', '.', '(', ')'];
const RESERVED = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function', 'lambda']);

/** Tokens of the subset, or null when the source uses anything else (then JSONata handles it). */
function tokenize(source: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    const rest = source.slice(i);
    const num = NUMBER.exec(rest);
    if (num && (c >= '0' && c <= '9')) {
      // `1.x` or `1abc` is not the subset's; a number must end at an operator, a space or the end.
      const after = rest[num[0].length];
      if (after !== undefined && /[A-Za-z_$.`"']/.test(after)) return null;
      tokens.push({ k: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = source.indexOf(c, i + 1);
      if (end < 0) return null;
      const text = source.slice(i + 1, end);
      // Escapes are JSONata's to read.
      if (text.includes('\\')) return null;
      tokens.push({ k: 'str', v: text });
      i = end + 1;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      const after = rest[name[0].length];
      if (after !== undefined && !/[\s.()=!<>+\-*/%]/.test(after)) return null;
      tokens.push({ k: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (!op) return null;
    // `/*` opens a comment, `**` or `*.` are not the subset's.
    if (op === '/' && rest[1] === '*') return null;
    tokens.push({ k: 'op', v: op });
    i += op.length;
  }
  return tokens;
}

/** A precedence-climbing parser for the subset, with JSONata's binding powers; null when it is not the subset. */
class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node | null {
    const node = this.expr(0);
    return node && this.i === this.tokens.length ? node : null;
  }

  private static power(token: Token | undefined): number {
    if (!token) return -1;
    if (token.k === 'name') return token.v === 'or' ? 25 : token.v === 'and' ? 30 : -1;
    if (token.k !== 'op') return -1;
    switch (token.v) {
      case '=': case '!=': case '<': case '<=': case '>': case '>=':
        return 40;
      case '+': case '-':
        return 50;
      case '*': case '/': case '%':
        return 60;
      default:
        return -1;
    }
  }

  private expr(min: number): Node | null {
    let left = this.unary();
    for (;;) {
      if (!left) return null;
      const token = this.tokens[this.i];
      const power = Parser.power(token);
      if (power < 0 || power <= min) return left;
      this.i++;
      const right = this.expr(power);
      if (!right) return null;
      left = { t: 'bin', op: token.v as string, l: left, r: right };
    }
  }

  private unary(): Node | null {
    const token = this.tokens[this.i];
    if (token?.k === 'op' && token.v === '-') {
      this.i++;
      const e = this.expr(70);
      return e && { t: 'neg', e };
    }
    return this.primary();
  }

  private primary(): Node | null {
    const token = this.tokens[this.i++];
    if (!token) return null;
    if (token.k === 'num' || token.k === 'str') return this.end({ t: 'lit', v: token.v });
    if (token.k === 'op') {
      if (token.v !== '(') return null;
      const inner = this.expr(0);
      if (!inner || this.tokens[this.i++]?.v !== ')' ) return null;
      return this.end(inner);
    }
    if (token.v === 'true' || token.v === 'false') return this.end({ t: 'lit', v: token.v === 'true' });
    if (token.v === 'null') return this.end({ t: 'lit', v: null });
    if (RESERVED.has(token.v)) return null;
    const keys = [token.v];
    while (this.tokens[this.i]?.k === 'op' && this.tokens[this.i].v === '.') {
      const next = this.tokens[this.i + 1];
      if (next?.k !== 'name' || RESERVED.has(next.v)) return null;
      keys.push(next.v);
      this.i += 2;
    }
    return this.end({ t: 'path', keys });
  }

  /** A literal or group followed by `.` or `(` (a path on it, a call) is JSONata's. */
  private end(node: Node): Node | null {
    const next = this.tokens[this.i];
    if (next?.k === 'op' && (next.v === '.' || next.v === '(')) return null;
    return node;
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

function path(keys: string[], context: object): unknown {
  let value: unknown = context;
  for (const key of keys) {
    if (Array.isArray(value)) return FALLBACK; // JSONata maps over lists and flattens them
    if (value === null || typeof value !== 'object' || !hasOwn.call(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'function' ? undefined : value;
}

function isPrimitive(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function arithmetic(op: string, l: number, r: number): number {
  switch (op) {
    case '+': return l + r;
    case '-': return l - r;
    case '*': return l * r;
    case '/': return l / r;
    default: return l % r;
  }
}

function binary(op: string, l: unknown, r: unknown): unknown {
  if (op === '=' || op === '!=') {
    // JSONata's `=` is false when either side is missing, and deep for objects (left to JSONata).
    if (!isPrimitive(l) || !isPrimitive(r)) return FALLBACK;
    return op === '=' ? l === r : l !== r;
  }
  const numbers = typeof l === 'number' && typeof r === 'number';
  if (op === '<' || op === '<=' || op === '>' || op === '>=') {
    if (!numbers && !(typeof l === 'string' && typeof r === 'string')) return FALLBACK;
    const a = l as number;
    const b = r as number;
    return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
  }
  if (!numbers) return FALLBACK;
  const result = arithmetic(op, l, r);
  // JSONata refuses a result out of range with its own error.
  return Number.isFinite(result) ? result : FALLBACK;
}

function evaluate(node: Node, context: object): unknown {
  switch (node.t) {
    case 'lit':
      return node.v;
    case 'path':
      return path(node.keys, context);
    case 'neg': {
      const v = evaluate(node.e, context);
      return typeof v === 'number' ? -v : FALLBACK;
    }
    case 'bin': {
      const l = evaluate(node.l, context);
      if (l === FALLBACK) return FALLBACK;
      if (node.op === 'and' || node.op === 'or') {
        if (typeof l !== 'boolean') return FALLBACK;
        if (node.op === 'and' ? !l : l) return l;
        const r = evaluate(node.r, context);
        return typeof r === 'boolean' ? r : FALLBACK;
      }
      const r = evaluate(node.r, context);
      return r === FALLBACK ? FALLBACK : binary(node.op, l, r);
    }
  }
}

export type FastExpr = (context: object) => unknown;

const CACHE_LIMIT = 10_000;
const cache = new Map<string, FastExpr | null>();

/** The compiled fast path of one expression's source, or null when the source is not in the subset. */
export function compileFast(source: string): FastExpr | null {
  let fast = cache.get(source);
  if (fast !== undefined) return fast;
  const tokens = tokenize(source);
  const node = tokens && tokens.length > 0 ? new Parser(tokens).parse() : null;
  fast = node ? (context: object) => evaluate(node, context) : null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, fast);
  return fast;
}

/** The value JSONata would give, or FALLBACK when only JSONata can say (or the source is not in the subset). */
export function evaluateFast(source: string, context: object): unknown {
  const fast = compileFast(source);
  return fast ? fast(context) : FALLBACK;
}
