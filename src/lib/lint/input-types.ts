/**
 * Inputs of the wrong type, found before a run: the runner checks an action's resolved input against the
 * action's schema and refuses a literal of another type (`channel: 5` where text is wanted). A string with
 * `{{ }}` is an expression: what it gives is known only when it runs, so it counts as right here.
 */

/** The parts of an input's JSON Schema this reads. */
interface Schema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, unknown>;
}

const WORDS: Record<string, string> = { string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false' };

/** A problem's English message, with its code and parameters for the studio's own words. */
export interface TypeProblem {
  message: string;
  code: 'input_enum' | 'input_type';
  /** `expected`: the JSON Schema types (`string|number`) or the allowed values; `given`: the value as JSON. */
  params: { key: string; expected: string; given: string };
}

/** Each input of `value` whose literal the action's schema would refuse, as `add(place, problem)`. */
export function wrongInputTypes(schema: Schema, value: unknown, where: string, add: (where: string, problem: TypeProblem) => void): void {
  if (!isObject(value)) return;
  for (const [key, given] of Object.entries(value)) {
    const sub = schema.properties?.[key];
    if (!isObject(sub) || given === undefined || given === null) continue;
    if (typeof given === 'string' && given.includes('{{')) continue;
    const place = `${where}.${key}`;
    const message = typeProblem(sub as Schema, given, key);
    if (message) add(place, message);
    else if (isObject(given) && isObject((sub as Schema).properties)) wrongInputTypes(sub as Schema, given, place, add);
  }
}

function typeProblem(schema: Schema, given: unknown, key: string): TypeProblem | undefined {
  const json = shownJson(given);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    if (schema.enum.includes(given)) return undefined;
    const expected = schema.enum.map((v) => JSON.stringify(v)).join(', ');
    return { message: `the input "${key}" must be one of ${expected}, not ${shown(given)}`, code: 'input_enum', params: { key, expected, given: json } };
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  // Only the simple types: a union, an object or a list is the runner's to judge.
  if (types.length === 0 || !types.every((t) => t in WORDS)) return undefined;
  if (types.some((t) => fits(t, given))) return undefined;
  const message = `the input "${key}" must be ${types.map((t) => WORDS[t]).join(' or ')}, not ${shown(given)}`;
  return { message, code: 'input_type', params: { key, expected: types.join('|'), given: json } };
}

/** The given value as JSON, or `[…]` / `{…}` for a list or an object (its content is not the point). */
function shownJson(given: unknown): string {
  if (Array.isArray(given)) return '[…]';
  if (isObject(given)) return '{…}';
  return JSON.stringify(given) ?? String(given);
}

function fits(type: string, given: unknown): boolean {
  if (type === 'integer') return Number.isInteger(given);
  return typeof given === type;
}

function shown(given: unknown): string {
  if (typeof given === 'string') return `the text ${JSON.stringify(given)}`;
  if (typeof given === 'number') return `the number ${given}`;
  if (typeof given === 'boolean') return `${given}`;
  return Array.isArray(given) ? 'a list' : 'an object';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
