/**
 * Which imported operations can be polled for new items, and how. A GET with no required parameters
 * whose answer is a list of objects (or an object with one list property, like `{data: [...], has_more}`)
 * with an id-like property becomes an event `<action>.new`, "New <things> (checked every 5 min)".
 *
 * An operation may say otherwise with `x-sous-poll`: `false` (never poll it), or an object with any of
 * `every` (`10m`, `1h`; at least a minute), `key` (the field that identifies an item), `items` (the
 * property holding the list) and `backlog` (the first poll starts jobs for the items already there).
 * What cannot be understood is ignored with a warning in the import's preview.
 */
import { isObject, type OpenApiDocument } from './document';
import { deref } from './refs';
import { describeEvery, parseEvery, pollEveryMs } from '../../triggers/poll/interval';

export const POLL_KEY = 'x-sous-poll';

/** Fields that name an item, in the order they are preferred. */
const ID_LIKE = ['id', 'uuid', 'key', 'guid', '_id'];

export interface PollPlan {
  /** The event's name, `<action>.new`. */
  event: string;
  label: string;
  every: string;
  key: string;
  /** The property of the answer that holds the list; undefined: the answer is the list. */
  itemsAt?: string;
  backlog: boolean;
  /** The JSON Schema of one item: the event's payload. */
  item: unknown;
}

export interface PollFinding {
  plan?: PollPlan;
  warnings: string[];
}

interface PollInput {
  action: string;
  method: string;
  path: string;
  summary?: string;
  required: string[];
  response: unknown;
  where: string;
}

/** How an operation is polled, if it can be (and why a declared `x-sous-poll` cannot be honoured). */
export function pollOf(doc: OpenApiDocument, raw: Record<string, unknown>, op: PollInput): PollFinding {
  const said = raw[POLL_KEY];
  if (said === false) return { warnings: [] };
  const warnings: string[] = [];
  const asked = isObject(said) ? said : {};
  if (said !== undefined && said !== true && !isObject(said)) {
    warnings.push(`${op.where}: ${POLL_KEY} must be false or an object such as {every: 10m, key: id}, not ${JSON.stringify(said)}`);
  }
  // Only a declaration is worth a warning when it cannot be met; undeclared operations are just not polled.
  const refuse = (why: string): PollFinding => ({ warnings: said === undefined ? warnings : [...warnings, `${op.where}: ${POLL_KEY} is ignored: ${why}`] });
  if (op.method !== 'GET') return refuse('only GET operations can be polled');
  if (op.required.length) return refuse(`it needs ${op.required.join(', ')}, and a poll sends no parameters`);
  const list = listIn(doc, op.response, typeof asked.items === 'string' ? asked.items : undefined);
  if (!list) return refuse('its answer is not a list of objects (nor an object with one list property)');
  const props = propertiesOf(doc, list.item);
  const key = typeof asked.key === 'string' ? asked.key : ID_LIKE.find((k) => k in props);
  if (!key) return refuse(`its items have no id-like field (${ID_LIKE.join(', ')}); name one with key`);
  let every = '5m';
  if (asked.every !== undefined) {
    const ms = typeof asked.every === 'string' ? parseEvery(asked.every) : null;
    if (ms === null) warnings.push(`${op.where}: ${POLL_KEY} every must be like "10m" or "1h", not ${JSON.stringify(asked.every)}; it is checked every 5 min`);
    else {
      if (ms < 60_000) warnings.push(`${op.where}: ${POLL_KEY} every is at least a minute; it is checked every minute`);
      every = asked.every as string;
    }
  }
  if (asked.backlog !== undefined && typeof asked.backlog !== 'boolean') warnings.push(`${op.where}: ${POLL_KEY} backlog must be true or false`);
  return {
    plan: {
      event: `${op.action}.new`,
      label: `New ${thingOf(op.summary, op.path)} (checked every ${describeEvery(pollEveryMs({ every }))})`,
      every,
      key,
      itemsAt: list.at,
      backlog: asked.backlog === true,
      item: list.item
    },
    warnings
  };
}

/** The list in an answer: the answer itself, or its one (or named) array property; items must be objects. */
function listIn(doc: OpenApiDocument, schema: unknown, named?: string): { at?: string; item: unknown } | undefined {
  const s = resolve(doc, schema);
  if (!s) return undefined;
  const itemOf = (array: unknown) => {
    const a = resolve(doc, array);
    const item = a && isArray(a) ? resolve(doc, a.items) : undefined;
    return item && isObjectSchema(doc, item) ? item : undefined;
  };
  if (isArray(s) && !named) {
    const item = itemOf(s);
    return item && { item };
  }
  const props = propertiesOf(doc, s);
  const arrays = Object.keys(props).filter((name) => (named ? name === named : isArray(resolve(doc, props[name]))));
  if (arrays.length !== 1) return undefined;
  const item = itemOf(props[arrays[0]]);
  return item && { at: arrays[0], item };
}

function resolve(doc: OpenApiDocument, schema: unknown): Record<string, unknown> | undefined {
  try {
    return deref(doc, schema);
  } catch {
    return undefined;
  }
}

function types(s: Record<string, unknown>): unknown[] {
  return Array.isArray(s.type) ? s.type : [s.type];
}

function isArray(s: Record<string, unknown> | undefined): s is Record<string, unknown> {
  return !!s && (types(s).includes('array') || (s.type === undefined && s.items !== undefined));
}

function isObjectSchema(doc: OpenApiDocument, s: Record<string, unknown>): boolean {
  return types(s).includes('object') || Object.keys(propertiesOf(doc, s)).length > 0;
}

/** The properties of an object schema, with those of its `allOf` parts (later parts win), a few levels deep. */
export function propertiesOf(doc: OpenApiDocument, schema: unknown, depth = 0): Record<string, unknown> {
  const s = resolve(doc, schema);
  if (!s || depth > 6) return {};
  const out: Record<string, unknown> = {};
  if (Array.isArray(s.allOf)) for (const part of s.allOf) Object.assign(out, propertiesOf(doc, part, depth + 1));
  if (isObject(s.properties)) Object.assign(out, s.properties);
  return out;
}

/** "List existing bookings" → "existing bookings"; without a summary, the path's last word ("/v1/customers" → "customers"). */
export function thingOf(summary: string | undefined, path: string): string {
  const said = summary
    ?.replace(/[.\s]+$/, '')
    .match(/^(?:list|get|fetch|retrieve|find|search|show|return|read|view)s?\s+(?:(?:a|the)\s+)?(?:list\s+of\s+|all\s+)?(?:the\s+)?(?:existing\s+|available\s+)?(.+)$/i)?.[1];
  if (said && said.length <= 60) return said;
  const last = path.split('/').filter((p) => p && !p.startsWith('{')).pop();
  const words = last?.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_.]+/g, ' ').toLowerCase().trim();
  return words || 'items';
}
