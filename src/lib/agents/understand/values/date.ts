/**
 * Dates as people type them, to YYYY-MM-DD: ISO ("2026-03-01", also with / or . and a time after it),
 * "March 1, 2026", "1 March 2026", "Mar 1st", "2026년 3월 1일", "3월 1일", "today", "tomorrow", "오늘",
 * "내일", "in 3 days", "3일 후". A date without a year takes `now`'s year.
 *
 * Slashed dates: "03/01/2026" is March 1 in the US and 3 January in most of the world. When either
 * part is over 12 only one reading exists and it is taken; otherwise the answer is refused as ambiguous
 * and the person is asked for ISO (year-month-day), which is never ambiguous. Dotted "01.03.2026" is the
 * European day.month.year and is read that way.
 */

export type DateRead = { ok: true; value: string } | { ok: false; why: 'date' | 'dateAmbiguous' | 'dateInvalid' };

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12
};
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\\s+)?';

const pad = (n: number) => String(n).padStart(2, '0');

function localIso(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function addDays(now: Date, days: number): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return localIso(d);
}

function make(y: number, m: number, d: number): DateRead {
  if (m < 1 || m > 12 || d < 1 || d > 31) return { ok: false, why: 'dateInvalid' };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ok: false, why: 'dateInvalid' };
  return { ok: true, value: `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}` };
}

const RELATIVE: Array<[RegExp, number]> = [
  [/^(?:today|now|오늘|금일)$/, 0],
  [/^(?:tomorrow|tmrw|tmr|내일|명일)$/, 1],
  [/^(?:the day after tomorrow|day after tomorrow|모레|내일모레|내일 모레)$/, 2],
  [/^(?:yesterday|어제|어저께)$/, -1],
  [/^(?:the day before yesterday|그저께|그제)$/, -2]
];

function relative(t: string, now: Date): DateRead | undefined {
  for (const [pattern, days] of RELATIVE) if (pattern.test(t)) return { ok: true, value: addDays(now, days) };
  const inDays = /^in (\d{1,3}) days?$|^(\d{1,3}) days? (?:from now|later)$|^(\d{1,3})\s*일\s*(?:후|뒤)$/.exec(t);
  if (inDays) return { ok: true, value: addDays(now, Number(inDays[1] ?? inDays[2] ?? inDays[3])) };
  const inWeeks = /^in (\d{1,2}) weeks?$|^(\d{1,2})\s*주\s*(?:후|뒤)$/.exec(t);
  if (inWeeks) return { ok: true, value: addDays(now, 7 * Number(inWeeks[1] ?? inWeeks[2])) };
  return undefined;
}

function numeric(t: string): DateRead | undefined {
  // Korean dotted dates: "2026. 3. 2." (year first, spaces after the dots).
  const koDots = /^(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?$/.exec(t);
  if (koDots) return make(Number(koDots[1]), Number(koDots[2]), Number(koDots[3]));
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t\s].*)?$/.exec(t);
  if (iso) return make(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (compact) return make(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (dotted) return make(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const slashed = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t);
  if (slashed) {
    const a = Number(slashed[1]);
    const b = Number(slashed[2]);
    const y = Number(slashed[3]);
    if (a > 12 && b <= 12) return make(y, b, a);
    if (b > 12 && a <= 12) return make(y, a, b);
    if (a === b) return make(y, a, b);
    return { ok: false, why: a > 12 && b > 12 ? 'dateInvalid' : 'dateAmbiguous' };
  }
  return undefined;
}

function english(t: string, now: Date): DateRead | undefined {
  const year = '(?:,?\\s+(\\d{4}))?';
  const md = new RegExp(`^${WEEKDAY}${MONTH_NAME}\\.?\\s+${DAY}${year}$`).exec(t);
  if (md) return make(md[3] ? Number(md[3]) : now.getFullYear(), MONTHS[md[1]], Number(md[2]));
  const dm = new RegExp(`^${WEEKDAY}(?:the\\s+)?${DAY}(?:\\s+of)?\\s+${MONTH_NAME}\\.?${year}$`).exec(t);
  if (dm) return make(dm[3] ? Number(dm[3]) : now.getFullYear(), MONTHS[dm[2]], Number(dm[1]));
  return undefined;
}

function korean(t: string, now: Date): DateRead | undefined {
  const k = /^(?:(\d{4})\s*년\s*)?(\d{1,2})\s*월\s*(\d{1,2})\s*일(?:\s*\(?[월화수목금토일](?:요일)?\)?)?$/.exec(t);
  if (k) return make(k[1] ? Number(k[1]) : now.getFullYear(), Number(k[2]), Number(k[3]));
  return undefined;
}

const WEEKDAYS: Array<[RegExp, number]> = [
  [/^(?:sun(?:day)?|일요일)$/, 0], [/^(?:mon(?:day)?|월요일)$/, 1], [/^(?:tue(?:s(?:day)?)?|화요일)$/, 2], [/^(?:wed(?:nesday)?|수요일)$/, 3],
  [/^(?:thu(?:rs(?:day)?)?|목요일)$/, 4], [/^(?:fri(?:day)?|금요일)$/, 5], [/^(?:sat(?:urday)?|토요일)$/, 6]
];

/**
 * Weekdays: "Friday" / "금요일" is the next one after today; "this Friday" / "이번 주 금요일" the one in this
 * week (Monday to Sunday), "다음 주 금요일" the one in next week. English "next Friday" is read two ways
 * by people (the coming one, or the one a week later), so it is refused and asked again.
 */
function weekday(t: string, now: Date): DateRead | undefined {
  const m = /^(?:(this|이번\s*주|다음\s*주)\s*)?(\S+)$/.exec(t);
  if (!m) return undefined;
  const day = WEEKDAYS.find(([re]) => re.test(m[2]))?.[1];
  if (day === undefined) return undefined;
  const today = now.getDay();
  if (!m[1]) return { ok: true, value: addDays(now, ((day - today + 7) % 7) || 7) };
  const monday = (today + 6) % 7; // days since this week's Monday
  const offset = ((day + 6) % 7) - monday + (m[1].startsWith('다음') ? 7 : 0);
  return offset < 0 ? { ok: false, why: 'date' } : { ok: true, value: addDays(now, offset) };
}

/** The date `raw` names, or why it names none. */
export function readDate(raw: string, now: Date = new Date()): DateRead {
  const t = raw
    .trim()
    .toLowerCase()
    .replace(/^(?:on|the|by|from|until|till|since)\s+/, '')
    .replace(/(?:에|부터|까지|로|으로|이요|요)$/u, '')
    .replace(/[.!?。]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return relative(t, now) ?? numeric(t) ?? english(t, now) ?? korean(t, now) ?? weekday(t, now) ?? { ok: false, why: 'date' };
}
