/**
 * The label words of each invoice field, in English and Korean. Each is a regular expression found anywhere
 * in a line (case-insensitive); the value is read after it, on the same line or alone on the next one.
 */
export const LABELS = {
  invoice_number:
    /(?:invoice|inv\.?|bill|tax\s*invoice)\s*(?:no\.?|number|num\.?|nr\.?|#|id)|(?:송장|청구서|계산서|세금계산서|인보이스|거래명세서|문서)\s*번호|(?<![a-z])invoice(?=\s*[:#]?\s*#?[A-Z0-9][\w./-]*\d)/gi,
  due_date:
    /due\s*date|payment\s*due|due\s*(?:by|on)|(?<![a-z])due(?![a-z])|pay(?:able)?\s*by|지급\s*기한|납부\s*기한|결제\s*기한|지불\s*기한|입금\s*기한|만기일/gi,
  invoice_date:
    /invoice\s*date|date\s*of\s*issue|issue\s*date|issued(?:\s*on)?|(?<!(?:due|pay(?:ment)?|delivery|ship(?:ping)?|order)\s*)(?<![a-z])date(?![a-z])|발행\s*일(?:자)?|작성\s*일(?:자)?|청구\s*일(?:자)?|거래\s*일(?:자)?/gi,
  subtotal:
    /sub[\s-]?total|net\s*(?:amount|total)|(?<![a-z])net(?=\s*:)|total\s*(?:before|excl\.?|excluding|ex\.?)\s*(?:tax|vat)|amount\s*before\s*tax|공급\s*가액|소\s*계/gi,
  tax: /sales\s*tax|(?<![a-z])(?:vat|gst|tax)(?![a-z])|부가\s*가치세|부가세|세\s*액/gi,
  total:
    /amount\s*due|total\s*due|balance\s*due|grand\s*total|total\s*amount|invoice\s*total|amount\s*payable|(?<![a-z-])total(?![a-z])|청구\s*금액|합계\s*금액|총\s*액|총\s*금액|합\s*계|결제\s*금액/gi,
  vendor: /(?<![a-z])(?:from|seller|vendor|supplier|sold\s*by|issued\s*by|bill\s*from)(?![a-z])|공급자\s*상호|(?<!받는\s*자\s*)상\s*호(?:\s*명)?|공급자(?!\s*번호)(?!받)|판매자/gi
} satisfies Record<string, RegExp>;

/** Lines that carry a total-like label are not tax lines, and subtotal lines are not total lines. */
export const NOT_TAX = [/sub[\s-]?total|net\s*(?:amount|total)|before\s*tax|excl/i, /amount\s*due|total|합\s*계|총\s*액|청구\s*금액/i, /tax\s*(?:id|no|number|reg)|vat\s*(?:id|no|number|reg)|사업자/i];

/** Words that head a document or a block, never a vendor's name. */
export const TITLES =
  /^(?:(?:tax\s*)?invoice|receipt|bill|statement|credit\s*note|quote|(?:세금)?계산서|청구서|거래명세서(?:\s*겸\s*청구서)?|영수증|견적서|bill\s*to|ship\s*to|to|customer|공급받는자)\s*[:：]?$/i;

/** Company-name endings that make a line likely to be a vendor's name. */
export const COMPANY = /\b(?:ltd|limited|inc|incorporated|llc|llp|plc|gmbh|ag|bv|nv|sa|sas|sarl|srl|co|corp|corporation|company|pty)\b\.?|주식회사|\(주\)|㈜|유한회사|상사/i;

export interface LabelHit {
  line: number;
  /** Where the text after the label starts in the line. */
  after: number;
  label: string;
}

/** Every place a label occurs, in reading order. */
export function findLabels(lines: readonly string[], label: RegExp): LabelHit[] {
  const hits: LabelHit[] = [];
  lines.forEach((text, line) => {
    for (const m of text.matchAll(new RegExp(label.source, label.flags.includes('g') ? label.flags : `${label.flags}g`))) {
      hits.push({ line, after: (m.index ?? 0) + m[0].length, label: m[0] });
    }
  });
  return hits;
}

/** The text after a label: without the colon, up to a wide gap (the next column) or the line's end. */
export function segmentAfter(text: string, after: number): string {
  const rest = text.slice(after).replace(/^\s*[:：;#.]?\s*/, '');
  return rest.split(/\s{2,}|\t|\s[|·•]\s/)[0].trim();
}
