/** Small readers of a request's words: amounts (also Korean units), team and channel names, slugs. */

/** "500", "1,000", "$2.5k", "100만", "1억 5천만" → a number; undefined when there is none. */
export function parseAmount(text: string): number | undefined {
  // A unit said without a number is one of it: "천만원" is 10,000,000, "백만" 1,000,000, "억" 100,000,000.
  const t = text.replace(/[,\s$€£₩]/g, '').replace(/(?<![\d.억천백십만])(억|천만|백만|십만|만|천)/g, '1$1').replace(/(\d+(?:\.\d+)?)백만/, (_, n) => `${Number(n) * 100}만`).replace(/(\d+(?:\.\d+)?)십만/, (_, n) => `${Number(n) * 10}만`);
  const korean = /^(?:(\d+(?:\.\d+)?)억)?(?:(\d+(?:\.\d+)?)천만)?(?:(\d+(?:\.\d+)?)만)?(?:(\d+(?:\.\d+)?)천)?(\d+(?:\.\d+)?)?(?:원)?$/.exec(t);
  if (korean && /[억만천]/.test(t)) {
    const [, eok, cheonman, man, cheon, rest] = korean;
    return (Number(eok ?? 0) * 1e8) + Number(cheonman ?? 0) * 1e7 + Number(man ?? 0) * 1e4 + Number(cheon ?? 0) * 1e3 + Number(rest ?? 0);
  }
  const plain = /^(\d+(?:\.\d+)?)(k|m)?/i.exec(t);
  if (!plain) return undefined;
  const scale = plain[2]?.toLowerCase() === 'k' ? 1e3 : plain[2]?.toLowerCase() === 'm' ? 1e6 : 1;
  return Number(plain[1]) * scale;
}

/** Korean team words and English ones, as the short names channels and assignees use. */
const TEAMS: Array<[RegExp, string]> = [
  [/재무|회계|경리|finance|accounting|accounts/i, 'finance'],
  [/인사|hr\b|people/i, 'hr'],
  [/영업|sales/i, 'sales'],
  [/운영|ops|operations/i, 'ops'],
  [/구매|purchasing|procurement/i, 'purchasing'],
  [/고객\s*지원|지원팀|support/i, 'support'],
  [/물류|창고|warehouse|logistics/i, 'warehouse'],
  [/팀장|관리자|매니저|담당자|책임자|manager|my boss|boss/i, 'manager']
];

export function teamName(words: string): string | undefined {
  for (const [pattern, name] of TEAMS) if (pattern.test(words)) return name;
  return undefined;
}

/** The channel a request names: "#finance", "the finance channel", "재무 채널", "재무팀에 알려". */
export function channelName(words: string): string | undefined {
  const hash = /#([A-Za-z0-9\uac00-\ud7a3][\w\uac00-\ud7a3-]*)/.exec(words);
  // "#cs에", "#물류로": a Korean particle after the name is not part of it.
  if (hash) return hash[1].replace(/(?<=[A-Za-z0-9_-])[\uac00-\ud7a3]+$/, '').replace(/(?<=[\uac00-\ud7a3])(?:에게|에서|으로|한테|에|로)$/, '').toLowerCase();
  const named = /\b(?:the\s+)?([A-Za-z][\w-]*)\s+channel\b/i.exec(words);
  if (named && !/^(the|a|chat|slack)$/i.test(named[1])) return named[1].toLowerCase();
  // "let the AP team know": a team the list below does not have is its own channel.
  const team = teamName(words);
  const other = /\bthe\s+([A-Za-z][\w-]*)\s+team\b/i.exec(words);
  return team ?? (other && !/^(the|a|whole|entire)$/i.test(other[1]) ? other[1].toLowerCase() : undefined);
}

/** A slug from the ASCII words of a text; `fallback` when it has none (a Korean request). */
export function slugOf(text: string, fallback: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .filter((w) => w && !/^(a|an|the|to|and|of|in|on|it|is|be|for|by|when|if|then)$/.test(w))
    .slice(0, 6)
    .join('-')
    .slice(0, 48)
    .replace(/-+$/, '');
  return /^[a-z0-9]/.test(slug) ? slug : fallback;
}

/** Whether the text is mostly Korean (Hangul syllables outnumber Latin letters). */
export function isKorean(text: string): boolean {
  const hangul = (text.match(/[\uac00-\ud7a3]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return hangul > latin;
}

/** Replace a matched span by spaces, so later rules do not read it again (positions stay). */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

/** `steps.ID` as JSONata reads it: an id with "-" in it is quoted (`steps.\`find-vendor\``). */
export function sref(id: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(id) ? `steps.${id}` : `steps.\`${id}\``;
}
