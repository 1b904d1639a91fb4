/**
 * The condition builder's model and its JSONata: rows of field · operator · value, in groups joined by
 * and/or. `printCondition` writes the expression; `parseCondition` reads back exactly the shapes it writes
 * (and a few obvious equivalents), and answers null for anything else, which then stays a formula. Both
 * are pure, so the pair is tested by round trip and by evaluating what is printed with the engine.
 */
import { segment } from '../pill-paths';

export type Op = 'eq' | 'ne' | 'empty' | 'notEmpty' | 'contains' | 'gt' | 'lt' | 'ge' | 'le' | 'true' | 'false';
export type Join = 'and' | 'or';
export type FieldType = 'text' | 'number' | 'boolean' | 'list' | 'object' | 'unknown';

export interface Row {
  /** A JSONata path, written as pills write it: ``steps.`vendors-search`.vendors``. */
  field: string;
  op: Op;
  value?: string | number;
}
export interface Group {
  join: Join;
  rows: Row[];
}
export interface ConditionModel {
  join: Join;
  groups: Group[];
}

export const NEEDS_VALUE: ReadonlySet<Op> = new Set(['eq', 'ne', 'contains', 'gt', 'lt', 'ge', 'le']);

/** The operators that make sense for a field of each type (unknown: all of them). */
export const OPS_BY_TYPE: Record<FieldType, Op[]> = {
  text: ['eq', 'ne', 'contains', 'empty', 'notEmpty'],
  number: ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'empty', 'notEmpty'],
  boolean: ['true', 'false', 'empty', 'notEmpty'],
  list: ['empty', 'notEmpty', 'contains'],
  object: ['empty', 'notEmpty'],
  unknown: ['eq', 'ne', 'empty', 'notEmpty', 'contains', 'gt', 'lt', 'ge', 'le', 'true', 'false']
};

export const emptyCondition = (): ConditionModel => ({ join: 'and', groups: [{ join: 'and', rows: [] }] });

/** A pill's type from its preview (`"Ada"`, `42`, `[3 items]`, `{id, name}`, `true`); unknown when it never ran. */
export function typeOfPreview(preview: string): FieldType {
  if (preview === '') return 'unknown';
  if (preview.startsWith('"')) return 'text';
  if (preview.startsWith('[')) return 'list';
  if (preview.startsWith('{')) return 'object';
  if (preview === 'true' || preview === 'false') return 'boolean';
  return Number.isFinite(Number(preview)) ? 'number' : 'unknown';
}

/** The value a person typed, as the literal the operator compares with: a number where one is meant. */
export function valueFor(text: string, type: FieldType, op: Op): string | number {
  const numeric = text.trim() !== '' && Number.isFinite(Number(text));
  const wantsNumber = ['gt', 'lt', 'ge', 'le'].includes(op) || type === 'number' || (type === 'unknown' && /^-?\d+(\.\d+)?$/.test(text.trim()));
  return numeric && wantsNumber ? Number(text) : text;
}

const literal = (v: string | number | undefined) => (typeof v === 'number' ? String(v) : JSON.stringify(v ?? ''));
const SYMBOL: Partial<Record<Op, string>> = { eq: '=', ne: '!=', gt: '>', lt: '<', ge: '>=', le: '<=' };

function printRow(row: Row, type: FieldType): string {
  const f = row.field;
  const symbol = SYMBOL[row.op];
  if (symbol) return `${f} ${symbol} ${literal(row.value)}`;
  switch (row.op) {
    case 'true':
      return `${f} = true`;
    case 'false':
      return `${f} = false`;
    // A missing field is empty too; text is empty when it is "", a list when it has no items.
    case 'empty':
      return type === 'text' ? `($not($exists(${f})) or ${f} = "")` : `$count(${f}) = 0`;
    case 'notEmpty':
      return type === 'text' ? `($exists(${f}) and ${f} != "")` : `$count(${f}) > 0`;
    case 'contains':
      if (type === 'list') return `${literal(row.value)} in ${f}`;
      return type === 'text' ? `$contains(${f}, ${literal(row.value)})` : `$contains($string(${f}), ${literal(row.value)})`;
    default:
      return f;
  }
}

/** The expression (bare, no braces); `true` when there are no rows, so "then" always runs. */
export function printCondition(model: ConditionModel, typeOf: (field: string) => FieldType = () => 'unknown'): string {
  const groups = model.groups.map((g) => ({ ...g, rows: g.rows.filter((r) => r.field !== '') })).filter((g) => g.rows.length > 0);
  if (groups.length === 0) return 'true';
  const text = (g: Group) => g.rows.map((r) => printRow(r, typeOf(r.field))).join(` ${g.join} `);
  if (groups.length === 1) return text(groups[0]);
  return groups.map((g) => (g.rows.length > 1 ? `(${text(g)})` : text(g))).join(` ${model.join} `);
}

/** The `if` step's value: `{{ expression }}`. */
export function conditionValue(model: ConditionModel, typeOf?: (field: string) => FieldType): string {
  return `{{ ${printCondition(model, typeOf)} }}`;
}

// ---- reading back -------------------------------------------------------------------------------

type Token =
  | { t: 'path'; v: string }
  | { t: 'fn'; v: string }
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'word'; v: 'and' | 'or' | 'in' | 'true' | 'false' }
  | { t: 'op'; v: string }
  | { t: 'punct'; v: '(' | ')' | ',' };

const WORDS = new Set(['and', 'or', 'in', 'true', 'false']);
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Tokens of the subset the builder writes; null for anything outside it (a formula). */
export function tokenize(source: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  const s = source;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')' || c === ',') out.push({ t: 'punct', v: c }), i++;
    else if (/^(!=|>=|<=)/.test(s.slice(i, i + 2))) out.push({ t: 'op', v: s.slice(i, i + 2) }), (i += 2);
    else if ('=<>'.includes(c)) out.push({ t: 'op', v: c }), i++;
    else if (c === '"' || c === "'") {
      const m = (c === '"' ? /^"(?:[^"\\]|\\.)*"/ : /^'(?:[^'\\]|\\.)*'/).exec(s.slice(i));
      if (!m) return null;
      try {
        out.push({ t: 'str', v: JSON.parse(c === '"' ? m[0] : `"${m[0].slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) });
      } catch {
        return null;
      }
      i += m[0].length;
    } else if (/[-\d]/.test(c)) {
      const m = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(s.slice(i));
      if (!m) return null;
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (c === '$') {
      const m = IDENT.exec(s.slice(i + 1));
      if (!m) return null;
      out.push({ t: 'fn', v: m[0] });
      i += 1 + m[0].length;
    } else {
      const path = readPath(s, i);
      if (!path) return null;
      if (path.names.length === 1 && WORDS.has(path.text)) out.push({ t: 'word', v: path.text as 'and' });
      else out.push({ t: 'path', v: path.names.map(segment).join('.') });
      i = path.end;
    }
  }
  return out;
}

/** A dotted path of names and `quoted names`, from `start`. */
function readPath(s: string, start: number): { names: string[]; text: string; end: number } | null {
  const names: string[] = [];
  let i = start;
  for (;;) {
    if (s[i] === '`') {
      const close = s.indexOf('`', i + 1);
      if (close < 0) return null;
      names.push(s.slice(i + 1, close));
      i = close + 1;
    } else {
      const m = IDENT.exec(s.slice(i));
      if (!m) return null;
      names.push(m[0]);
      i += m[0].length;
    }
    if (s[i] !== '.') break;
    i++;
  }
  return { names, text: s.slice(start, i), end: i };
}

type Capture = { paths: string[]; literal?: string | number; end: number };

/**
 * Match `pattern` at `pos`: `P` a path, `L` a string or number, `""` the empty string, `0` zero, any other
 * word a token written so (`$count`, `(`, `=`, `or`). Every `P` must be the same path.
 */
function match(tokens: Token[], pos: number, pattern: string): Capture | null {
  const cap: Capture = { paths: [], end: pos };
  let i = pos;
  for (const want of pattern.split(' ')) {
    const tok = tokens[i++];
    if (!tok) return null;
    if (want === 'P') {
      if (tok.t !== 'path' || (cap.paths.length > 0 && cap.paths[0] !== tok.v)) return null;
      cap.paths.push(tok.v);
    } else if (want === 'L') {
      if (tok.t !== 'str' && tok.t !== 'num') return null;
      cap.literal = tok.v;
    } else if (want === '""') {
      if (tok.t !== 'str' || tok.v !== '') return null;
    } else if (want === '0') {
      if (tok.t !== 'num' || tok.v !== 0) return null;
    } else if ((tok.t === 'fn' ? `$${tok.v}` : String(tok.v)) !== want || tok.t === 'str' || tok.t === 'num') return null;
  }
  cap.end = i;
  return cap;
}

/** The row shapes the builder reads, longest first where one begins like another. */
const ROWS: Array<{ pattern: string; op: Op }> = [
  { pattern: '( $not ( $exists ( P ) ) or P = "" )', op: 'empty' },
  { pattern: '( $exists ( P ) and P != "" )', op: 'notEmpty' },
  { pattern: '$count ( P ) = 0', op: 'empty' },
  { pattern: '$count ( P ) > 0', op: 'notEmpty' },
  { pattern: '$not ( $exists ( P ) )', op: 'empty' },
  { pattern: '$exists ( P )', op: 'notEmpty' },
  { pattern: '$contains ( $string ( P ) , L )', op: 'contains' },
  { pattern: '$contains ( P , L )', op: 'contains' },
  { pattern: 'L in P', op: 'contains' },
  { pattern: 'P = true', op: 'true' },
  { pattern: 'P = false', op: 'false' },
  { pattern: 'P = L', op: 'eq' },
  { pattern: 'P != L', op: 'ne' },
  { pattern: 'P > L', op: 'gt' },
  { pattern: 'P < L', op: 'lt' },
  { pattern: 'P >= L', op: 'ge' },
  { pattern: 'P <= L', op: 'le' }
];

function readRow(tokens: Token[], pos: number): { row: Row; end: number } | null {
  for (const shape of ROWS) {
    const cap = match(tokens, pos, shape.pattern);
    if (!cap) continue;
    const row: Row = { field: cap.paths[0], op: shape.op };
    if (NEEDS_VALUE.has(shape.op)) row.value = cap.literal;
    return { row, end: cap.end };
  }
  return null;
}

const joinAt = (tokens: Token[], i: number): Join | null => {
  const t = tokens[i];
  return t?.t === 'word' && (t.v === 'and' || t.v === 'or') ? t.v : null;
};

/** Rows joined by one and the same word, from `pos`, up to a `)` or the end. */
function readRows(tokens: Token[], pos: number): { group: Group; end: number } | null {
  const first = readRow(tokens, pos);
  if (!first) return null;
  const group: Group = { join: 'and', rows: [first.row] };
  let i = first.end;
  let join: Join | null = null;
  while (joinAt(tokens, i)) {
    const j = joinAt(tokens, i)!;
    if (join && j !== join) return null; // `a and b or c` without parentheses: a formula
    const next = readRow(tokens, i + 1);
    if (!next) break;
    join = j;
    group.rows.push(next.row);
    i = next.end;
  }
  if (join) group.join = join;
  return { group, end: i };
}

/** What the builder shows for a condition's value, or null when it cannot show it (formula mode). */
export function parseCondition(value: unknown): ConditionModel | null {
  if (value === undefined || value === null || value === '') return emptyCondition();
  if (typeof value !== 'string') return null;
  const single = /^\s*\{\{([\s\S]*?)\}\}\s*$/.exec(value);
  const source = single ? single[1] : value.includes('{{') ? null : value;
  if (source === null || source.includes('{{')) return null;
  const tokens = tokenize(source);
  if (!tokens) return null;
  if (tokens.length === 0 || (tokens.length === 1 && tokens[0].t === 'word' && tokens[0].v === 'true')) return emptyCondition();
  const items: Group[] = [];
  let join: Join | null = null;
  let i = 0;
  for (;;) {
    let item: { group: Group; end: number } | null = null;
    const row = readRow(tokens, i);
    // A parenthesised group, unless the parenthesis opens a row of its own (text is empty / not empty).
    if (!row && tokens[i]?.t === 'punct' && tokens[i].v === '(') {
      const inner = readRows(tokens, i + 1);
      if (inner && tokens[inner.end]?.v === ')' && inner.group.rows.length > 1) item = { group: inner.group, end: inner.end + 1 };
    }
    if (!item && row) item = { group: { join: 'and', rows: [row.row] }, end: row.end };
    if (!item) return null;
    items.push(item.group);
    i = item.end;
    if (i === tokens.length) break;
    const j = joinAt(tokens, i);
    if (!j || (join && j !== join)) return null;
    join = j;
    i++;
  }
  const grouped = items.some((g) => g.rows.length > 1);
  // Bare rows joined by one word are one group; groups are kept only where parentheses made them.
  if (!grouped) return { join: 'and', groups: [{ join: join ?? 'and', rows: items.map((g) => g.rows[0]) }] };
  return { join: join ?? 'and', groups: items };
}
