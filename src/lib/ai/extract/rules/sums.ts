/**
 * The invoice's sums, checked against each other: net + tax = gross picks the gross among the amounts
 * labelled total (and the net and tax among theirs); without a check, the largest amount labelled total.
 * A sum that fails the check is kept with a lower confidence; one missing is computed from the other two
 * only where they agree, and says so in its source.
 */
import { findAmounts, round2, sameMoney } from './amounts';
import type { Found } from './found';
import type { LineItem } from './line-items';
import { sumTables, type SumRole } from './sum-table';
import { sumCandidates, type SumCandidate } from './values';

export interface Sums {
  subtotal: Found<number> | null;
  tax: Found<number> | null;
  total: Found<number> | null;
}

const found = (c: SumCandidate, value: number, confidence: number): Found<number> => ({ value, confidence, source: c.source });
const sum = (xs: number[]) => round2(xs.reduce((s, x) => s + x, 0));

/** A pair net + tax = gross among the candidates' amounts, the labelled picks first. */
function checked(nets: SumCandidate[], taxes: SumCandidate[], totals: SumCandidate[]): Sums | null {
  // Several tax lines (one per rate) add up to the tax.
  const taxOptions: Array<{ c: SumCandidate; value: number }> = taxes.flatMap((c) => [c.value, ...c.amounts].map((value) => ({ c, value })));
  if (taxes.length > 1) taxOptions.push({ c: { ...taxes[0], source: taxes.map((t) => t.source).join(' + ') }, value: sum(taxes.map((t) => t.value)) });
  // A zero tax checks out only where no real one does ("0,00" stands in many a tax table's exempt row).
  taxOptions.sort((a, b) => Number(a.value === 0) - Number(b.value === 0));
  for (const g of [...totals].sort((a, b) => b.value - a.value)) {
    for (const n of nets) {
      for (const netValue of [n.value, ...n.amounts]) {
        // Tax is a part of the net (no VAT rate is 100%), so "0 + 100 = 100" or "40 + 180 = 220" is no check.
        if (netValue <= 0) continue;
        const t = taxOptions.find((o) => o.value >= 0 && o.value < netValue && sameMoney(round2(netValue + o.value), g.value));
        if (t) return { subtotal: found(n, netValue, 0.97), tax: found(t.c, t.value, 0.97), total: found(g, g.value, 0.97) };
      }
    }
  }
  return null;
}

/** A summary row with its three sums side by side: "Razem  1 000,00  230,00  1 230,00". */
function row(candidates: SumCandidate[]): Sums | null {
  for (const c of candidates) {
    const a = c.amounts;
    for (let i = 0; i + 2 < a.length; i++) {
      if (a[i] > 0 && a[i + 1] >= 0 && a[i + 1] < a[i] && sameMoney(round2(a[i] + a[i + 1]), a[i + 2])) {
        return { subtotal: found(c, a[i], 0.9), tax: found(c, a[i + 1], 0.9), total: found(c, a[i + 2], 0.9) };
      }
    }
  }
  return null;
}

/** The sums of the tax summary tables as candidates, before the labelled ones (a table's columns say more). */
function tableCandidates(lines: readonly string[]): Record<SumRole, SumCandidate[]> {
  const out: Record<SumRole, SumCandidate[]> = { net: [], tax: [], gross: [] };
  for (const t of sumTables(lines)) {
    for (const role of ['net', 'tax', 'gross'] as const) {
      const value = t[role];
      if (value !== undefined) out[role].push({ value, confidence: t.checked ? 0.95 : 0.85, source: t.source, amounts: [value], line: t.line });
    }
  }
  return out;
}

/** A credit note prints its sums below zero; its net, tax and gross are those amounts, so read them unsigned. */
function unsigned(candidates: SumCandidate[]): SumCandidate[] {
  return candidates.map((c) => ({ ...c, value: Math.abs(c.value), amounts: c.amounts.map(Math.abs) }));
}

/** A computed sum the page prints somewhere is surer than one it does not: the line that shows it. */
function shownOn(lines: readonly string[], value: number, read: ReadonlyArray<Found<number> | null>): string | null {
  const money = (a: { raw: string; currency?: string }) => a.currency !== undefined || /[.,]\d{2}$/.test(a.raw);
  // Not on a line a read sum came from: "Total 1,200.00" does not show a subtotal of 1,200.00.
  const used = read.flatMap((f) => f?.source?.split(' / ') ?? []);
  return lines.find((line) => !used.includes(line.trim()) && findAmounts(line).some((a) => money(a) && sameMoney(a.value, value)))?.trim() ?? null;
}

/** Tax withheld from what is paid (Spanish IRPF, Italian ritenuta d'acconto, a "retención"). */
const WITHHELD = /(?:^|[^\p{L}])(?:irpf|retenci[oó]n|ritenuta)(?!\p{L})/iu;

/** "Base 350,00 · IVA 73,50 · IRPF −52,50 · Total 371,00": net + tax − withheld = the total to pay. */
function afterWithholding(lines: readonly string[], nets: SumCandidate[], taxes: SumCandidate[], totals: SumCandidate[]): Sums | null {
  for (const line of lines.filter((l) => WITHHELD.test(l))) {
    const amount = findAmounts(line).filter((a) => a.currency || /[.,]\d{2}$/.test(a.raw)).pop();
    if (!amount || amount.value === 0) continue;
    const w = Math.abs(amount.value);
    const sure = checked(nets, taxes, totals.map((g) => ({ ...g, value: round2(g.value + w) })));
    if (sure?.total) return { ...sure, total: { ...sure.total, value: round2(sure.total.value - w), source: `${sure.total.source} (${line.trim()})`, confidence: 0.9 } };
  }
  return null;
}

export function invoiceSums(lines: readonly string[], items: Found<LineItem[]> | null): Sums {
  const table = tableCandidates(lines);
  // A table whose own columns add up comes before the labelled sums; one that does not, after them.
  const ordered = (t: SumCandidate[], labelled: SumCandidate[]) => [...t.filter((c) => c.confidence >= 0.95), ...labelled, ...t.filter((c) => c.confidence < 0.95)];
  let nets = ordered(table.net, sumCandidates(lines, 'subtotal'));
  let taxes = ordered(table.tax, sumCandidates(lines, 'tax'));
  let totals = ordered(table.gross, sumCandidates(lines, 'total'));
  if (totals.length > 0 && totals.every((t) => t.value < 0)) [nets, taxes, totals] = [unsigned(nets), unsigned(taxes), unsigned(totals)];
  const sure = checked(nets, taxes, totals) ?? row([...totals, ...nets]) ?? afterWithholding(lines, nets, taxes, totals);
  if (sure) return sure;

  // The largest amount labelled total is the gross (a "Total" of one page or one rate is smaller).
  const gross = [...totals].sort((a, b) => b.value - a.value)[0];
  let total = gross ? found(gross, gross.value, totals.length === 1 ? 0.85 : 0.8) : null;
  let subtotal = nets[0] ? found(nets[0], nets[0].value, 0.85) : null;
  let tax = taxes[0] ? found(taxes[0], taxes[0].value, 0.8) : null;
  const read = [subtotal, tax, total];
  if (subtotal && tax && total) {
    // All three read but they do not add up: one of them is wrong, and nobody can tell which.
    total.confidence = 0.55;
    subtotal.confidence = 0.5;
    tax.confidence = 0.45;
  } else if (subtotal && total && !tax && total.value >= subtotal.value) {
    tax = { value: round2(total.value - subtotal.value), confidence: 0.55, source: `${total.source} − ${subtotal.source}` };
  } else if (!subtotal && tax && total && total.value >= tax.value) {
    subtotal = { value: round2(total.value - tax.value), confidence: 0.55, source: `${total.source} − ${tax.source}` };
  } else if (!subtotal && !tax && items && total && sameMoney(sum(items.value.map((i) => i.amount)), total.value)) {
    // No tax line, and the items add up to the total: that sum is the subtotal (a guess only where it checks out).
    subtotal = { value: sum(items.value.map((i) => i.amount)), confidence: 0.55, source: 'sum of the line items' };
  } else if (subtotal && tax && !total) {
    total = { value: round2(subtotal.value + tax.value), confidence: 0.55, source: `${subtotal.source} + ${tax.source}` };
  }
  for (const computed of [subtotal, tax, total]) {
    if (!computed || read.includes(computed) || computed.value === 0) continue;
    // The page prints the computed sum ("Due payable: 571.04 €" under a label the lexicon lacks): it checks out.
    const shown = shownOn(lines, computed.value, read);
    if (shown) Object.assign(computed, { confidence: 0.8, source: shown });
  }
  return { subtotal, tax, total };
}
