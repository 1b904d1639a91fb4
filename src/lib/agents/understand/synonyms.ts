/**
 * Words that mean the same thing in the sandbox apps' domains, in English and Korean, as one concept
 * each ("supplier", "업체" and "vendors" are all `vendor`). Skill matching and field mentions compare
 * concepts, so a Korean request finds an English skill and "supplier" finds "Register vendor".
 */

/** concept → words and phrases (English words are stemmed when the table is built). */
export const CONCEPTS: Record<string, string[]> = {
  vendor: ['vendor', 'supplier', 'seller', 'provider', 'partner', 'contractor', '업체', '거래처', '공급업체', '공급사', '협력사', '벤더', '납품업체'],
  company: ['company', 'business', 'firm', 'corporation', '회사', '기업', '법인'],
  customer: ['customer', 'client', 'shopper', '고객', '손님', '구매자'],
  employee: ['employee', 'staff', 'worker', 'colleague', 'coworker', '직원', '사원', '임직원', '근로자'],
  create: ['register', 'registration', 'add', 'create', 'new', 'onboard', 'enroll', 'enrol', 'set up', 'sign up', 'insert', '등록', '추가', '생성', '신규', '만들'],
  invoice: ['invoice', 'bill', 'billing', '송장', '청구서', '인보이스', '계산서', '세금계산서', '청구'],
  unpaid: ['unpaid', 'outstanding', 'owe', 'owed', 'owing', 'overdue', 'due', 'open', 'pending', '미결제', '미지급', '미납', '연체', '미처리', '대기', '무급'],
  payment: ['pay', 'payment', 'paid', '지급', '결제', '납부', '지불'],
  payslip: ['payslip', 'pay slip', 'pay stub', 'paystub', 'salary', 'wage', 'payroll', 'earnings', 'paycheck', 'pay check', 'get paid', 'got paid', 'earn', 'earned', '급여', '월급', '급여명세서', '명세서', '급여 명세서', '월급명세서', '연봉', '봉급', '임금'],
  leave: ['leave', 'vacation', 'holiday', 'time off', 'day off', 'days off', 'pto', 'absence', 'annual leave', '휴가', '연차', '월차', '휴직', '반차', '결근', '쉬고', '쉬는', '쉬어', '쉴게', '쉴래'],
  vacation: ['vacation', 'holiday', 'holidays', 'annual leave', '휴가', '연차', '월차', '반차'],
  parental: ['parental', 'maternity', 'paternity', 'parental leave', '육아휴직', '출산휴가', '육아', '출산'],
  sick: ['sick', 'illness', 'ill', '병가', '아파', '아프'],
  approve: ['approve', 'approval', 'accept', 'sign off', '승인', '결재', '허가'],
  reject: ['reject', 'decline', 'deny', 'refuse', '거절', '반려', '거부'],
  refund: ['refund', 'reimburse', 'reimbursement', 'money back', 'give back', 'chargeback', 'return', 'broken', 'damaged', 'defective', 'faulty', '파손', '고장', '불량', '환불', '환급', '반품', '돌려'],
  order: ['order', 'purchase', 'po', '주문', '구매', '발주', '오더'],
  stock: ['stock', 'inventory', 'on hand', 'in stock', 'available', 'availability', 'left', 'do we have', 'any left', 'restock', 'replenish', 'warehouse', '재고', '입고', '보충', '창고'],
  product: ['product', 'item', 'article', 'sku', 'goods', 'merchandise', '상품', '제품', '품목', '물건'],
  ship: ['ship', 'shipping', 'shipment', 'delivery', 'deliver', 'dispatch', 'send out', 'track', 'tracking', 'parcel', 'package', 'courier', '배송', '배달', '출고', '택배', '운송', '송장번호'],
  show: ['show', 'list', 'view', 'see', 'display', 'look up', 'lookup', 'find', 'search', 'check', 'get', 'fetch', '보여', '조회', '알려', '목록', '찾아', '검색', '확인', '볼래', '보기', '봐줘'],
  mail: ['email', 'e-mail', 'mail', 'email address', 'e-mail address', 'inbox', 'mailbox', '메일', '이메일', '우편', '메일함', '이메일 주소'],
  send: ['send', 'forward', 'notify', 'reply', '보내', '전송', '발송', '알림', '회신'],
  message: ['message', 'note', 'text', '메시지', '문자', '메모'],
  address: ['address', 'street', 'street address', 'location', '주소', '소재지', '도로명'],
  country: ['country', 'nation', 'country code', '국가', '나라', '국적', '국가코드'],
  name: ['name', 'title', 'called', 'named', 'full name', '이름', '명칭', '상호', '성함', '업체명', '회사명', '거래처명', '상호명', '성명'],
  quantity: ['quantity', 'qty', 'count', 'number of', 'how many', 'pieces', 'units', 'unit', 'pcs', '수량', '개수', '갯수'],
  amount: ['amount', 'total', 'sum', 'price', 'cost', 'value', 'how much', 'fee', '금액', '가격', '합계', '총액', '비용', '단가', '액수'],
  date: ['date', 'day', 'when', '날짜', '일자', '기일', '날'],
  start: ['start', 'begin', 'beginning', 'first day', 'starting', '시작', '시작일', '첫날'],
  end: ['end', 'last day', 'finish', 'ending', '종료', '종료일', '마지막'],
  reason: ['reason', 'why', 'cause', 'purpose', 'comment', 'explanation', '사유', '이유', '원인', '목적', '설명'],
  id: ['id', 'identifier', 'number', 'code', 'no', 'ref', 'reference', '번호', '코드', '아이디', '식별자'],
  phone: ['phone', 'telephone', 'mobile', 'phone number', '전화', '전화번호', '연락처', '휴대폰', '핸드폰'],
  tax: ['tax', 'vat', 'tax id', 'vat number', '세금', '사업자번호', '사업자등록번호', '세금번호', '부가세'],
  currency: ['currency', '통화', '화폐'],
  month: ['month', 'monthly', '월별', '달'],
  update: ['change', 'update', 'edit', 'modify', 'correct', 'fix', 'amend', 'rename', '변경', '수정', '바꾸', '바꿔', '고쳐', '정정'],
  delete: ['delete', 'remove', 'erase', 'archive', '삭제', '제거'],
  cancel: ['cancel', 'cancellation', 'void', '취소', '철회'],
  status: ['status', 'state', 'progress', 'where is', 'where are', "where's", 'wheres', 'shipped', 'delivered', 'arrived', 'arrive', '도착', '배송중', '왔어', '안왔', '와요', '오나요', '상태', '진행', '현황', '어디'],
  department: ['department', 'team', 'dept', 'division', 'finance', 'accounting', 'sales', 'marketing', 'engineering', 'hr', 'legal', 'operations', '부서', '팀', '부문', '재무팀', '인사팀', '영업팀'],
  manager: ['manager', 'boss', 'supervisor', 'lead', '팀장', '관리자', '매니저', '상사', '부장'],
  balance: ['balance', 'remaining', 'left', '잔여', '남은', '잔액'],
  document: ['document', 'file', 'attachment', 'pdf', 'scan', '문서', '파일', '첨부'],
  person: ['person', 'people', 'user', '본인'],
  report: ['report', 'summary', 'overview', 'statement', '보고서', '요약', '리포트', '현황표']
};

/** Concepts that say what to do but not about what: alone they are not enough to choose a skill. */
export const GENERIC_CONCEPTS = new Set(['show', 'create', 'update', 'delete', 'send', 'person', 'cancel', 'approve', 'reject']);

/** Words that carry no meaning for matching. */
export const STOPWORDS = new Set(
  ('a an the to of in on at for by with and or is are was were be been it its this that these those our your you we i ' +
    'us can could would will shall should want wanna need like do does did please pls just some any what which who whom ' +
    'how there here so then than as into about up out if hi hello hey thanks thank okay ok let lets let\'s me mine my ' +
    'am im i\'m have has had get got one kindly now also again really very much more been being yet still already all ' +
    'they them their he she his her what\'s whats where when why may might must shall there\'s it\'s its')
    .split(' ')
);
/** Korean keys shorter than this (one syllable) match too much inside other words. */
const KO_MIN_SYLLABLES = 2;

/** Light English stemming: registering/registered/registration → regist, vendors → vendor, shipping → ship. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$|'$/, '');
  for (let pass = 0; pass < 2; pass++) {
    const before = w;
    for (const suffix of ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ies', 'ers', 'er', 'ed', 'es', 's']) {
      if (!w.endsWith(suffix)) continue;
      if (suffix === 's' && /(ss|us|is)$/.test(w)) continue;
      const base = w.slice(0, w.length - suffix.length);
      if (base.length < 3) continue;
      w = suffix === 'ies' ? base + 'y' : base;
      break;
    }
    if (w === before) break;
  }
  w = w.replace(/([bdfgmnprt])\1$/, '$1').replace(/e$/, '');
  return w.length > 6 ? w.slice(0, 6) : w;
}

interface Tables {
  /** stemmed single English word → concepts */
  word: Map<string, string[]>;
  /** English phrases of several words (lower-case) → concepts, longest first */
  phrases: Array<[string, string[]]>;
  /** Korean words → concepts, longest first */
  korean: Array<[string, string[]]>;
}

function build(): Tables {
  const word = new Map<string, string[]>();
  const phrases = new Map<string, string[]>();
  const korean = new Map<string, string[]>();
  for (const [concept, words] of Object.entries(CONCEPTS)) {
    for (const w of words) {
      if (/[\uac00-\ud7a3]/.test(w)) {
        const key = w.replace(/\s/g, '');
        if (key.length >= KO_MIN_SYLLABLES) korean.set(key, [...new Set([...(korean.get(key) ?? []), concept])]);
      } else if (/[\s-]/.test(w)) phrases.set(w, [...new Set([...(phrases.get(w) ?? []), concept])]);
      else {
        const s = stem(w);
        word.set(s, [...new Set([...(word.get(s) ?? []), concept])]);
      }
    }
  }
  return { word, phrases: [...phrases].sort((a, b) => b[0].length - a[0].length), korean: [...korean].sort((a, b) => b[0].length - a[0].length) };
}

export const TABLES = build();

/** Concepts of one stemmed English word. */
export function wordConcepts(stemmed: string): string[] {
  return TABLES.word.get(stemmed) ?? [];
}
