/** Why an answer does not fit a field, in the person's language: the conversation asks again with it. */
import type { Lang } from '../lang';

const REASONS = {
  empty: { en: 'Please type a value.', ko: '값을 입력해 주세요.' },
  number: { en: 'That is not a number. Please answer with digits, like 3 or 12.5.', ko: '숫자가 아닙니다. 3이나 12.5처럼 숫자로 답해 주세요.' },
  boolean: { en: 'Please answer yes or no.', ko: '네 또는 아니요로 답해 주세요.' },
  date: { en: 'That is not a date I can read. Please write it like 2026-03-01.', ko: '날짜로 읽을 수 없습니다. 2026-03-01처럼 적어 주세요.' },
  dateAmbiguous: {
    en: 'That date could be read two ways. Please write it like 2026-03-01 (year-month-day).',
    ko: '두 가지로 읽힐 수 있는 날짜입니다. 2026-03-01(연-월-일)처럼 적어 주세요.'
  },
  dateInvalid: { en: 'That day does not exist in the calendar.', ko: '달력에 없는 날짜입니다.' },
  email: { en: 'That does not look like an email address (name@example.com).', ko: '이메일 주소 형식이 아닙니다(name@example.com).' },
  list: { en: 'Please give one or more values, separated by commas.', ko: '값을 하나 이상, 쉼표로 나누어 적어 주세요.' },
  items: {
    en: 'Please list each item with its values, like "2 x MUG-CER-01, 1 x TEE-ORG-M".',
    ko: '항목마다 값을 적어 주세요. 예: "MUG-CER-01 2개, TEE-ORG-M 1개".'
  },
  object: { en: 'Please give the values as "key: value, key2: value2".', ko: '"키: 값, 키2: 값2" 형식으로 적어 주세요.' },
  file: {
    en: 'A file cannot be typed in the chat. Please attach the file or drop it here.',
    ko: '파일은 채팅에 입력할 수 없습니다. 파일을 첨부하거나 여기에 끌어다 놓아 주세요.'
  }
} as const;

export type ReasonKey = keyof typeof REASONS;

export function reason(key: ReasonKey, lang: Lang): string {
  return REASONS[key][lang];
}

/** A reason about one item field of a list ("quantity: That is not a number…"). */
export function itemReason(field: string, inner: string, lang: Lang): string {
  return lang === 'ko' ? `${field} 값이 맞지 않습니다. ${inner}` : `The ${field} does not fit. ${inner}`;
}
