/** How the corpus writes money and dates: the formats the basic extractor must read back. */
import type { DateStyle, MoneyStyle } from './data';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function group(n: number, decimals: number, thousands: string, point: string): string {
  const [int, frac] = n.toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return frac ? `${grouped}${point}${frac}` : grouped;
}

export function formatMoney(n: number, style: MoneyStyle): string {
  switch (style) {
    case 'usd': return `$${group(n, 2, ',', '.')}`;
    case 'eur-de': return `${group(n, 2, '.', ',')} €`;
    case 'eur-en': return `€${group(n, 2, ',', '.')}`;
    case 'eur-code': return `EUR ${group(n, 2, ',', '.')}`;
    case 'gbp': return `£${group(n, 2, ',', '.')}`;
    case 'krw-sign': return `₩${group(n, 0, ',', '.')}`;
    case 'krw-won': return `${group(n, 0, ',', '.')}원`;
  }
}

export function formatDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-').map(Number);
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  switch (style) {
    case 'iso': return iso;
    case 'long-en': return `${MONTHS[m - 1]} ${d}, ${y}`;
    case 'dmy-slash': return `${dd}/${mm}/${y}`;
    case 'mdy-slash': return `${mm}/${dd}/${y}`;
    case 'dmy-dot': return `${dd}.${mm}.${y}`;
    case 'd-mon-y': return `${d} ${MONTHS[m - 1].slice(0, 3)} ${y}`;
    case 'ko': return `${y}년 ${m}월 ${d}일`;
    case 'ko-dot': return `${y}. ${m}. ${d}.`;
  }
}

/** The label words each template uses, so the corpus covers the label variants. */
export const EN_LABELS = [
  { number: 'Invoice No.', date: 'Date', due: 'Due Date', subtotal: 'Subtotal', tax: 'Tax', total: 'Total', from: '', to: 'Bill To' },
  { number: 'Invoice #', date: 'Issued', due: 'Payment due', subtotal: 'Net amount', tax: 'VAT', total: 'Amount due', from: 'From', to: 'To' },
  { number: 'Invoice Number', date: 'Invoice Date', due: 'Due', subtotal: 'Subtotal', tax: 'Sales tax', total: 'Total due', from: 'Seller', to: 'Customer' },
  { number: 'Invoice', date: 'Date', due: 'Pay by', subtotal: 'Sub-total', tax: 'Tax', total: 'TOTAL', from: '', to: 'Billed to' }
];
export const KO_LABELS = [
  { title: '청구서', number: '청구서 번호', date: '발행일', due: '납부기한', subtotal: '공급가액', tax: '부가세', total: '청구금액' },
  { title: '세금계산서', number: '계산서 번호', date: '작성일자', due: '지급기한', subtotal: '공급가액', tax: '세액', total: '합계' },
  { title: '거래명세서 겸 청구서', number: '송장 번호', date: '발행일', due: '지급기한', subtotal: '소계', tax: '부가세', total: '총액' },
  { title: '청구서', number: '청구서 번호', date: '작성일자', due: '납부기한', subtotal: '소계', tax: '부가세(10%)', total: '합계 금액' }
];
