/** Small text helpers shared by the readers: quotes, punctuation, Hangul syllables and Korean particles. */

const HANGUL = /[\uac00-\ud7a3]/;

export function hasHangul(text: string): boolean {
  return HANGUL.test(text);
}

/** The final consonant (jongseong) index of a Hangul syllable: 0 none, 8 is ㄹ; undefined for anything else. */
export function jongseong(ch: string): number | undefined {
  const code = ch.charCodeAt(0) - 0xac00;
  if (code < 0 || code > 11171) return undefined;
  return code % 28;
}

const QUOTE_PAIRS: Array<[string, string]> = [['"', '"'], ["'", "'"], ['“', '”'], ['‘', '’'], ['「', '」'], ['『', '』'], ['`', '`'], ['«', '»']];

/** Trim, and drop quotes that wrap the whole text. */
export function unquote(text: string): string {
  let t = text.trim();
  for (const [open, close] of QUOTE_PAIRS) {
    if (t.length >= 2 && t.startsWith(open) && t.endsWith(close)) return t.slice(open.length, t.length - close.length).trim();
  }
  return t;
}

/** Words whose trailing dot belongs to them ("Acme Inc.", "5 Elm St."). */
const ABBREVIATIONS = /(?:^|[\s,])(?:inc|ltd|co|corp|st|ave|rd|dr|jr|sr|no|e\.g|i\.e|etc|pty|bv|ag|sa|sas|kk|gmbh|llc|plc)\.$/i;

/** Trailing sentence punctuation: "DE!" and "DE." become DE, while "Acme Inc." keeps its dot. */
export function trimPunct(text: string): string {
  let t = text.trim().replace(/[\s,;!?~…。！？]+$/u, '');
  if (t.endsWith('.') && !ABBREVIATIONS.test(t)) t = t.replace(/\.+$/, '');
  return t.trim();
}

/**
 * Is `particle` at the end of `word` a Korean particle (and not part of the word)? A particle's form
 * depends on the syllable before it: 으로/은/이 after a final consonant, 로/는/가 after a vowel (로 also
 * after ㄹ). After Latin letters or digits ("DE로", "ORD-1003이") any form is read as a particle.
 */
export function isParticleEnd(word: string, particle: string): boolean {
  if (!word.endsWith(particle) || word.length === particle.length) return false;
  const before = word.slice(0, word.length - particle.length);
  const last = before[before.length - 1];
  if (/[A-Za-z0-9)\]"'”’」』]/.test(last)) return !/\s$/.test(before);
  const j = jongseong(last);
  if (j === undefined) return false;
  switch (particle) {
    case '으로': case '은': case '이': case '을': case '과': case '이랑': case '이라고': case '이라는':
      return j !== 0 && !(particle === '으로' && j === 8);
    case '로':
      return j === 0 || j === 8;
    case '는': case '가': case '를': case '와': case '랑': case '라고': case '라는':
      return j === 0;
    default:
      return true;
  }
}

/** Drop one trailing particle of `particles` (longest first) when it really is one. */
export function stripParticle(word: string, particles: readonly string[]): string {
  for (const p of [...particles].sort((a, b) => b.length - a.length)) {
    if (isParticleEnd(word, p)) return word.slice(0, word.length - p.length).trim();
  }
  return word;
}

/** Copula and polite endings after a value: "한빛전자입니다", "DE요", "서울이에요". */
const COPULAS = ['입니다', '이에요', '예요', '이야', '이요', '라고요', '이라고요', '요', '야'];

export function stripCopula(text: string): string {
  const t = text.trim();
  for (const c of COPULAS) {
    if (!t.endsWith(c) || t.length === c.length) continue;
    const before = t.slice(0, t.length - c.length);
    const last = before[before.length - 1];
    if (/\s/.test(last)) continue;
    const j = jongseong(last);
    if (c === '이에요' || c === '이야' || c === '이요' || c === '이라고요') {
      if (j !== undefined && j === 0) continue; // 이 after a vowel-final syllable is part of the word
    }
    if (c === '예요' || c === '야' || c === '라고요') {
      if (j !== undefined && j !== 0) continue;
    }
    return before.trim();
  }
  return t;
}

/** The particles that end a Korean value in a correction or an answer. */
export const VALUE_PARTICLES = ['으로', '로', '은', '는', '이', '가', '을', '를'] as const;

/** A value as typed: unquoted, without trailing punctuation, and (in Korean) without a trailing particle. */
export function cleanValue(raw: string): string {
  let t = trimPunct(unquote(trimPunct(raw)));
  if (hasHangul(t) || /[A-Za-z0-9][\uac00-\ud7a3]+$/.test(t)) {
    t = stripCopula(t);
    t = stripParticle(t, VALUE_PARTICLES);
  }
  return unquote(trimPunct(t));
}

/** Lower-case, punctuation to spaces, spaces collapsed. */
export function squash(text: string): string {
  return text
    .toLowerCase()
    .replace(/[.,!?;:~…"'“”‘’`()[\]{}<>。！？、]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
