/**
 * Blanking secrets out of text and out of data (a step's output, keys included). Two passes: every
 * encoding of every secret where it appears whole, then the part of one left at a cut (a text ending
 * `…tok-8f3a…`, or starting with the tail of one), since a server or a connector may have shortened the
 * text in the middle of a secret.
 */
import { basicAuthEncodings, secretEncodings } from './forms';

export const MASK = '••••';
/** Shorter values (a "bot", a "yes") would blank ordinary words; a secret is longer. */
export const MIN_SECRET = 4;
/** The shortest piece of a cut secret that is blanked: any shorter is too likely to be ordinary text. */
const MIN_FRAGMENT = 6;
/** Where a text may have been shortened, besides its start and end. */
const CUT_MARKS = ['…', '...'];

export class Redactor {
  /** The forms, longest first, so a value inside another's encoding does not leave the rest behind. */
  readonly forms: readonly string[];
  private readonly pattern: RegExp | null;
  private readonly shortest: number;
  private prefixes?: PieceIndex;
  private suffixes?: PieceIndex;

  constructor(secrets: readonly string[], publicValues: readonly string[] = []) {
    const forms = new Set<string>();
    const values = [...new Set([...secrets, ...publicValues].filter((v) => typeof v === 'string' && v !== ''))];
    for (const s of new Set(secrets)) {
      if (typeof s !== 'string' || s.length < MIN_SECRET) continue;
      for (const f of secretEncodings(s)) forms.add(f);
      // Basic auth: any value (the user name is not secret itself) before a secret.
      for (const user of values) for (const f of basicAuthEncodings(user, s)) forms.add(f);
    }
    this.forms = [...forms].filter((f) => f.length >= MIN_SECRET).sort((a, b) => b.length - a.length);
    this.pattern = this.forms.length ? new RegExp(this.forms.map(escapeRegExp).join('|'), 'g') : null;
    this.shortest = Math.min(MIN_FRAGMENT, ...this.forms.map((f) => f.length));
  }


  get empty(): boolean {
    return this.pattern === null;
  }

  text(text: string): string {
    // Too short to hold a form or a piece worth blanking: most keys and values of a large output.
    if (!this.pattern || text.length < this.shortest) return text;
    const whole = text.replace(this.pattern, MASK);
    return this.cuts(whole);
  }

  /** `value` with every string in it (object keys too) redacted; parts with nothing to blank are shared, not copied. */
  deep<T>(value: T): T {
    if (!this.pattern) return value;
    return this.walk(value, new Map()) as T;
  }

  /** `keys` remembers the keys seen: a list of 100,000 records has the same few keys in each. */
  private walk(value: unknown, keys: Map<string, string>): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const v = this.walk(value[i], keys);
        if (v !== value[i]) (out ??= value.slice())[i] = v;
      }
      return out ?? value;
    }
    const proto = Object.getPrototypeOf(value);
    // A Blob, a Date, a typed array: not text, and not ours to take apart.
    if (proto !== Object.prototype && proto !== null) return value;
    let changed = false;
    const entries = Object.entries(value).map(([k, v]) => {
      let key = keys.get(k);
      if (key === undefined) keys.set(k, (key = this.text(k)));
      const next = this.walk(v, keys);
      if (key !== k || next !== v) changed = true;
      return [key, next] as const;
    });
    return changed ? Object.fromEntries(entries) : value;
  }

  /** Blank the start of a secret's form left just before a cut, and the end of one just after it. */
  private cuts(text: string): string {
    const ranges: Array<[number, number]> = [];
    const before = (end: number) => {
      const hit = longest(this.prefixIndex(), text, end - MIN_FRAGMENT, (f, k) => text.startsWith(f.slice(0, k), end - k));
      if (hit) ranges.push([end - hit, end]);
    };
    const after = (start: number) => {
      const hit = longest(this.suffixIndex(), text, start, (f, k) => text.startsWith(f.slice(f.length - k), start));
      if (hit) ranges.push([start, start + hit]);
    };
    before(text.length);
    after(0);
    for (const mark of CUT_MARKS) {
      for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + mark.length)) {
        before(at);
        after(at + mark.length);
      }
    }
    return ranges.length ? blank(text, ranges) : text;
  }

  /** For each form and each length k of a prefix: the prefix's last MIN_FRAGMENT characters → (k, form). */
  private prefixIndex(): PieceIndex {
    return (this.prefixes ??= buildIndex(this.forms, (f, k) => f.slice(k - MIN_FRAGMENT, k)));
  }

  /** For each form and each length k of a suffix: the suffix's first MIN_FRAGMENT characters → (k, form). */
  private suffixIndex(): PieceIndex {
    return (this.suffixes ??= buildIndex(this.forms, (f, k) => f.slice(f.length - k, f.length - k + MIN_FRAGMENT)));
  }
}

/** Pieces of forms by MIN_FRAGMENT characters of theirs: each piece as (its length, its form). */
type PieceIndex = Map<string, Array<[number, string]>>;

function buildIndex(forms: readonly string[], keyOf: (form: string, k: number) => string): PieceIndex {
  const index: PieceIndex = new Map();
  for (const form of forms) {
    for (let k = MIN_FRAGMENT; k < form.length; k++) {
      const key = keyOf(form, k);
      const list = index.get(key);
      if (list) list.push([k, form]);
      else index.set(key, [[k, form]]);
    }
  }
  return index;
}

/** The longest piece (of at least MIN_FRAGMENT) of a form found at `at`, by a lookup on its MIN_FRAGMENT characters there. */
function longest(index: PieceIndex, text: string, at: number, fits: (form: string, k: number) => boolean): number {
  if (at < 0 || at + MIN_FRAGMENT > text.length) return 0;
  let best = 0;
  for (const [k, form] of index.get(text.slice(at, at + MIN_FRAGMENT)) ?? []) if (k > best && fits(form, k)) best = k;
  return best;
}

function blank(text: string, ranges: Array<[number, number]>): string {
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    out += text.slice(at, Math.max(at, start)) + (start >= at ? MASK : '');
    at = end;
  }
  return out + text.slice(at);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
