import { describe, expect, it } from 'vitest';
import type { Field } from '../../../recipe';
import { parseFieldValue } from './index';

const NOW = new Date(2026, 1, 20, 10, 0, 0); // 2026-02-20, local time
const f = (type: Field['type'], extra: Partial<Field> = {}): Field => ({ name: 'value', type, ...extra });
const ITEMS: Field = { name: 'items', type: 'list', items: [{ name: 'sku', type: 'text' }, { name: 'quantity', type: 'number' }] };

type Case = [label: string, field: Field, raw: string, expected: unknown];

const ok: Case[] = [
  ['text trimmed', f('text'), '  Acme Ltd  ', 'Acme Ltd'],
  ['text unquoted', f('text'), '"Acme Ltd"', 'Acme Ltd'],
  ['text without "it is"', f('text'), "it's Acme Ltd", 'Acme Ltd'],
  ['text without "the name is"', { name: 'name', type: 'text' }, 'The name is Acme Trading!', 'Acme Trading'],
  ['text keeps Inc.', f('text'), 'Acme Office Supplies Inc.', 'Acme Office Supplies Inc.'],
  ['text Korean copula', f('text'), '한빛전자입니다', '한빛전자'],
  ['text Korean 요', f('text'), 'DE요', 'DE'],
  ['text Korean 이에요', f('text'), '서울시 강남구 테헤란로 123이에요', '서울시 강남구 테헤란로 123'],
  ['text without ", please"', f('text'), 'DE, please', 'DE'],
  ['text without "please use"', f('text'), 'Please use Acme', 'Acme'],
  ['text Korean label first', { name: 'name', type: 'text' }, '이름은 한빛이에요', '한빛'],
  ['text Korean 이요', f('text'), '독일이요', '독일'],
  ['text Korean name kept', f('text'), '김영희', '김영희'],
  ['number Korean 개요', f('number'), '3개요', 3],
  ['number Korean 주세요', f('number'), '2개 주세요', 2],
  ['number please', f('number'), '3 please', 3],
  ['text choice not mapped by meaning', { name: 'type', type: 'text', description: 'the kind of leave: vacation, sick, parental or unpaid' }, 'holiday', 'holiday'],
  ['text choice exact', { name: 'type', type: 'text', description: 'the kind of leave: vacation, sick, parental or unpaid' }, 'Parental', 'parental'],
  ['text not a listed choice stays', { name: 'type', type: 'text', description: 'the kind of leave: vacation, sick, parental or unpaid' }, 'training', 'training'],
  ['email', { name: 'email', type: 'text' }, 'billing@acme.example', 'billing@acme.example'],
  ['number plain', f('number'), '12', 12],
  ['number negative', f('number'), '-3', -3],
  ['number decimal', f('number'), '12.5', 12.5],
  ['number thousands', f('number'), '1,200', 1200],
  ['number European', f('number'), '1.200,50', 1200.5],
  ['number decimal comma', f('number'), '12,5', 12.5],
  ['number Korean counter', f('number'), '3개', 3],
  ['number units', f('number'), '3 units', 3],
  ['number currency', f('number'), '€20', 20],
  ['number currency code', f('number'), '20 EUR', 20],
  ['number 만', f('number'), '100만', 1000000],
  ['number "it is"', f('number'), "it's 4", 4],
  ['boolean yes', f('boolean'), 'yes', true],
  ['boolean false', f('boolean'), 'false', false],
  ['boolean 네', f('boolean'), '네', true],
  ['boolean 아니요', f('boolean'), '아니요', false],
  ['date ISO', f('date'), '2026-03-01', '2026-03-01'],
  ['date ISO with time', f('date'), '2026-03-01T09:00', '2026-03-01'],
  ['date slashes ISO order', f('date'), '2026/3/1', '2026-03-01'],
  ['date English month first', f('date'), 'March 1, 2026', '2026-03-01'],
  ['date English day first', f('date'), '1 March 2026', '2026-03-01'],
  ['date ordinal', f('date'), 'the 1st of March 2026', '2026-03-01'],
  ['date no year', f('date'), 'Mar 5', '2026-03-05'],
  ['date US unambiguous', f('date'), '03/21/2026', '2026-03-21'],
  ['date day first unambiguous', f('date'), '21/03/2026', '2026-03-21'],
  ['date dotted European', f('date'), '01.03.2026', '2026-03-01'],
  ['date today', f('date'), 'today', '2026-02-20'],
  ['date tomorrow', f('date'), 'Tomorrow', '2026-02-21'],
  ['date 오늘', f('date'), '오늘', '2026-02-20'],
  ['date 내일', f('date'), '내일', '2026-02-21'],
  ['date 모레', f('date'), '모레', '2026-02-22'],
  ['date in 10 days', f('date'), 'in 10 days', '2026-03-02'],
  ['date 3일 후', f('date'), '3일 후', '2026-02-23'],
  ['date Korean full', f('date'), '2026년 3월 1일', '2026-03-01'],
  ['date Korean no year', f('date'), '3월 1일', '2026-03-01'],
  ['date Korean particle', f('date'), '3월 1일로', '2026-03-01'],
  ['date Korean dots', f('date'), '2026. 3. 2.', '2026-03-02'],
  ['date weekday (next one)', f('date'), 'Monday', '2026-02-23'],
  ['date weekday on', f('date'), 'on Friday', '2026-02-27'],
  ['date same weekday is a week on', f('date'), 'Friday', '2026-02-27'],
  ['date this weekday', f('date'), 'this Sunday', '2026-02-22'],
  ['date 금요일', f('date'), '금요일', '2026-02-27'],
  ['date 이번 주 토요일', f('date'), '이번 주 토요일', '2026-02-21'],
  ['date 다음 주 월요일', f('date'), '다음 주 월요일에', '2026-02-23'],
  ['date 다음주 금요일', f('date'), '다음주 금요일', '2026-02-27'],
  ['list commas', f('list'), 'a, b, c', ['a', 'b', 'c']],
  ['list and', f('list'), 'finance and ops', ['finance', 'ops']],
  ['list 및', f('list'), '재무 및 인사', ['재무', '인사']],
  ['list lines', f('list'), '- one\n- two', ['one', 'two']],
  ['list JSON', f('list'), '["x","y"]', ['x', 'y']],
  ['items N x CODE', ITEMS, '2 x MUG-CER-01', [{ sku: 'MUG-CER-01', quantity: 2 }]],
  ['items CODE x N', ITEMS, 'MUG-CER-01 x 2', [{ sku: 'MUG-CER-01', quantity: 2 }]],
  ['items CODE N개', ITEMS, 'MUG-CER-01 2개', [{ sku: 'MUG-CER-01', quantity: 2 }]],
  ['items 2x', ITEMS, '2x MUG-CER-01', [{ sku: 'MUG-CER-01', quantity: 2 }]],
  ['items two with and', ITEMS, '2 MUG-CER-01 and 1 TEE-ORG-M', [{ sku: 'MUG-CER-01', quantity: 2 }, { sku: 'TEE-ORG-M', quantity: 1 }]],
  ['items Korean 랑', ITEMS, 'MUG-CER-01 2개랑 TEE-ORG-M 1개', [{ sku: 'MUG-CER-01', quantity: 2 }, { sku: 'TEE-ORG-M', quantity: 1 }]],
  ['items keyed', ITEMS, 'sku MUG-CER-01 quantity 2', [{ sku: 'MUG-CER-01', quantity: 2 }]],
  ['items keyed colon, two', ITEMS, 'sku: MUG-CER-01, quantity: 2, sku: TEE-ORG-L, quantity: 1', [{ sku: 'MUG-CER-01', quantity: 2 }, { sku: 'TEE-ORG-L', quantity: 1 }]],
  ['items CODE: N', ITEMS, 'MUG-CER-01: 2', [{ sku: 'MUG-CER-01', quantity: 2 }]],
  ['items xN pairs', ITEMS, 'MUG-CER-01 x2, TEE-ORG-M x1', [{ sku: 'MUG-CER-01', quantity: 2 }, { sku: 'TEE-ORG-M', quantity: 1 }]],
  ['items JSON', ITEMS, '[{"sku":"MUG-CER-01","quantity":2}]', [{ sku: 'MUG-CER-01', quantity: 2 }]],
  ['items JSON number as text', ITEMS, '[{"sku":"MUG-CER-01","quantity":"2"}]', [{ sku: 'MUG-CER-01', quantity: 2 }]],
  ['items default quantity', { name: 'items', type: 'list', items: [{ name: 'sku', type: 'text' }, { name: 'quantity', type: 'number', default: 1 }] }, 'MUG-CER-01', [{ sku: 'MUG-CER-01', quantity: 1 }]],
  ['object JSON', f('object'), '{"a":1}', { a: 1 }],
  ['object pairs', f('object'), 'city: Seoul, zip: 06236', { city: 'Seoul', zip: '06236' }]
];

const wrong: Case[] = [
  ['text empty', f('text'), '   ', 'Please type a value.'],
  ['number word', f('number'), 'two', 'That is not a number. Please answer with digits, like 3 or 12.5.'],
  ['number Korean word', f('number'), '두 개', '숫자가 아닙니다. 3이나 12.5처럼 숫자로 답해 주세요.'],
  ['number with text', f('number'), '3 mugs and a pen', 'That is not a number. Please answer with digits, like 3 or 12.5.'],
  ['number approximate', f('number'), 'about 3', 'That is not a number. Please answer with digits, like 3 or 12.5.'],
  ['number code', f('number'), 'MUG-CER-01', 'That is not a number. Please answer with digits, like 3 or 12.5.'],
  ['email not an email', { name: 'email', type: 'text' }, 'bob', 'That does not look like an email address (name@example.com).'],
  ['boolean maybe', f('boolean'), 'maybe', 'Please answer yes or no.'],
  ['date nonsense', f('date'), 'soon', 'That is not a date I can read. Please write it like 2026-03-01.'],
  ['date ambiguous', f('date'), '03/01/2026', 'That date could be read two ways. Please write it like 2026-03-01 (year-month-day).'],
  ['date Feb 30', f('date'), '2026-02-30', 'That day does not exist in the calendar.'],
  ['date next weekday is unclear', f('date'), 'next Friday', 'That is not a date I can read. Please write it like 2026-03-01.'],
  ['date this week already gone', f('date'), 'this Monday', 'That is not a date I can read. Please write it like 2026-03-01.'],
  ['date Korean nonsense', f('date'), '언젠가', '날짜로 읽을 수 없습니다. 2026-03-01처럼 적어 주세요.'],
  ['items word quantity', ITEMS, 'two MUG-CER-01', 'Please list each item with its values, like "2 x MUG-CER-01, 1 x TEE-ORG-M".'],
  ['items no quantity', ITEMS, 'MUG-CER-01', 'Please list each item with its values, like "2 x MUG-CER-01, 1 x TEE-ORG-M".'],
  ['items two numbers', ITEMS, '2 3 MUG-CER-01', 'Please list each item with its values, like "2 x MUG-CER-01, 1 x TEE-ORG-M".'],
  ['items one without quantity', ITEMS, '2 x MUG-CER-01 and TEE-ORG-M', 'Please list each item with its values, like "2 x MUG-CER-01, 1 x TEE-ORG-M".'],
  ['items Korean word quantity', ITEMS, 'MUG-CER-01 두 개', 'Please list each item with its values, like "2 x MUG-CER-01, 1 x TEE-ORG-M".'],
  ['items Korean no quantity', ITEMS, 'MUG-CER-01 몇 개', '항목마다 값을 적어 주세요. 예: "MUG-CER-01 2개, TEE-ORG-M 1개".'],
  ['object not pairs', f('object'), 'just words', 'Please give the values as "key: value, key2: value2".'],
  ['file typed', f('file'), 'invoice.pdf', 'A file cannot be typed in the chat. Please attach the file or drop it here.'],
  ['file typed Korean', f('file'), '송장.pdf', '파일은 채팅에 입력할 수 없습니다. 파일을 첨부하거나 여기에 끌어다 놓아 주세요.']
];

describe('parseFieldValue', () => {
  it.each(ok)('%s', (_label, field, raw, expected) => {
    expect(parseFieldValue(field, raw, 'en', NOW)).toEqual({ ok: true, value: expected });
  });
  it.each(wrong)('refuses: %s', (_label, field, raw, expected) => {
    const lang = /[\uac00-\ud7a3]/.test(String(expected)) ? 'ko' : 'en';
    expect(parseFieldValue(field, raw, lang, NOW)).toEqual({ ok: false, reason: expected });
  });
});
