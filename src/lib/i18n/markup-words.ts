/**
 * Finds words written straight into a component's markup instead of through `t()`: the check that keeps the
 * Korean UI whole as screens change. Reads Svelte's own parse tree, so text in scripts, styles and code
 * samples is not counted.
 */
import { parse } from 'svelte/compiler';

/** Attributes a person reads or a screen reader speaks. */
const SPOKEN_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label']);
/** Elements whose text is code or drawing, not words. */
const NOT_WORDS = new Set(['code', 'kbd', 'pre', 'samp', 'svg', 'style', 'script']);
/** Names that are the same in every language (products, formats, units). */
const SAME_IN_EVERY_LANGUAGE = ['Sous', 'JSONata', 'JSON', 'CSV', 'PDF', 'URL', 'API', 'MCP', 'WebGPU', 'WebLLM', 'OCR', 'HTTP', 'HTTPS', 'OpenAPI', 'ID', 'ms', 'KB', 'MB', 'GB', 'px', 'AI', 'ERP', 'HR', 'OK'];
const LETTERS = /[A-Za-z]{2,}/;

export interface MarkupWord {
  line: number;
  text: string;
  /** `text` for element content, else the attribute's name. */
  where: string;
}

function hasWords(text: string): boolean {
  let rest = text;
  for (const name of SAME_IN_EVERY_LANGUAGE) rest = rest.replace(new RegExp(`\\b${name}\\b`, 'g'), '');
  return LETTERS.test(rest);
}

type Node = { type: string; name?: string; data?: string; start: number; value?: unknown; attributes?: Node[]; fragment?: { nodes: Node[] }; [key: string]: unknown };

export function markupWords(source: string): MarkupWord[] {
  const ast = parse(source, { modern: true }) as unknown as { fragment: { nodes: Node[] } };
  const found: MarkupWord[] = [];
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;

  function visit(node: Node): void {
    if (node.type === 'Text' && node.data && hasWords(node.data)) found.push({ line: lineOf(node.start), text: node.data.trim(), where: 'text' });
    if (node.type === 'RegularElement' && node.name && NOT_WORDS.has(node.name)) return;
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'Attribute' || !attribute.name || !SPOKEN_ATTRIBUTES.has(attribute.name)) continue;
      const parts = Array.isArray(attribute.value) ? (attribute.value as Node[]) : [];
      for (const part of parts) {
        if (part.type === 'Text' && part.data && hasWords(part.data)) found.push({ line: lineOf(part.start), text: part.data.trim(), where: attribute.name });
      }
    }
    // Children of elements and of blocks ({#if}, {#each}, snippets: consequent, alternate, body, …).
    for (const value of Object.values(node)) {
      if (value && typeof value === 'object' && 'nodes' in (value as object)) for (const child of (value as { nodes: Node[] }).nodes) visit(child);
    }
  }
  for (const node of ast.fragment.nodes) visit(node);
  return found;
}
