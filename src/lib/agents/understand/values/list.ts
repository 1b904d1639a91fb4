/** A list answer: JSON, or values split on commas, semicolons, new lines, " and ", "및", "그리고". */
import { cleanValue } from '../text';

/** Where one element of a list ends and the next begins. */
export const LIST_SEPARATOR = /\s*(?:[,;\n、]|\s&\s|\band\b|\bplus\b|및|그리고|(?<=[\d개)])\s*(?:이랑|랑|하고|와|과)(?=\s))\s*/giu;

const BULLET = /^(?:[-*•·]\s+|\d{1,2}[.)]\s+)/;

export function splitList(raw: string): string[] {
  return raw
    .split(LIST_SEPARATOR)
    .map((part) => cleanValue((part ?? '').replace(BULLET, '')))
    .filter((part) => part.length > 0);
}

/** A JSON array in the answer, when it is one. */
export function jsonArray(raw: string): unknown[] | undefined {
  const t = raw.trim();
  if (!t.startsWith('[') && !t.startsWith('{')) return undefined;
  try {
    const v: unknown = JSON.parse(t);
    if (Array.isArray(v)) return v;
    if (v && typeof v === 'object') return [v];
  } catch {
    return undefined;
  }
  return undefined;
}

export function readList(raw: string): unknown[] | undefined {
  const json = jsonArray(raw);
  if (json) return json.length && json.every((v) => v !== null && typeof v !== 'object') ? json : undefined;
  const parts = splitList(raw);
  return parts.length ? parts : undefined;
}
