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
    part('vendor_name', 'vendor '),
    part('invoice_number', 'invoice '),
    part('order_id', 'order '),
    part('employee_id', 'employee '),
    part('sku', 'SKU '),
    part('category', 'category '),
    part('subject', ''),
    part('total', 'total ')
  ].filter((p): p is string => p !== undefined);
  const response = b.known('response');
  if (parts.length === 0 && response) parts.push(`{{ $string(${response}) }}`);
  const list = b.known('list');
  if (parts.length === 0 && list) parts.push(`{{ $count(${list}) }} found`);
  if (parts.length === 0 && b.lastAction) parts.push(`{{ $string(${sref(b.lastAction.id)}) }}`);
  return parts.length ? `${lead}: ${parts.join(', ')}` : lead;
}
