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

/** The text a notification carries: what the recipe knows at this point, in a line. */
export function messageText(b: DraftBuilder, lead: string): string {
  const part = (concept: string, label: string) => {
    const expr = b.known(concept);
    return expr ? `${label}{{ ${expr} }}` : undefined;
  };
  const summary = b.known('summary');
  if (summary) return `${lead}: {{ ${summary} }}`;
  const parts = [
    part('vendor_name', b.say('vendor ', '거래처 ')),
    part('invoice_number', b.say('invoice ', '송장 ')),
    part('order_id', b.say('order ', '주문 ')),
    part('employee_id', b.say('employee ', '직원 ')),
    part('sku', 'SKU '),
    part('category', b.say('category ', '분류 ')),
    part('subject', ''),
    part('total', b.say('total ', '합계 '))
  ].filter((p): p is string => p !== undefined);
  const response = b.known('response');
  if (parts.length === 0 && response) parts.push(`{{ $string(${response}) }}`);
  const list = b.known('list');
  if (parts.length === 0 && list) parts.push(b.say(`{{ $count(${list}) }} found`, `{{ $count(${list}) }}건`));
  if (parts.length === 0 && b.lastAction) parts.push(`{{ $string(${sref(b.lastAction.id)}) }}`);
  return parts.length ? `${lead}: ${parts.join(', ')}` : lead;
}
