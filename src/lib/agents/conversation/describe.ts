/**
 * A job's output in plain words: "ven-013 Acme Ltd (country: DE)" rather than a JSON dump. Known message
 * keys are said as they are; a record is its id and name, then a few of its other values.
 */
import type { Messages } from './messages';

const TEXT_KEYS = ['message', 'summary', 'answer', 'text', 'result'];
const HEAD_KEYS = ['id', 'name', 'title', 'number'];
const SKIP = new Set(['created_at', 'updated_at']);
const MAX = 400;

export function describeOutput(output: unknown, msg: Messages): string | undefined {
  if (output === undefined || output === null) return undefined;
  if (typeof output === 'object' && !Array.isArray(output) && Object.keys(output).length === 0) return undefined;
  const text = describe(output, msg, 0);
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

function describe(value: unknown, msg: Messages, depth: number): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return describeList(value, msg, depth);
  const obj = value as Record<string, unknown>;
  for (const key of TEXT_KEYS) if (typeof obj[key] === 'string' && obj[key]) return obj[key] as string;
  const entries = Object.entries(obj).filter(([k, v]) => !SKIP.has(k) && v !== undefined && v !== null);
  // {vendors: [...]}: the one value is what there is to say.
  if (entries.length === 1 && typeof entries[0][1] === 'object') return `${words(entries[0][0])}: ${describe(entries[0][1], msg, depth)}`;
  const head = HEAD_KEYS.map((k) => obj[k]).filter((v) => typeof v === 'string' || typeof v === 'number').join(' ');
  if (depth > 0) return head || entries.slice(0, 3).map(([k, v]) => `${words(k)}: ${short(v, msg)}`).join(', ');
  const rest = entries
    .filter(([k]) => !HEAD_KEYS.includes(k) || !head)
    .slice(0, 8)
    .map(([k, v]) => `${words(k)}: ${typeof v === 'object' ? inner(v, msg, depth) : String(v)}`);
  if (!head) return msg.list(rest);
  return rest.length ? `${head} (${msg.list(rest)})` : head;
}

function describeList(list: unknown[], msg: Messages, depth: number): string {
  if (list.length === 0) return msg.items(0);
  if (depth > 1) return msg.items(list.length);
  const shown = list.slice(0, 5).map((v) => describe(v, msg, depth + 1));
  const more = list.length > 5 ? ` (+${list.length - 5})` : '';
  return `${shown.join('; ')}${more}`;
}

/** A record's nested value: records with an id or name by those, anything else by its count. */
function inner(value: unknown, msg: Messages, depth: number): string {
  const list = Array.isArray(value) ? value : [value];
  const named = list.every((v) => v !== null && typeof v === 'object' && HEAD_KEYS.some((k) => typeof (v as Record<string, unknown>)[k] === 'string'));
  if (named && list.length > 0) return describe(value, msg, depth + 1);
  return short(value, msg);
}

function short(value: unknown, msg: Messages): string {
  if (Array.isArray(value)) return msg.items(value.length);
  // A record's first few values, each said short (so this never goes deeper).
  if (value !== null && typeof value === 'object') return describe(value, msg, 2);
  return String(value);
}

function words(key: string): string {
  return key.replace(/_/g, ' ');
}
