/** Invoice → HTML (four layouts per language) and → plain text (two layouts per language). */
import type { Invoice } from './data';
import { EN_LABELS, formatDate, formatMoney, KO_LABELS } from './formats';
import { HARD_CSS, hardHtml, hardText } from './hard-templates';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const ADDRESS_EN = ['12 Dock Road, Bristol BS1 4QA', '400 Market St, Suite 210, Denver, CO 80202', 'Hafenstraße 8, 20457 Hamburg', '9 Rue des Lilas, 75011 Paris'];
const ADDRESS_KO = ['서울특별시 중구 세종대로 110', '부산광역시 해운대구 센텀중앙로 79', '경기도 성남시 분당구 판교역로 235'];

function parts(inv: Invoice) {
  const t = inv.truth;
  const m = (n: number) => formatMoney(n, inv.money);
  const d = (iso: string) => formatDate(iso, inv.date);
  const rate = `${Math.round(inv.taxRate * 10000) / 100}%`;
  const address = (inv.lang === 'ko' ? ADDRESS_KO : ADDRESS_EN)[t.invoice_number.length % (inv.lang === 'ko' ? 3 : 4)];
  return { t, m, d, rate, address };
}

const CSS = `
  body { font-family: 'DejaVu Sans', 'Noto Sans CJK KR', sans-serif; color: #222; margin: 0; }
  .page { width: 760px; padding: 40px; box-sizing: border-box; }
  h1 { margin: 0 0 4px; font-size: 26px; } h2 { margin: 18px 0 8px; font-size: 20px; letter-spacing: 2px; }
  table { border-collapse: collapse; width: 100%; margin-top: 18px; }
  th, td { padding: 6px 8px; text-align: left; font-size: 14px; } td.n, th.n { text-align: right; }
  .items th { border-bottom: 2px solid #333; } .items td { border-bottom: 1px solid #ccc; }
  .meta td { padding: 2px 8px 2px 0; } .totals { width: 45%; margin-left: auto; } .totals td { padding: 3px 8px; }
  .grand td { font-weight: bold; border-top: 2px solid #333; } .muted { color: #555; font-size: 13px; }
  .two { display: flex; justify-content: space-between; gap: 30px; } .box { border: 1px solid #999; padding: 10px; flex: 1; }
  .band { background: #1f4e79; color: #fff; padding: 16px 40px; margin: -40px -40px 20px; }
`;

function itemsTable(inv: Invoice, heads: string[]): string {
  const { t, m } = parts(inv);
  const rows = t.line_items
    .map((i) => `<tr><td>${esc(i.description)}</td><td class="n">${i.quantity}</td><td class="n">${m(i.unit_price)}</td><td class="n">${m(i.amount)}</td></tr>`)
    .join('');
  return `<table class="items"><tr>${heads.map((h, k) => `<th${k ? ' class="n"' : ''}>${h}</th>`).join('')}</tr>${rows}</table>`;
}

function totalsTable(rows: Array<[string, string]>): string {
  return `<table class="totals">${rows.map(([l, v], k) => `<tr${k === rows.length - 1 ? ' class="grand"' : ''}><td>${l}</td><td class="n">${v}</td></tr>`).join('')}</table>`;
}

function htmlEn(inv: Invoice): string {
  const { t, m, d, rate, address } = parts(inv);
  const L = EN_LABELS[inv.template];
  const due = t.due_date ? d(t.due_date) : null;
  const tax = inv.template === 1 ? `${L.tax} ${rate}` : inv.template === 2 && t.tax === 0 ? `${L.tax} (exempt)` : L.tax;
  const totals = totalsTable([[L.subtotal, m(t.subtotal)], [tax, m(t.tax)], [L.total, m(t.total)]]);
  const heads = inv.template % 2 ? ['Item', 'Quantity', 'Price', 'Total'] : ['Description', 'Qty', 'Unit price', 'Amount'];
  const meta = [[L.number, t.invoice_number], [L.date, d(t.invoice_date)], ...(due ? [[L.due, due]] : [])];
  const metaTable = `<table class="meta">${meta.map(([l, v]) => `<tr><td>${l}:</td><td>${esc(v)}</td></tr>`).join('')}</table>`;
  switch (inv.template) {
    case 0:
      return `<div class="page"><h1>${esc(t.vendor)}</h1><div class="muted">${esc(address)}</div><h2>INVOICE</h2>
        <div class="two"><div>${metaTable}</div><div><b>${L.to}:</b><br>${esc(inv.customer)}</div></div>${itemsTable(inv, heads)}${totals}
        <p class="muted">Thank you for your business.</p></div>`;
    case 1:
      return `<div class="page"><div class="band"><h1>INVOICE</h1></div><div class="two"><div class="box"><b>${L.from}:</b><br>${esc(t.vendor)}<br>
        <span class="muted">${esc(address)}</span></div><div class="box"><b>${L.to}:</b><br>${esc(inv.customer)}</div></div>${metaTable}
        ${itemsTable(inv, heads)}${totals}</div>`;
    case 2:
      return `<div class="page"><h2>INVOICE</h2><p><b>${L.from}:</b> ${esc(t.vendor)}<br><span class="muted">${esc(address)}</span></p>
        <p><b>${L.to}:</b> ${esc(inv.customer)}</p>${metaTable}${itemsTable(inv, heads)}${totals}<p class="muted">Please quote the invoice number with your payment.</p></div>`;
    default:
      return `<div class="page"><h1>${esc(t.vendor)}</h1><div class="muted">${esc(address)}</div>
        <p><b>${L.number} ${esc(t.invoice_number)}</b> &nbsp;·&nbsp; ${L.date}: ${d(t.invoice_date)}${due ? ` &nbsp;·&nbsp; ${L.due}: ${due}` : ''}</p>
        <p>${L.to}: ${esc(inv.customer)}</p>${itemsTable(inv, heads)}${totals}</div>`;
  }
}

function htmlKo(inv: Invoice): string {
  const { t, m, d, address } = parts(inv);
  const L = KO_LABELS[inv.template];
  const meta = [[L.number, t.invoice_number], [L.date, d(t.invoice_date)], ...(t.due_date ? [[L.due, d(t.due_date)]] : [])];
  const metaTable = `<table class="meta">${meta.map(([l, v]) => `<tr><td>${l}:</td><td>${esc(v)}</td></tr>`).join('')}</table>`;
  const parties = `<div class="two"><div class="box"><b>공급자</b><br>상호: ${esc(t.vendor)}<br><span class="muted">${esc(address)}</span></div>
    <div class="box"><b>공급받는자</b><br>상호: ${esc(inv.customer)}</div></div>`;
  const totals = totalsTable([[L.subtotal, m(t.subtotal)], [L.tax, m(t.tax)], [L.total, m(t.total)]]);
  const heads = inv.template % 2 ? ['품명', '수량', '단가', '공급가액'] : ['품목', '수량', '단가', '금액'];
  const top = inv.template === 3 ? `<h1>${esc(t.vendor)}</h1><div class="muted">${esc(address)}</div><h2>${L.title}</h2>` : `<h2>${L.title}</h2>${parties}`;
  const customer = inv.template === 3 ? `<p>받는 분: ${esc(inv.customer)} 귀하</p>` : '';
  return `<div class="page">${top}${customer}${metaTable}${itemsTable(inv, heads)}${totals}<p class="muted">위 금액을 청구합니다.</p></div>`;
}

export function renderHtml(inv: Invoice, scanned: boolean): string {
  const body = inv.template >= 4 ? hardHtml(inv) : inv.lang === 'ko' ? htmlKo(inv) : htmlEn(inv);
  const scan = scanned
    ? `body { background: #e4e1da; } .page { background: #efede6; transform: rotate(${(inv.template - 1.5) * 0.35}deg); filter: blur(0.35px) contrast(0.92); }
       #noise { position: fixed; inset: 0; pointer-events: none; opacity: 0.16; mix-blend-mode: multiply; }`
    : '';
  const noise = scanned
    ? `<canvas id="noise" width="760" height="1100"></canvas><script>
        const c = document.getElementById('noise'), x = c.getContext('2d');
        let s = ${inv.truth.total.toFixed(0)} % 9973 + 7; const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
        const g = x.createLinearGradient(0, 0, 760, 1100); g.addColorStop(0, '#fff'); g.addColorStop(1, '#bbb');
        x.fillStyle = g; x.fillRect(0, 0, 760, 1100);
        for (let i = 0; i < 2500; i++) { const v = Math.floor(r() * 120); x.fillStyle = 'rgb(' + v + ',' + v + ',' + v + ')';
          x.fillRect(r() * 760, r() * 1100, 1 + r() * 1.5, 1 + r() * 1.5); }</script>`
    : '';
  return `<!doctype html><html lang="${inv.lang}"><head><meta charset="utf-8"><style>${CSS}${HARD_CSS}${scan}</style></head><body>${body}${noise}</body></html>`;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(1, n - width(s))) + s;
/** Hangul takes two columns in a terminal. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u11ff\uac00-\ud7af\u3130-\u318f]/.test(ch) ? 2 : 1), 0);

export function renderText(inv: Invoice): string {
  if (inv.template >= 4) return hardText(inv);
  const { t, m, d, rate, address } = parts(inv);
  const ko = inv.lang === 'ko';
  const L = ko ? KO_LABELS[inv.template] : EN_LABELS[inv.template];
  const heads = ko ? ['품목', '수량', '단가', '금액'] : ['Description', 'Qty', 'Unit price', 'Amount'];
  const rows = t.line_items.map((i) => pad(i.description, 30) + padStart(String(i.quantity), 6) + padStart(m(i.unit_price), 16) + padStart(m(i.amount), 16));
  const table = [pad(heads[0], 30) + padStart(heads[1], 6) + padStart(heads[2], 16) + padStart(heads[3], 16), '-'.repeat(68), ...rows, '-'.repeat(68)];
  const tax = ko ? L.tax : `${L.tax}${inv.template === 1 ? ` ${rate}` : ''}`;
  const totals = [[L.subtotal, m(t.subtotal)], [tax, m(t.tax)], [L.total, m(t.total)]].map(([l, v]) => padStart(`${l}:`, 50) + padStart(v, 18));
  const meta = [`${L.number}: ${t.invoice_number}`, `${L.date}: ${d(t.invoice_date)}`, ...(t.due_date ? [`${L.due}: ${d(t.due_date)}`] : [])];
  const head = ko
    ? inv.template % 2
      ? [(L as (typeof KO_LABELS)[number]).title, '', `공급자 상호: ${t.vendor}`, `주소: ${address}`, `공급받는자: ${inv.customer}`]
      : [t.vendor, address, '', (L as (typeof KO_LABELS)[number]).title, `받는 분: ${inv.customer} 귀하`]
    : inv.template % 2
      ? ['INVOICE', '', `From: ${t.vendor}`, `      ${address}`, `To:   ${inv.customer}`]
      : [t.vendor, address, '', 'INVOICE', `Bill to: ${inv.customer}`];
  const foot = ko ? '위 금액을 청구합니다.' : 'Payment terms: bank transfer. Thank you!';
  return [...head, '', ...meta, '', ...table, ...totals, '', foot, ''].join('\n');
}
