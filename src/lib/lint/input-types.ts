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

/** Each input of `value` whose literal the action's schema would refuse, as `add(place, message)`. */
export function wrongInputTypes(schema: Schema, value: unknown, where: string, add: (where: string, message: string) => void): void {
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

function typeProblem(schema: Schema, given: unknown, key: string): string | undefined {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    if (schema.enum.includes(given)) return undefined;
    return `the input "${key}" must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}, not ${shown(given)}`;
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  // Only the simple types: a union, an object or a list is the runner's to judge.
  if (types.length === 0 || !types.every((t) => t in WORDS)) return undefined;
  if (types.some((t) => fits(t, given))) return undefined;
  return `the input "${key}" must be ${types.map((t) => WORDS[t]).join(' or ')}, not ${shown(given)}`;
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
