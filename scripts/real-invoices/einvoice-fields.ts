/**
 * The invoice preset's fields (INVOICE_FIELDS) as an e-invoice's XML states them: UN/CEFACT CII as in
 * ZUGFeRD 2 / Factur-X / XRechnung-CII, the older ZUGFeRD 1 CrossIndustryDocument, and UBL Invoice or
 * CreditNote as in XRechnung-UBL, and Poland's KSeF structured invoice (FA) beside the PDF its official
 * generator printed from it. These are the values the seller's software wrote, so they are the truth a
 * reader of the printed page should arrive at (where the page prints them at all; see ./printed.ts).
 */
import { findAll, textAt, type XmlNode } from './xml-tree';

export interface XmlFields {
  syntax: 'cii' | 'zugferd1' | 'ubl' | 'ksef';
  vendor: string | null;
  invoice_number: string | null;
  invoice_date: string | null;
  due_date: string | null;
  currency: string | null;
  subtotal: number | null;
  tax: number | null;
  total: number | null;
}

/** CII's DateTimeString format 102 (YYYYMMDD) or UBL's ISO date, as YYYY-MM-DD; other formats are dropped. */
export function isoDate(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Names and numbers on one line: the XML may break a long seller name over lines ("…\r\nVersicherungsverein"). */
const oneLine = (value: string | null) => (value === null ? null : value.replace(/\s+/g, ' ').trim());

const amount = (value: string | null) => (value === null || !/^-?\d+(\.\d+)?$/.test(value) ? null : Number(value));

/** The amount in the invoice's currency where an element repeats with currencyID (CII's TaxTotalAmount). */
function amountIn(nodes: XmlNode[], currency: string | null): number | null {
  const chosen = nodes.find((n) => !n.attrs.currencyID || n.attrs.currencyID === currency) ?? nodes[0];
  return chosen ? amount(chosen.text.trim()) : null;
}

function fromCii(root: XmlNode): XmlFields {
  const tx = 'SupplyChainTradeTransaction';
  const settle = `${tx}/ApplicableHeaderTradeSettlement`;
  const sums = `${settle}/SpecifiedTradeSettlementHeaderMonetarySummation`;
  const currency = textAt(root, `${settle}/InvoiceCurrencyCode`);
  return {
    syntax: 'cii',
    vendor: oneLine(textAt(root, `${tx}/ApplicableHeaderTradeAgreement/SellerTradeParty/Name`)),
    invoice_number: oneLine(textAt(root, 'ExchangedDocument/ID')),
    invoice_date: isoDate(textAt(root, 'ExchangedDocument/IssueDateTime/DateTimeString')),
    due_date: isoDate(textAt(root, `${settle}/SpecifiedTradePaymentTerms/DueDateDateTime/DateTimeString`)),
    currency,
    subtotal: amount(textAt(root, `${sums}/TaxBasisTotalAmount`)),
    tax: amountIn(findAll(root, `${sums}/TaxTotalAmount`), currency),
    total: amount(textAt(root, `${sums}/GrandTotalAmount`))
  };
}

function fromZugferd1(root: XmlNode): XmlFields {
  const tx = 'SpecifiedSupplyChainTradeTransaction';
  const settle = `${tx}/ApplicableSupplyChainTradeSettlement`;
  const sums = `${settle}/SpecifiedTradeSettlementMonetarySummation`;
  const currency = textAt(root, `${settle}/InvoiceCurrencyCode`);
  return {
    syntax: 'zugferd1',
    vendor: oneLine(textAt(root, `${tx}/ApplicableSupplyChainTradeAgreement/SellerTradeParty/Name`)),
    invoice_number: oneLine(textAt(root, 'HeaderExchangedDocument/ID')),
    invoice_date: isoDate(textAt(root, 'HeaderExchangedDocument/IssueDateTime/DateTimeString')),
    due_date: isoDate(textAt(root, `${settle}/SpecifiedTradePaymentTerms/DueDateDateTime/DateTimeString`)),
    currency,
    subtotal: amountIn(findAll(root, `${sums}/TaxBasisTotalAmount`), currency),
    tax: amountIn(findAll(root, `${sums}/TaxTotalAmount`), currency),
    total: amountIn(findAll(root, `${sums}/GrandTotalAmount`), currency)
  };
}

function fromUbl(root: XmlNode): XmlFields {
  const party = 'AccountingSupplierParty/Party';
  const currency = textAt(root, 'DocumentCurrencyCode');
  const taxes = findAll(root, 'TaxTotal').flatMap((t) => findAll(t, 'TaxAmount'));
  return {
    syntax: 'ubl',
    vendor: oneLine(textAt(root, `${party}/PartyName/Name`) ?? textAt(root, `${party}/PartyLegalEntity/RegistrationName`)),
    invoice_number: oneLine(textAt(root, 'ID')),
    invoice_date: isoDate(textAt(root, 'IssueDate')),
    due_date: isoDate(textAt(root, 'DueDate') ?? textAt(root, 'PaymentMeans/PaymentDueDate')),
    currency,
    subtotal: amount(textAt(root, 'LegalMonetaryTotal/TaxExclusiveAmount')),
    tax: amountIn(taxes, currency),
    total: amount(textAt(root, 'LegalMonetaryTotal/TaxInclusiveAmount'))
  };
}

/** The sum of the amounts in these elements (KSeF gives net and VAT per rate: P_13_1, P_13_2, …), or null. */
function sumOf(root: XmlNode, paths: string[]): number | null {
  const found = paths.map((p) => amount(textAt(root, p))).filter((v): v is number => v !== null);
  return found.length ? Math.round(found.reduce((a, b) => a + b, 0) * 100) / 100 : null;
}

function fromKsef(root: XmlNode): XmlFields {
  const rates = Array.from({ length: 11 }, (_, i) => i + 1);
  return {
    syntax: 'ksef',
    vendor: oneLine(textAt(root, 'Podmiot1/DaneIdentyfikacyjne/Nazwa')),
    invoice_number: oneLine(textAt(root, 'Fa/P_2')),
    invoice_date: isoDate(textAt(root, 'Fa/P_1')),
    due_date: isoDate(textAt(root, 'Fa/Platnosc/TerminPlatnosci/Termin')),
    currency: textAt(root, 'Fa/KodWaluty'),
    subtotal: sumOf(root, rates.map((n) => `Fa/P_13_${n}`)),
    tax: sumOf(root, rates.slice(0, 5).map((n) => `Fa/P_14_${n}`)),
    total: amount(textAt(root, 'Fa/P_15'))
  };
}

/** The fields of one e-invoice, whichever of the three syntaxes it is in. */
export function einvoiceFields(root: XmlNode): XmlFields {
  if (root.name === 'CrossIndustryInvoice') return fromCii(root);
  if (root.name === 'CrossIndustryDocument') return fromZugferd1(root);
  if (root.name === 'Invoice' || root.name === 'CreditNote') return fromUbl(root);
  if (root.name === 'Faktura') return fromKsef(root);
  throw new Error(`not an e-invoice: the XML's root is <${root.name}>`);
}
