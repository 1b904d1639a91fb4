/**
 * The label words of each invoice field, in English and Korean. Each is a regular expression found anywhere
 * in a line (case-insensitive); the value is read after it, on the same line or alone on the next one.
 */
export const LABELS = {
  invoice_number:
    /(?:invoice|inv\.?|bill|tax\s*invoice)\s*(?:no\.?|number|num\.?|nr\.?|#|id)|(?:송장|청구서|계산서|세금계산서|인보이스|거래명세서|문서|승인)\s*번호|(?<![a-z])invoice(?=\s*[:#]?\s*#?[A-Z0-9][\w./-]*\d)/gi,
  due_date:
    /due\s*date|payment\s*due|due\s*(?:by|on)|(?<![a-z])due(?![a-z])|pay(?:able)?\s*by|지급\s*기한|납부\s*기한|결제\s*기한|지불\s*기한|입금\s*기한|만기일/gi,
  invoice_date:
    /invoice\s*date|date\s*of\s*issue|issue\s*date|issued(?:\s*on)?|(?<!(?:due|pay(?:ment)?|delivery|ship(?:ping)?|order)\s*)(?<![a-z])date(?![a-z])|발행\s*일(?:자)?|작성\s*일(?:자)?|청구\s*일(?:자)?|거래\s*일(?:자)?/gi,
  subtotal:
    /sub[\s-]?total|net\s*(?:amount|total)|(?<![a-z])net(?=\s*:)|total\s*(?:before|excl\.?|excluding|ex\.?)\s*(?:tax|vat)|amount\s*before\s*tax|공급\s*가액|소\s*계/gi,
  tax: /sales\s*tax|(?<![a-z])(?:vat|gst|tax)(?![a-z])|부가\s*가치세|부가세|세\s*액/gi,
  total:
    /amount\s*due|total\s*due|balance\s*due|grand\s*total|total\s*amount|invoice\s*total|amount\s*payable|(?<![a-z-])total(?![a-z])|청구\s*금액|합계\s*금액|총\s*액|총\s*금액|합\s*계|결제\s*금액/gi,
  vendor: /(?<![a-z])(?:from|seller|vendor|supplier|sold\s*by|issued\s*by|bill\s*from)(?![a-z])|공급자\s*상호|(?<!받는\s*자\s*)상\s*호(?:\s*명)?|판매자/gi,
  /** A block headed 공급자 (the supplier) whose name is on a line below: tried after the labels above. */
  vendorBlock: /공급자(?!\s*번호)/g
} satisfies Record<string, RegExp>;

/**
 * Around a label (a few characters either side), words that make it another field's: "Total (incl. tax)" is
 * not the tax, "Total excl. VAT" is the subtotal, "VAT no." is an id.
 */
export const NOT_THIS = {
  subtotal: /(?:tax|vat)\s*(?:id|no|number|reg)/i,
  tax: /sub[\s-]?total|before|excl|incl|ex\.|(?:tax|vat)\s*(?:id|no|number|reg|#)|사업자/i,
  total: /total\s*(?:before|excl|ex\.|excluding)/i
};

/** Words that head a document or a block, never a vendor's name. */
export const TITLES =
  /^(?:(?:tax\s*)?invoice|receipt|bill|statement|credit\s*note|quote|(?:전자)?(?:세금)?계산서|청구서|거래명세서(?:\s*겸\s*청구서)?|영수증|견적서|bill\s*to|ship\s*to|to|customer|공급받는자)\s*[:：]?$/i;

/** Company-name endings that make a line likely to be a vendor's name. */
export const COMPANY = /\b(?:ltd|limited|inc|incorporated|llc|llp|plc|gmbh|ag|bv|nv|sa|sas|sarl|srl|co|corp|corporation|company|pty)\b\.?|주식회사|\(주\)|㈜|유한회사|상사/i;

export interface LabelHit {
  line: number;
  /** Where the label starts in the line. */
  start: number;
  /** Where the text after the label starts in the line. */
  after: number;
  label: string;
}

/** Every place a label occurs, in reading order. */
export function findLabels(lines: readonly string[], label: RegExp): LabelHit[] {
  const hits: LabelHit[] = [];
  lines.forEach((text, line) => {
    for (const m of text.matchAll(new RegExp(label.source, label.flags.includes('g') ? label.flags : `${label.flags}g`))) {
      hits.push({ line, start: m.index ?? 0, after: (m.index ?? 0) + m[0].length, label: m[0] });
    }
  });
  return hits;
}

/** The text after a label: without the colon, up to a wide gap (the next column) or the line's end. */
export function segmentAfter(text: string, after: number): string {
  const rest = text.slice(after).replace(/^\s*[:：;#.]?\s*/, '');
  return rest.split(/\s{2,}|\t|\s[|·•]\s/)[0].trim();
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

/** A line's cells: text separated by wide gaps (two spaces or more), with where each starts and ends. */
export function cells(line: string): Cell[] {
  return [...line.matchAll(/\S+(?:\s\S+)*/g)].map((m) => ({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/**
 * A header grid — a row of labels, their values in the row below, cell for cell — gives the cell under the
 * label; null when the next line is not such a row (so the caller tries other layouts).
 */
export function cellBelow(lines: readonly string[], hit: LabelHit): string | null {
  const next = lines[hit.line + 1];
  if (next === undefined) return null;
  const above = cells(lines[hit.line]);
  const below = cells(next);
  if (above.length < 2 || above.length !== below.length) return null;
  const at = above.findIndex((c) => hit.start >= c.start && hit.start < c.end);
  return at >= 0 ? below[at].text : null;
}
