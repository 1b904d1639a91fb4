/**
 * The invoices of the test corpus, as data: a seeded generator, so `make-invoices.ts` gives the same corpus
 * each time. Each invoice also knows how it is written (money and date styles, labels) so the templates can
 * render it in varied, realistic ways.
 */
export type Currency = 'USD' | 'EUR' | 'GBP' | 'KRW';
export type Lang = 'en' | 'ko';
export type Reader = 'text' | 'pdf' | 'ocr';

export interface LineItem {
  description: string;
  quantity: number;
  unit_price: number;
  amount: number;
}

/** The true fields (the INVOICE_FIELDS preset), as written to NAME.truth.json. */
export interface Truth {
  vendor: string;
  invoice_number: string;
  invoice_date: string;
  due_date: string | null;
  currency: Currency;
  subtotal: number;
  tax: number;
  total: number;
  line_items: LineItem[];
}

export type MoneyStyle = 'usd' | 'eur-de' | 'eur-en' | 'eur-code' | 'gbp' | 'krw-sign' | 'krw-won';
export type DateStyle = 'iso' | 'long-en' | 'dmy-slash' | 'mdy-slash' | 'dmy-dot' | 'd-mon-y' | 'ko' | 'ko-dot';

export interface Invoice {
  name: string;
  lang: Lang;
  reader: Reader;
  template: number;
  money: MoneyStyle;
  date: DateStyle;
  customer: string;
  taxRate: number;
  truth: Truth;
}

const EN_VENDORS = [
  'Northwind Supplies Ltd.', 'Acme Tooling Inc.', 'Blue Harbor Logistics GmbH', 'Maple & Finch Design LLP',
  'Contoso Office Partners', 'Greenfield Print Co.', 'Riverside Catering Ltd.', 'Atlas Cloud Services BV',
  'Keystone Electrical Inc.', 'Harbour Lane Stationers'
];
const EN_CUSTOMERS = ['Sous Demo Kitchen Ltd.', 'Bright Ideas Studio', 'Orchard Street Cafe', 'Summit Training Group'];
const KO_VENDORS = ['(주)한빛상사', '서울정밀 주식회사', '대한물류(주)', '푸른들식품', '(주)새솔인쇄', '바다소프트 주식회사'];
const KO_CUSTOMERS = ['(주)수셰프랩', '한결교육센터', '다온카페'];
const EN_ITEMS = [
  'Printer paper A4 (box)', 'Toner cartridge black', 'Consulting hours', 'Delivery charge', 'Office chairs',
  'Cloud hosting (monthly)', 'Cable ties pack', 'Catering lunch for 12', 'Website design', 'Safety gloves',
  'LED panel light', 'Training workshop'
];
const KO_ITEMS = ['복사용지 A4', '토너 카트리지', '컨설팅 용역', '배송비', '사무용 의자', '클라우드 호스팅', '케이블 타이', '도시락 12인분', '안전 장갑', '교육 워크숍'];

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** One invoice from the generator `r`: data drawn for the reader, language and template given. */
function makeOne(r: ReturnType<typeof rng>, reader: Reader, i: number, lang: Lang, currency: Currency, template: number): Invoice {
  const money: MoneyStyle =
    currency === 'USD' ? 'usd' : currency === 'GBP' ? 'gbp' : currency === 'KRW' ? (i % 2 ? 'krw-won' : 'krw-sign') : r.pick(['eur-de', 'eur-en', 'eur-code'] as const);
  const date: DateStyle =
    lang === 'ko' ? r.pick(['ko', 'ko-dot', 'iso'] as const)
    : currency === 'USD' ? r.pick(['iso', 'long-en', 'mdy-slash'] as const)
    : money === 'eur-de' ? r.pick(['dmy-dot', 'iso', 'd-mon-y'] as const)
    : r.pick(['dmy-slash', 'long-en', 'd-mon-y', 'iso'] as const);
  const taxRate = currency === 'KRW' ? 0.1 : currency === 'GBP' ? 0.2 : currency === 'EUR' ? r.pick([0.19, 0.21]) : r.pick([0.08875, 0.0725, 0]);
  const count = r.int(1, 5);
  const itemNames = lang === 'ko' ? KO_ITEMS : EN_ITEMS;
  const items: LineItem[] = [];
  const used = new Set<string>();
  while (items.length < count) {
    const description = r.pick(itemNames);
    if (used.has(description)) continue;
    used.add(description);
    const quantity = r.int(1, 12);
    const unit_price = currency === 'KRW' ? r.int(1, 90) * 1000 + r.pick([0, 500]) : round2(r.int(200, 45000) / 100);
    items.push({ description, quantity, unit_price, amount: round2(quantity * unit_price) });
  }
  const subtotal = round2(items.reduce((sum, item) => sum + item.amount, 0));
  const tax = currency === 'KRW' ? Math.round(subtotal * taxRate) : round2(subtotal * taxRate);
  const issued = new Date(Date.UTC(2026, r.int(0, 11), r.int(1, 28)));
  const due = r.next() < 0.8 ? new Date(issued.getTime() + r.pick([14, 30, 45]) * 86_400_000) : null;
  const prefix = lang === 'ko' ? r.pick(['KR-', 'No.', 'HB-']) : r.pick(['INV-', 'INV-2026-', '#', 'A', 'NW/']);
  const number = template === 5 ? `${iso(issued).replace(/-/g, '')}-4100${r.int(1000, 9999)}-${r.int(10000000, 99999999)}` : `${prefix.replace('#', '')}${r.int(100, 99999)}`;
  return {
    name: `${reader}-${String(i + 1).padStart(2, '0')}-${lang}`,
    lang, reader, template, money, date, taxRate,
    customer: r.pick(lang === 'ko' ? KO_CUSTOMERS : EN_CUSTOMERS),
    truth: {
      vendor: r.pick(lang === 'ko' ? KO_VENDORS : EN_VENDORS),
      invoice_number: number,
      invoice_date: iso(issued),
      due_date: template === 5 ? null : due ? iso(due) : null,
      currency, subtotal, tax, total: round2(subtotal + tax), line_items: items
    }
  };
}

/**
 * 45 invoices, 15 per reader (text, PDF, scanned image): 12 in the four common layouts (8 English, 4 Korean),
 * then 3 harder ones — labels above their values, the Korean e-tax-invoice grid, and a free-form email.
 */
export function makeInvoices(seed = 20260301): Invoice[] {
  const r = rng(seed);
  const out: Invoice[] = [];
  const readers: Reader[] = ['text', 'pdf', 'ocr'];
  let english = 0;
  for (const reader of readers) {
    for (let i = 0; i < 12; i++) {
      const lang: Lang = i % 3 === 2 ? 'ko' : 'en';
      const currency: Currency = lang === 'ko' ? 'KRW' : (['USD', 'EUR', 'GBP'] as const)[english++ % 3];
      out.push(makeOne(r, reader, i, lang, currency, i % 4));
    }
  }
  // A separate generator, so adding these left the first 36 as they were.
  const hard = rng(seed + 1);
  readers.forEach((reader, k) => {
    out.push(makeOne(hard, reader, 12, 'en', (['GBP', 'EUR', 'USD'] as const)[k], 4));
    out.push(makeOne(hard, reader, 13, 'ko', 'KRW', 5));
    out.push(makeOne(hard, reader, 14, 'en', (['USD', 'GBP', 'EUR'] as const)[k], 6));
  });
  return out;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
