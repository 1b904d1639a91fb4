/**
 * The language the copilot answers in: the request's (any Hangul word makes it Korean, as the agents
 * read it), or for an answer with no request (explain, failure advice) the studio's. Every sentence the
 * copilot writes is given in both languages where it is made, so a rule cannot forget one.
 */
export type Lang = 'en' | 'ko';

/** A sentence or a step name in English and in Korean. */
export type Said = readonly [en: string, ko: string];

/** Korean when the words hold a Hangul word (names, codes and URLs in Korean requests are often Latin). */
export function langOf(words: string): Lang {
  return /[\uac00-\ud7a3]{2,}/.test(words) ? 'ko' : 'en';
}

export function pick(lang: Lang, said: Said): string {
  return lang === 'ko' ? said[1] : said[0];
}

/** The things a request talks about, in Korean words (the concept's own name in English). */
const CONCEPT_KO: Record<string, string> = {
  vendor_name: '거래처 이름',
  vendor_email: '거래처 이메일',
  vendor_id: '거래처 ID',
  invoice_id: '송장 ID',
  invoice_number: '송장 번호',
  order_id: '주문 ID',
  employee_id: '직원 ID',
  leave_id: '휴가 신청 ID',
  email: '이메일 주소',
  text: '텍스트',
  document: '문서',
  total: '합계',
  quantity: '수량',
  stock: '재고',
  key: '찾을 값',
  lines: '항목 목록'
};

/** A concept as a person reads it: "vendor name" / "거래처 이름". */
export function conceptWords(lang: Lang, concept: string): string {
  return lang === 'ko' ? (CONCEPT_KO[concept] ?? concept.replace(/_/g, ' ')) : concept.replace(/_/g, ' ');
}
