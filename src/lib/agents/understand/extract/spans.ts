/** What an extraction reads: a raw value for a field and where it was in the message. */
import { cleanValue } from '../text';

export interface Span {
  field: string;
  raw: string;
  start: number;
  end: number;
}

/** Korean request verbs at the end of a value: "DE로 등록해줘", "123으로 해 주세요". */
const KO_VERB_WORD = /^(?:(?:등록|추가|생성|신청|환불|변경|수정|조회|확인|처리|진행|바꿔|바꾸|부탁|보여|알려|찾아|넣어|입력|알려)\S*|해|해줘|해요|해주세요|주세요|줘|줘요|합니다|하고|싶어요|싶어|해줄래|할래|할게요|하자)$/u;
const EN_TRAIL = /\s+(?:please|for me|thanks|thank you|now|asap)$/i;

export function cleanRequestValue(raw: string): string {
  let words = raw.trim().split(/\s+/);
  while (words.length > 1 && KO_VERB_WORD.test(words[words.length - 1])) words = words.slice(0, -1);
  let t = words.join(' ');
  for (let i = 0; i < 2; i++) t = t.replace(EN_TRAIL, '').replace(/[\s,.;!?]+$/, '');
  return cleanValue(t);
}

/** Replace spans by spaces, so later readers do not read them again (positions stay). */
export function blank(text: string, spans: Array<{ start: number; end: number }>): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(Math.max(0, end - start)) + out.slice(end);
  return out;
}
