/**
 * The names an expression reads from the job's context: `steps.fetch.body` reads `steps` then `fetch`.
 * Only paths evaluated against the context itself count; a name inside a filter (`items[price > 5]`) or
 * after a dot is a field of some value, not a context name. Works on JSONata's parsed tree.
 */

export interface ContextRef {
  /** The first name: `steps`, `trigger`, `item`, `error`… */
  root: string;
  /** The name after it, when it is a plain name (`fetch` in `steps.fetch.body`). */
  next?: string;
}

interface Node {
  type?: string;
  value?: unknown;
  steps?: Node[];
  [key: string]: unknown;
}

/** Keys of a node whose expressions are evaluated against each item, not against the context. */
const PER_ITEM = new Set(['stages', 'predicate', 'group', 'focus', 'tuple']);
const SKIP = new Set(['type', 'value', 'position', 'token', 'keepArray', 'consarray']);

export function contextRefs(ast: unknown): ContextRef[] {
  const out: ContextRef[] = [];
  visit(ast, true, out);
  return out;
}

function visit(node: unknown, atRoot: boolean, out: ContextRef[]): void {
  if (Array.isArray(node)) {
    for (const child of node) visit(child, atRoot, out);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const n = node as Node;
  if (n.type === 'path' && Array.isArray(n.steps)) {
    const [first, ...rest] = n.steps;
    if (first?.type === 'name' && atRoot) {
      const second = rest[0];
      out.push({ root: String(first.value), next: second?.type === 'name' ? String(second.value) : undefined });
      visitFields(first, false, out);
    } else {
      visit(first, atRoot, out);
    }
    for (const step of rest) visit(step, false, out);
    visitFields({ ...n, steps: undefined }, false, out);
    return;
  }
  if (n.type === 'name') {
    if (atRoot) out.push({ root: String(n.value) });
    visitFields(n, false, out);
    return;
  }
  visitFields(n, atRoot, out);
}

function visitFields(n: Node, atRoot: boolean, out: ContextRef[]): void {
  for (const [key, child] of Object.entries(n)) {
    if (SKIP.has(key) || (n.type === 'path' && key === 'steps')) continue;
    visit(child, PER_ITEM.has(key) ? false : atRoot, out);
  }
}
