/**
 * A RegExp look-alike over RE2 (re2js) for JSONata's `RegexEngine` option: matching takes time linear in
 * the text, so a pattern like `/(a+)+b/` can never freeze the engine. JSONata only constructs it from its
 * own regex literal and uses `lastIndex` and `exec` (see evaluateRegex in jsonata.js); `$match`,
 * `$replace`, `$split` and `$contains` all go through that. RE2 has no backreferences or look-around:
 * those are refused by name when the expression is compiled.
 */
import { RE2JS } from 're2js';
import { LimitError } from './limits';

const UNSUPPORTED: Array<[RegExp, string]> = [
  [/^\(\?=/, 'look-ahead `(?=`'],
  [/^\(\?!/, 'negative look-ahead `(?!`'],
  [/^\(\?<=/, 'look-behind `(?<=`'],
  [/^\(\?<!/, 'negative look-behind `(?<!`'],
  [/^\\[1-9]/, 'a backreference like `\\1`'],
  [/^\\k</, 'a named backreference `\\k<…>`']
];
const WHY = 'Sous runs regular expressions in time proportional to the text, so that none can freeze a recipe; rewrite the pattern without it';

/** The first construct RE2 cannot run, named for a person, or undefined. Character classes are skipped. */
export function unsupportedConstruct(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      if (!inClass) {
        const found = UNSUPPORTED.find(([re]) => re.test(source.slice(i, i + 3)));
        if (found) return found[1];
      }
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      const found = UNSUPPORTED.find(([re]) => re.test(source.slice(i, i + 4)));
      if (found) return found[1];
    }
  }
  return undefined;
}

const compiled = new Map<string, RE2JS>();
const COMPILED_LIMIT = 1000;

/** RE2 for a JavaScript pattern and flags (cached: JSONata builds a new engine each time a literal runs). */
export function compileLinear(source: string, flags: string): RE2JS {
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (re) return re;
  const construct = unsupportedConstruct(source);
  if (construct) throw new LimitError(`${construct} is not supported in Sous expressions: ${WHY} (in /${source}/)`);
  let bits = 0;
  if (flags.includes('i')) bits |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) bits |= RE2JS.MULTILINE;
  if (flags.includes('s')) bits |= RE2JS.DOTALL;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(source), bits);
  } catch (err) {
    const detail = err instanceof Error ? err.message.replace(/^error parsing regexp: /, '') : String(err);
    throw new LimitError(`the pattern /${source}/ is not supported in Sous expressions (${detail})`);
  }
  if (compiled.size >= COMPILED_LIMIT) compiled.clear();
  compiled.set(key, re);
  return re;
}

/** What JSONata needs of a RegExp, in linear time. Indexes are UTF-16 offsets, as RegExp gives. */
export class LinearRegExp {
  lastIndex = 0;
  readonly source: string;
  readonly flags: string;
  readonly global: boolean;
  private readonly re: RE2JS;
  /** JSONata calls exec over and over on one text; a matcher per text keeps that linear. */
  private matcherFor?: { text: string; matcher: ReturnType<RE2JS['matcher']> };

  constructor(pattern: RegExp | string, flags?: string) {
    this.source = typeof pattern === 'string' ? pattern : pattern.source;
    this.flags = flags ?? (typeof pattern === 'string' ? '' : pattern.flags);
    this.global = this.flags.includes('g');
    this.re = compileLinear(this.source, this.flags);
  }

  exec(text: string): RegExpExecArray | null {
    const from = this.global ? this.lastIndex : 0;
    const matcher = from <= text.length ? this.matcherOf(text) : undefined;
    if (!matcher || !matcher.find(from)) {
      this.lastIndex = 0;
      return null;
    }
    const found: string[] = [matcher.group(0) ?? ''];
    for (let g = 1; g <= matcher.groupCount(); g++) found.push(matcher.group(g) ?? (undefined as unknown as string));
    const result = Object.assign(found, { index: matcher.start(), input: text, groups: namedGroups(this.re, matcher) });
    if (this.global) this.lastIndex = matcher.end();
    return result as RegExpExecArray;
  }

  private matcherOf(text: string): ReturnType<RE2JS['matcher']> {
    if (this.matcherFor?.text !== text) this.matcherFor = { text, matcher: this.re.matcher(text) };
    return this.matcherFor.matcher;
  }

  test(text: string): boolean {
    return this.exec(text) !== null;
  }

  toString(): string {
    return `/${this.source}/${this.flags}`;
  }
}

function namedGroups(re: RE2JS, matcher: ReturnType<RE2JS['matcher']>): Record<string, string> | undefined {
  const names = Object.entries(re.namedGroups());
  if (names.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const [name, index] of names) out[name] = matcher.group(index) ?? (undefined as unknown as string);
  return out;
}
