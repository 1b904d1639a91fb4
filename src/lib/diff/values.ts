/** The fields that differ between two JSON values, as paths (`input.url`, `values.total`): leaves only. */

export interface FieldChange {
  /** `input.headers.Accept`, `condition`, `values.total`; `` for the value as a whole. */
  path: string;
  /** Absent when the field was added. */
  before?: unknown;
  /** Absent when the field was removed. */
  after?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function valueChanges(before: unknown, after: unknown, path = '', out: FieldChange[] = []): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      const at = path ? `${path}.${key}` : key;
      if (!(key in after)) out.push({ path: at, before: before[key] });
      else if (!(key in before)) out.push({ path: at, after: after[key] });
      else valueChanges(before[key], after[key], at, out);
    }
    return out;
  }
  // Lists are compared whole: an inserted element would otherwise show every later one as changed.
  if (!sameJson(before, after)) out.push({ path, before, after });
  return out;
}

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return false;
}
