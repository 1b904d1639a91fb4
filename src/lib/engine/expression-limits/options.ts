/**
 * What each compiled expression is given: JSONata's guardrails (one object, which JSONata reads at each
 * step and setExpressionLimits updates, so a change reaches expressions already in the compile cache), the linear regex engine,
 * the bounded builtins, and a check at compile time that every regex literal can run on it.
 */
import jsonata from 'jsonata';
import { bindBoundedFunctions, CONCAT, EQUAL, NOT_EQUAL } from './bounded-functions';
import { EXPRESSION_LIMITS, onLimitsChange } from './limits';
import { compileLinear, LinearRegExp } from './linear-regex';

const options = { timeout: 0, stack: 0, sequence: 0, RegexEngine: LinearRegExp };
function copyLimits(): void {
  options.timeout = EXPRESSION_LIMITS.timeout;
  options.stack = EXPRESSION_LIMITS.stack;
  options.sequence = EXPRESSION_LIMITS.sequence;
}
copyLimits();
onLimitsChange(copyLimits);

export const JSONATA_OPTIONS = options as unknown as jsonata.JsonataOptions;

/** Make a freshly compiled expression bounded; throws a LimitError naming a regex construct RE2 cannot run. */
export function boundExpression(expr: jsonata.Expression): jsonata.Expression {
  const { regexes, concats, equalities } = scan(expr.ast());
  for (const re of regexes) compileLinear(re.source, re.flags);
  for (const node of concats) toCall(node, CONCAT);
  for (const node of equalities) toCall(node, node.value === '=' ? EQUAL : NOT_EQUAL);
  bindBoundedFunctions(expr);
  expr.registerFunction('eval', evalBounded, '<sx?:x>');
  return expr;
}

const evalCache = new Map<string, jsonata.Expression>();

/**
 * `$eval` compiles text at run time, out of reach of the rewrite above: it is compiled here, bounded
 * like any expression (with its own time limit). It sees the value it is given (or the current one),
 * not the calling expression's variables.
 */
async function evalBounded(this: { input?: unknown }, text: string, focus?: unknown): Promise<unknown> {
  if (text === undefined) return undefined;
  let expr = evalCache.get(text);
  if (!expr) {
    expr = boundExpression(jsonata(text, JSONATA_OPTIONS));
    if (evalCache.size >= 1000) evalCache.clear();
    evalCache.set(text, expr);
  }
  return expr.evaluate(focus === undefined ? this.input : focus);
}

type Node = { type?: string; value?: unknown; lhs?: unknown; rhs?: unknown; position?: number; [key: string]: unknown };

/**
 * `a & b` becomes `$sous:concat(a, b)` in the tree JSONata evaluates (expr.ast() is that very tree), so
 * a value written as text by `&` is measured first, as $string measures it; `a = b` becomes
 * `$sous:equal(a, b)`, compared on a budget.
 */
function toCall(node: Node, name: string): void {
  const { lhs, rhs, position } = node;
  delete node.lhs;
  delete node.rhs;
  Object.assign(node, { type: 'function', value: '(', procedure: { type: 'variable', value: name, position }, arguments: [lhs, rhs] });
}

/** A literal text, number, boolean or null: compared with it, `=` looks at one value and cannot run long. */
function isLiteral(node: unknown): boolean {
  const type = (node as Node | undefined)?.type;
  return type === 'string' || type === 'number' || type === 'value';
}

function scan(ast: unknown): { regexes: RegExp[]; concats: Node[]; equalities: Node[] } {
  const regexes: RegExp[] = [];
  const concats: Node[] = [];
  const equalities: Node[] = [];
  const seen = new Set<unknown>();
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (node instanceof RegExp) regexes.push(node);
    else {
      const { type, value, lhs, rhs } = node as Node;
      if (type === 'binary' && value === '&') concats.push(node as Node);
      // The common `status = "open"` keeps JSONata's own operator (it is on hot paths and cannot run long).
      if (type === 'binary' && (value === '=' || value === '!=') && !isLiteral(lhs) && !isLiteral(rhs)) equalities.push(node as Node);
      for (const child of Object.values(node)) stack.push(child);
    }
  }
  return { regexes, concats, equalities };
}
