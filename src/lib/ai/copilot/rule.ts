/** One thing the words may ask for (a step, a loop, a branch), found by a pattern and built by a function. */
import type { DraftBuilder } from './draft-builder';
import { sref } from './words';

export interface StepRule {
  name: string;
  /** English and Korean phrasings, as one pattern (case-insensitive). */
  pattern: RegExp;
  /** The connector actions it needs; when the catalogue lacks one, the rule is skipped and that said. */
  uses?: Array<[connector: string, action: string]>;
  /** Container rules (loops, branches) open a step list for the steps said after them. */
  control?: boolean;
  build(b: DraftBuilder, m: RegExpExecArray, words: string): void;
}

/** The words that ask a message for a concept ("the order number", "금액"). */
const ASKED: Record<string, RegExp> = {
  vendor_name: /vendor|supplier|merchant|거래처|공급업체/i,
  invoice_number: /invoice|송장|청구서/i,
  order_id: /order|주문/i,
  employee_id: /employee|staff|직원|이름/i,
  sku: /sku|item|product|품목|상품/i,
  category: /category|label|type|분류/i,
  subject: /subject|제목/i,
  total: /amount|total|sum|price|cost|금액|합계|총액/i
};

/** The text a notification carries: what the recipe knows at this point, in a line. */
export function messageText(b: DraftBuilder, lead: string): string {
  const part = (concept: string, label: string) => {
    const expr = b.known(concept);
    return expr ? `${label}{{ ${expr} }}` : undefined;
  };
  const summary = b.known('summary');
  if (summary) return `${lead}: {{ ${summary} }}`;
  // Text the AI wrote for this message is the message.
  const generated = b.known('generated');
  if (generated) return `{{ ${generated} }}`;
  const all: Array<[concept: string, text: string | undefined]> = [
    ['vendor_name', part('vendor_name', b.say('vendor ', '거래처 '))],
    ['invoice_number', part('invoice_number', b.say('invoice ', '송장 '))],
    ['order_id', part('order_id', b.say('order ', '주문 '))],
    ['employee_id', part('employee_id', b.say('employee ', '직원 '))],
    ['sku', part('sku', 'SKU ')],
    ['category', part('category', b.say('category ', '분류 '))],
    ['subject', part('subject', '')],
    ['total', part('total', b.say('total ', '합계 '))]
  ];
  // "post the order number": the parts the words ask for, when the recipe knows them; else all it knows.
  const asked = all.filter(([concept, text]) => text && ASKED[concept]?.test(lead));
  const parts = (asked.length ? asked : all).map(([, text]) => text).filter((p): p is string => p !== undefined);
  const response = b.known('response');
  if (parts.length === 0 && response) parts.push(`{{ $string(${response}) }}`);
  const list = b.known('list');
  if (parts.length === 0 && list) parts.push(b.say(`{{ $count(${list}) }} found`, `{{ $count(${list}) }}건`));
  const last = b.readableLast();
  if (parts.length === 0 && last) parts.push(`{{ $string(${sref(last.id)}) }}`);
  return parts.length ? `${lead}: ${parts.join(', ')}` : lead;
}
