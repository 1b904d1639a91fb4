/**
 * The three harder layouts: (4) labels in a row above their values, quantity first in the table;
 * (5) the Korean e-tax-invoice grid (승인번호, 공급자/공급받는자 blocks, a tax column per line);
 * (6) a free-form email with the items and sums written in sentences.
 */
import type { Invoice } from './data';
import { formatDate, formatMoney } from './formats';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(2, n - [...s].reduce((w, c) => w + (/[\uac00-\ud7af]/.test(c) ? 2 : 1), 0)));

function bits(inv: Invoice) {
  const t = inv.truth;
  const m = (n: number) => formatMoney(n, inv.money);
  const d = (iso: string) => formatDate(iso, inv.date);
  const rate = `${Math.round(inv.taxRate * 10000) / 100}%`;
  const taxWord = t.currency === 'USD' ? 'Sales tax' : 'VAT';
  return { t, m, d, rate, taxWord };
}

/** Rows of cells: the layout both the HTML and the text versions follow. */
function rows(inv: Invoice): string[][] {
  const { t, m, d, rate, taxWord } = bits(inv);
  if (inv.template === 4) {
    return [
      [t.vendor], ['Unit 4, Riverside Park, Leeds LS1 1AA'], ['INVOICE'],
      ['Invoice Number', 'Invoice Date', 'Due Date'],
      [t.invoice_number, d(t.invoice_date), t.due_date ? d(t.due_date) : 'On receipt'],
      [`Bill to: ${inv.customer}`],
      ['Qty', 'Description', 'Unit Price', 'Line Total'],
      ...t.line_items.map((i) => [String(i.quantity), i.description, m(i.unit_price), m(i.amount)]),
      ['Net total', m(t.subtotal)], [`${taxWord} @ ${rate}`, m(t.tax)], ['Total (incl. tax)', m(t.total)], ['Balance due', m(t.total)]
    ];
  }
  if (inv.template === 5) {
    const [, mo, da] = t.invoice_date.split('-').map(Number);
    return [
      ['전자세금계산서'],
      ['승인번호', t.invoice_number],
      ['공급자', '등록번호', '214-86-12345', '공급받는자', '등록번호', '120-81-54321'],
      ['', '상호', t.vendor, '', '상호', inv.customer],
      ['작성일자', d(t.invoice_date), '공급가액', m(t.subtotal), '세액', m(t.tax)],
      ['월', '일', '품목', '수량', '단가', '공급가액', '세액'],
      ...t.line_items.map((i) => [String(mo), String(da), i.description, String(i.quantity), m(i.unit_price), m(i.amount), m(Math.round(i.amount * 0.1))]),
      ['합계금액', m(t.total), '이 금액을 청구함']
    ];
  }
  return [
    [`Subject: Invoice ${t.invoice_number} from ${t.vendor}`],
    [`Hello ${inv.customer} team,`],
    [`Please find below invoice ${t.invoice_number} for our recent work.`],
    [`Invoice date: ${d(t.invoice_date)}. ${t.due_date ? `Payment is due by ${d(t.due_date)}.` : 'Payment on receipt, please.'}`],
    ...t.line_items.map((i) => [`${i.quantity} x ${i.description} @ ${m(i.unit_price)} = ${m(i.amount)}`]),
    [`Subtotal: ${m(t.subtotal)}, ${taxWord.toLowerCase()} (${rate}): ${m(t.tax)}, total amount due: ${m(t.total)}.`],
    ['Kind regards,'], ['Jane Doe'], [t.vendor]
  ];
}

export function hardHtml(inv: Invoice): string {
  const table = (cells: string[][], cls = '') =>
    `<table class="${cls}">${cells.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`;
  const all = rows(inv);
  if (inv.template === 6) return `<div class="page letter">${all.map((r) => `<p>${esc(r[0])}</p>`).join('')}</div>`;
  if (inv.template === 4) {
    const items = all.slice(6, all.length - 4);
    return `<div class="page"><h1>${esc(all[0][0])}</h1><div class="muted">${esc(all[1][0])}</div><h2>INVOICE</h2>
      ${table(all.slice(3, 5), 'grid')}<p>${esc(all[5][0])}</p>${table(items, 'items')}${table(all.slice(-4), 'totals')}</div>`;
  }
  return `<div class="page"><h2>${esc(all[0][0])}</h2>${table(all.slice(1, 5), 'tax')}${table(all.slice(5, -1), 'items')}${table(all.slice(-1), 'totals')}</div>`;
}

export const HARD_CSS = `
  .grid td { border: 1px solid #999; padding: 4px 10px; } .grid tr:first-child td { font-weight: bold; background: #eee; }
  .items tr:first-child td { font-weight: bold; border-bottom: 2px solid #333; }
  .tax td { border: 1px solid #777; padding: 5px 8px; white-space: nowrap; } .letter p { margin: 6px 0; font-size: 15px; }
`;

export function hardText(inv: Invoice): string {
  const all = rows(inv);
  if (inv.template === 6) return `${all.map((r) => r[0]).join('\n')}\n`;
  const widths = inv.template === 4 ? [20, 28, 16, 16] : [10, 14, 18, 12, 14, 14, 12];
  return `${all.map((r) => r.map((c, k) => (k === r.length - 1 ? c : pad(c, widths[k] ?? 12))).join('')).join('\n')}\n`;
}
