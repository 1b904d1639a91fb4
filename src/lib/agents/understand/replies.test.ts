import { describe, expect, it } from 'vitest';
import { detectLang } from './lang';
import { classifyReply, type Reply } from './replies';

const cases: Array<[string, Reply | null]> = [
  ['yes', 'yes'], ['Yes!', 'yes'], ['ok', 'yes'], ['OK.', 'yes'], ['okay', 'yes'], ['sure', 'yes'], ['yep', 'yes'],
  ['go ahead', 'yes'], ['Confirm', 'yes'], ['do it', 'yes'], ['yes please', 'yes'], ['ok, go ahead', 'yes'], ["that's right", 'yes'],
  ['네', 'yes'], ['예', 'yes'], ['응', 'yes'], ['좋아요', 'yes'], ['확인', 'yes'], ['진행해', 'yes'], ['네 진행해 주세요', 'yes'],
  ['진행해주세요', 'yes'], ['넵!', 'yes'], ['네, 맞아요', 'yes'],
  ['no', 'no'], ['No.', 'no'], ['nope', 'no'], ['no thanks', 'no'], ['아니요', 'no'], ['아니오', 'no'], ['아뇨', 'no'], ['아니', 'no'],
  ['👍', 'yes'], ['❌', 'no'],
  ['go for it', 'yes'], ["let's do it", 'yes'], ['yes — go ahead', 'yes'], ['맞습니다', 'yes'], ['ㅇㅋ', 'yes'],
  ['sure, go ahead and do it', 'yes'], ['네 등록해 주세요', 'yes'], ['응 해줘', 'yes'], ['yes, register it', 'yes'],
  ['등록해 주세요', null], ['환불해줘', null], ['wait', null], ['approve', null],
  ['i changed my mind', 'cancel'], ['취소할게요', 'cancel'], ['안 할래요', 'cancel'], ['그만할래', 'cancel'],
  ['cancel', 'cancel'], ['Cancel it', 'cancel'], ['stop', 'cancel'], ['never mind', 'cancel'], ['forget it', 'cancel'],
  ['취소', 'cancel'], ['취소해 주세요', 'cancel'], ['그만', 'cancel'], ['됐어', 'cancel'], ['no, cancel it', 'cancel'], ['아니 취소해', 'cancel'],
  // Not bare replies: corrections, requests, mixed answers.
  ['no, the address is 5 Elm St', null], ['아니, 주소는 서울시 강남구', null], ['yes but change the name', null],
  ['register a vendor', null], ['now', null], ['nothing', null], ['yesterday', null], ['yes no', null], ['', null],
  ['go back to the start', null], ['업체 등록해줘', null]
];

describe('classifyReply', () => {
  it.each(cases)('%j → %s', (text, expected) => expect(classifyReply(text)).toBe(expected));
});

describe('detectLang', () => {
  it.each([
    ['register a vendor', 'en'], ['업체 등록해줘', 'ko'], ['ORD-1003 환불해줘', 'ko'], ['12 Main St', 'en'], ['ㅇㅋ', 'ko']
  ] as const)('%s → %s', (text, lang) => expect(detectLang(text)).toBe(lang));
});
