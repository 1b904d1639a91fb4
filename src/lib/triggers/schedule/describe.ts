/**
 * A schedule in words, in English or Korean: "Every 15 minutes" / "15분마다", a simple cron as a time
 * and days ("At 09:00 on Monday (Europe/Berlin)" / "월요일 09:00 (Europe/Berlin)"), any other cron as
 * its expression with the zone. Cron is always shown with its zone, since it runs on that wall clock.
 */
import type { ScheduleTrigger } from './types';
import { parseCron, type CronFields } from './cron';

export type ScheduleLang = 'en' | 'ko';

const UNITS = {
  en: { s: ['second', 'seconds'], m: ['minute', 'minutes'], h: ['hour', 'hours'], d: ['day', 'days'] },
  ko: { s: '초', m: '분', h: '시간', d: '일' }
} as const;
const WEEKDAYS = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  ko: ['일요일', '월요일', '화요일', '수요일', '목요일', '금요일', '토요일']
};
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const KO_EVERY_ONE = { s: '매초', m: '매분', h: '매시간', d: '매일' } as const;

/** The schedule in words; an invalid one is described by its text as written. */
export function describeSchedule(trigger: ScheduleTrigger, timeZone: string, lang: ScheduleLang): string {
  if (trigger.every !== undefined) return describeEvery(trigger.every, lang);
  const expression = (trigger.cron ?? '').trim();
  const parsed = parseCron(expression);
  const words = parsed.ok ? cronInWords(parsed.cron, lang) : null;
  return `${words ?? `cron "${expression}"`} (${timeZone})`;
}

function describeEvery(every: string, lang: ScheduleLang): string {
  const match = /^(\d+)(s|m|h|d)$/.exec(every.trim());
  if (!match) return lang === 'en' ? `Every ${every}` : `${every}마다`;
  const n = Number(match[1]);
  const unit = match[2] as 's' | 'm' | 'h' | 'd';
  // Day intervals count from midnight UTC (see schedule.ts); say so, since that is not local midnight.
  const anchor = unit === 'd' ? (lang === 'en' ? ', from 00:00 UTC' : ' (UTC 00:00 기준)') : '';
  if (lang === 'ko') return `${n === 1 ? KO_EVERY_ONE[unit] : `${n}${UNITS.ko[unit]}마다`}${anchor}`;
  return `${n === 1 ? `Every ${UNITS.en[unit][0]}` : `Every ${n} ${UNITS.en[unit][1]}`}${anchor}`;
}

const single = (field: string) => /^\d+$/.test(field);
const pad = (n: number) => String(n).padStart(2, '0');

/** Words for the common shapes of cron, or null to show the expression itself. */
function cronInWords(cron: CronFields, lang: ScheduleLang): string | null {
  const [min, hour, dom, month, dow] = cron.source;
  const anyDay = dom === '*' && month === '*' && dow === '*';
  if (anyDay && hour === '*') {
    if (min === '*') return lang === 'en' ? 'Every minute' : '매분';
    const step = /^\*\/(\d+)$/.exec(min);
    if (step && 60 % Number(step[1]) === 0) return lang === 'en' ? `Every ${step[1]} minutes` : `${step[1]}분마다`;
    if (single(min)) return lang === 'en' ? `At minute ${Number(min)} of every hour` : `매시 ${Number(min)}분`;
    return null;
  }
  if (anyDay && min === '0') {
    const step = /^\*\/(\d+)$/.exec(hour);
    if (step && 24 % Number(step[1]) === 0) return lang === 'en' ? `Every ${step[1]} hours` : `${step[1]}시간마다`;
  }
  if (!single(min) || !/^\d+(,\d+)*$/.test(hour) || cron.hours.length > 4) return null;
  const times = cron.hours.map((h) => `${pad(h)}:${pad(cron.minutes[0])}`);
  const at = lang === 'en' ? `At ${listOf(times, lang)}` : times.join(', ');
  const days = daysInWords(cron, lang);
  if (days === null) return null;
  if (lang === 'en') return days ? `${at} ${days}` : `${at} every day`;
  return `${days || '매일'} ${at}`;
}

/** "" for every day, words for the days, or null when they are not simple. */
function daysInWords(cron: CronFields, lang: ScheduleLang): string | null {
  const [, , dom, month, dow] = cron.source;
  if (dom === '*' && month === '*' && dow === '*') return '';
  if (dom === '*' && month === '*') {
    const days = [...cron.weekdays].sort((a, b) => a - b);
    const key = days.join(',');
    if (key === '1,2,3,4,5') return lang === 'en' ? 'on weekdays' : '평일';
    if (key === '0,6') return lang === 'en' ? 'on weekends' : '주말';
    const names = days.map((d) => WEEKDAYS[lang][d]);
    return lang === 'en' ? `on ${listOf(names, lang)}` : names.join(', ');
  }
  if (dow !== '*' || !/^\d+(,\d+)*$/.test(dom)) return null;
  const dates = [...cron.days].sort((a, b) => a - b);
  if (month === '*') {
    return lang === 'en' ? `on day ${listOf(dates.map(String), lang)} of the month` : `매월 ${dates.map((d) => `${d}일`).join(', ')}`;
  }
  if (!single(month) || dates.length !== 1) return null;
  const m = Number(month);
  return lang === 'en' ? `on ${MONTHS_EN[m - 1]} ${dates[0]}` : `매년 ${m}월 ${dates[0]}일`;
}

function listOf(items: string[], lang: ScheduleLang): string {
  if (lang === 'ko' || items.length < 2) return items.join(', ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
