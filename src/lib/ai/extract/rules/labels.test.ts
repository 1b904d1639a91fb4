/** The label tables: each label variant, in English and Korean, leads to its field's value. */
import { describe, expect, it } from 'vitest';
import { extractBasic, invoiceValues } from '../basic-extract';
import { INVOICE_FIELDS } from '../fields';

const value = (text: string, field: string) => invoiceValues(text)[field]?.value ?? null;

describe('invoice number labels', () => {
  it.each([
    ['Invoice No.: A20719', 'A20719'],
    ['Invoice #: INV-2026-95333', 'INV-2026-95333'],
    ['Invoice Number  NW/96828', 'NW/96828'],
    ['INVOICE INV-4471 · Date: 2026-03-01', 'INV-4471'],
    ['Inv. no 5531', '5531'],
    ['송장 번호: HB-43893', 'HB-43893'],
    ['청구서 번호;   KR-29112', 'KR-29112'],
    ['계산서 번호:', null],
    ['계산서번호  No.65824', 'No.65824'],
    ['Invoice No.:\n10482', '10482'],
    ['INVOICE\nThank you', null]
  ])('%j → %s', (text, want) => expect(value(text, 'invoice_number')).toBe(want));
});

describe('date labels', () => {
  it.each([
    ['Date: 2026-03-01\nDue Date: 2026-03-31', '2026-03-01', '2026-03-31'],
    ['Invoice Date  March 1, 2026\nDue  March 31, 2026', '2026-03-01', '2026-03-31'],
    ['Issued: 01/03/2026\nPayment due: 31/03/2026\nTotal £1.00', '2026-03-01', '2026-03-31'],
    ['Date: 03/01/2026\nPay by: 03/31/2026\nTotal $1.00', '2026-03-01', '2026-03-31'],
    ['Invoice 1 · Date: 1 Mar 2026 · Pay by: 31 Mar 2026', '2026-03-01', '2026-03-31'],
    ['발행일: 2026년 3월 1일\n납부기한: 2026년 3월 31일', '2026-03-01', '2026-03-31'],
    ['작성일자: 2026. 3. 1.\n지급기한: 2026. 3. 31.', '2026-03-01', '2026-03-31'],
    ['작성일자:\n2026-03-01', '2026-03-01', null],
    ['Dated 2026-03-01, thanks', '2026-03-01', null]
  ])('%j', (text, date, due) => {
    expect(value(text, 'invoice_date')).toBe(date);
    expect(value(text, 'due_date')).toBe(due);
  });
});

describe('sum labels', () => {
  it.each([
    ['Subtotal  $100.00\nTax  $8.88\nTotal  $108.88', 100, 8.88, 108.88],
    ['Net amount: £100.00\nVAT 20%: £20.00\nAmount due: £120.00', 100, 20, 120],
    ['Sub-total 1.000,00 €\nVAT 19% 190,00 €\nTOTAL 1.190,00 €', 1000, 190, 1190],
    ['Subtotal $50.00\nSales tax (exempt)  $0.00\nTotal due $50.00', 50, 0, 50],
    ['공급가액  1,000,000원\n부가세  100,000원\n청구금액  1,100,000원', 1000000, 100000, 1100000],
    ['소계: ₩39,500\n세액: ₩3,950\n총액: ₩43,450', 39500, 3950, 43450],
    ['소계  932,000원\n부가세(10%)  93,200원\n합계 금액  1,025,200원', 932000, 93200, 1025200],
    ['Subtotal\n$10.00\nTax\n$1.00\nTotal\n$11.00', 10, 1, 11],
    ['Subtotal $10.00\nTotal $12.00', 10, 2, 12], // tax computed from the other two
    ['2371  1,028,500\n부가세  ₩102,850\n청구금액  ₩1,131,350', 1028500, 102850, 1131350] // an OCR-garbled 공급가액: computed
  ])('%j', (text, subtotal, tax, total) => {
    expect([value(text, 'subtotal'), value(text, 'tax'), value(text, 'total')]).toEqual([subtotal, tax, total]);
  });

  it('a table header "Total" or "공급가액" with no amount is not a sum, and the row below is not taken', () => {
    const text = '품명  수량  단가  공급가액\n사무용 의자  6  45,500원  273,000원\n공급가액  273,000원\n세액  27,300원\n합계  300,300원';
    expect([value(text, 'subtotal'), value(text, 'tax'), value(text, 'total')]).toEqual([273000, 27300, 300300]);
  });
});

describe('vendor', () => {
  it.each([
    ['Northwind Supplies Ltd.\n12 Dock Road\nINVOICE\nBill To: Orchard Street Cafe', 'Northwind Supplies Ltd.'],
    ['INVOICE\nFrom: Acme Tooling Inc.\nTo: Bright Ideas Studio', 'Acme Tooling Inc.'],
    ['INVOICE\nFrom:                 To:\nBlue Harbor Logistics GmbH      Orchard Street Cafe', 'Blue Harbor Logistics GmbH'],
    ['Seller: Maple & Finch Design LLP', 'Maple & Finch Design LLP'],
    ['세금계산서\n공급자  공급받는자\n상호: 푸른들식품  상호: 한결교육센터', '푸른들식품'],
    ['청구서\n공급자 상호: (주)한빛상사', '(주)한빛상사'],
    ['(주)새솔인쇄\n경기도 성남시 분당구 판교역로 235\n청구서\n받는 분: (주)수셰프랩 귀하', '(주)새솔인쇄']
  ])('%j → %s', (text, want) => expect(value(text, 'vendor')).toBe(want));
});

describe('line items: quantity × unit price = amount, in any table', () => {
  it.each([
    ['Website design  3  £173.33  £519.99\nOffice chairs  2  £252.61  £505.22', [['Website design', 3, 173.33, 519.99], ['Office chairs', 2, 252.61, 505.22]]],
    ['Catering lunch for 12   10   EUR 268.18   EUR 2,681.80', [['Catering lunch for 12', 10, 268.18, 2681.8]]],
    ['LED panel light  11  385,94 €  4.245,34 €', [['LED panel light', 11, 385.94, 4245.34]]],
    ['복사용지 A4  12  37,000원  444,000원', [['복사용지 A4', 12, 37000, 444000]]],
    ['1. Toner  2  $10.00  $20.00', [['Toner', 2, 10, 20]]],
    ['Toner  2  $10.00  $25.00', []],
    ['Subtotal  1  $10.00  $10.00', []]
  ])('%j', (text, want) => {
    const items = (value(text, 'line_items') ?? []) as Array<Record<string, unknown>>;
    expect(items.map((i) => [i.description, i.quantity, i.unit_price, i.amount])).toEqual(want);
  });
});

describe('harder layouts', () => {
  it('labels in a row above their values (a header grid), quantity first in the table', () => {
    const text = [
      'Atlas Cloud Services BV',
      'Invoice Number      Invoice Date      Due Date',
      'NW/20175            02/12/2026        On receipt',
      'Qty   Description          Unit Price   Line Total',
      '2     Cable ties pack      £437.32      £874.64',
      'Net total           £874.64',
      'VAT @ 20%           £174.93',
      'Total (incl. tax)   £1,049.57',
      'Balance due         £1,049.57'
    ].join('\n');
    const v = invoiceValues(text);
    expect(Object.fromEntries(Object.entries(v).map(([k, f]) => [k, f?.value ?? null]))).toEqual({
      vendor: 'Atlas Cloud Services BV',
      invoice_number: 'NW/20175',
      invoice_date: '2026-12-02',
      due_date: null,
      currency: 'GBP',
      subtotal: 874.64,
      tax: 174.93,
      total: 1049.57,
      line_items: [{ description: 'Cable ties pack', quantity: 2, unit_price: 437.32, amount: 874.64 }]
    });
  });

  it('the Korean e-tax-invoice grid: 승인번호, 공급자 block, sums on one line, a tax column per item', () => {
    const text = [
      '전자세금계산서',
      '승인번호  20260606-41006537-97982467',
      '공급자 등록번호  214-86-12345  공급받는자 등록번호  120-81-54321',
      '상호  (주)한빛상사  상호  다온카페',
      '작성일자  2026. 6. 6.  공급가액  419,000원  세액  41,900원',
      '월 일 품목  수량  단가  공급가액  세액',
      '6  6  컨설팅 용역  7  4,500원  31,500원  3,150원',
      '합계금액  _460,900원 _ 이 금액을 청구함'
    ].join('\n');
    const v = invoiceValues(text);
    expect([v.vendor?.value, v.invoice_number?.value, v.invoice_date?.value, v.subtotal?.value, v.tax?.value, v.total?.value]).toEqual([
      '(주)한빛상사', '20260606-41006537-97982467', '2026-06-06', 419000, 41900, 460900
    ]);
    expect(v.line_items?.value).toEqual([{ description: '컨설팅 용역', quantity: 7, unit_price: 4500, amount: 31500 }]);
  });

  it('a free-form email: items and sums in sentences', () => {
    const text = [
      'Subject: Invoice NW/61645 from Riverside Catering Ltd.',
      'Please find below invoice NW/61645 for our recent work.',
      'Invoice date: 07/26/2026. Payment is due by 08/09/2026.',
      '2 x Catering lunch for 12 @ $129.29 = $258.58',
      'Subtotal: $258.58, sales tax (8.875%): $22.95, total amount due: $281.53.'
    ].join('\n');
    const v = invoiceValues(text);
    expect([v.vendor?.value, v.invoice_number?.value, v.invoice_date?.value, v.due_date?.value]).toEqual([
      'Riverside Catering Ltd.', 'NW/61645', '2026-07-26', '2026-08-09'
    ]);
    expect([v.subtotal?.value, v.tax?.value, v.total?.value]).toEqual([258.58, 22.95, 281.53]);
    expect(v.line_items?.value).toEqual([{ description: 'Catering lunch for 12', quantity: 2, unit_price: 129.29, amount: 258.58 }]);
  });
});

describe('extractBasic', () => {
  it('returns every asked field, null with confidence 0 when not found, and says it is basic mode', () => {
    const result = extractBasic('Total $5.00', INVOICE_FIELDS, { reader: 'pdf' });
    expect(result.mode).toBe('basic');
    expect(result.reader).toBe('pdf');
    expect(Object.keys(result.fields)).toEqual(INVOICE_FIELDS.map((f) => f.name));
    expect(result.fields.total).toMatchObject({ value: 5, source: 'Total $5.00' });
    expect(result.fields.vendor).toEqual({ value: null, confidence: 0, source: null });
  });

  it('OCR confidence lowers the values’ confidence', () => {
    const text = 'Subtotal $10.00\nTax $1.00\nTotal $11.00';
    const sure = extractBasic(text, INVOICE_FIELDS).fields.total.confidence;
    const scan = extractBasic(text, INVOICE_FIELDS, { reader: 'ocr', ocrConfidence: 0.5 }).fields.total.confidence;
    expect(scan).toBeLessThan(sure);
  });

  it('custom fields are found by their name and description as labels, and read by type', () => {
    const text = 'PO Number: PO-7781\nDelivery date: 12/03/2026\nShipping: £12.50\nProject code  ALPHA-9\nTotal £100.00';
    const result = extractBasic(text, [
      { name: 'po_number', type: 'text' },
      { name: 'delivery_date', type: 'date' },
      { name: 'shipping_cost', type: 'money', description: 'shipping' },
      { name: 'project', type: 'text', description: 'project code' },
      { name: 'missing_field', type: 'text' }
    ]);
    expect(Object.fromEntries(Object.entries(result.fields).map(([k, v]) => [k, v.value]))).toEqual({
      po_number: 'PO-7781',
      delivery_date: '2026-03-12',
      shipping_cost: 12.5,
      project: 'ALPHA-9',
      missing_field: null
    });
    expect(result.fields.po_number.source).toBe('PO Number: PO-7781');
  });
});

describe('confidence and checks', () => {
  it('an unsure value is marked for a check; a sure one is not; nothing found is null, never a guess', () => {
    const result = extractBasic('Kestrel Bakery\nTotal $5.00\n2026-03-01', INVOICE_FIELDS);
    // The date has no label and the vendor is only the first line: both are there, both to check.
    expect(result.fields.invoice_date).toMatchObject({ value: '2026-03-01', check: true });
    expect(result.fields.vendor).toMatchObject({ value: 'Kestrel Bakery', check: true });
    expect(result.fields.total.check).toBeUndefined();
    expect(result.fields.invoice_number).toEqual({ value: null, confidence: 0, source: null });
  });

  it('a value below the guess floor is not given', () => {
    const result = extractBasic('Kestrel Bakery\nTotal $5.00', INVOICE_FIELDS, { reader: 'ocr', ocrConfidence: 0 });
    expect(result.fields.vendor.value).toBeNull();
    expect(result.fields.total.value).toBe(5);
  });
});

describe('custom fields with a format of their own', () => {
  it('an IBAN (check digits held) and a VAT id are found by their format', () => {
    const text = 'Muster GmbH\nUSt-IdNr.: DE 123 456 789\nIBAN: DE89 3704 0044 0532 0130 00\nKonto: DE88 3704 0044 0532 0130 00';
    const result = extractBasic(text, [
      { name: 'iban', type: 'text' },
      { name: 'vendor_vat_id', type: 'text' }
    ]);
    expect([result.fields.iban.value, result.fields.vendor_vat_id.value]).toEqual(['DE89370400440532013000', 'DE123456789']);
  });
});
