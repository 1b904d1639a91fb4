/**
 * Writing a recipe file: canonical JSON (keys in the schema's order, free objects in their own order,
 * 2-space indent, a final newline) with no secrets in it.
 */
import { RecipeSchema, type Recipe } from './schema';

/** Header and query names whose literal values are credentials; an expression (`{{ }}`) is kept. */
const SECRET_KEY =
  /^(authorization|proxy-authorization|cookie|x-api-key|api[-_]?key|apikey|token|x-auth-token|x-access-token|auth[-_]?token|access[-_]?token|refresh[-_]?token|secret|client[-_]?secret|private[-_]?key|password|passwd)$/i;

export interface ExportResult {
  text: string;
  /** Places whose literal secret was blanked, so the studio can tell the person. */
  removed: string[];
}

export function exportRecipe(recipe: Recipe): ExportResult {
  // A connection ref is only ever {connector, label}: the studio's own connection object may ride along
  // with more (even its secret), so only those two are taken before the (strict) schema sees it.
  const connections = recipe.connections
    ? Object.fromEntries(Object.entries(recipe.connections).map(([ref, c]) => [ref, { connector: c.connector, label: c.label }]))
    : undefined;
  // Parsing through the schema orders keys as the schema declares them.
  const canonical = RecipeSchema.parse({ ...recipe, connections });
  const removed: string[] = [];
  const clean = scrub(canonical, '', removed) as Recipe;
  return { text: JSON.stringify(clean, null, 2) + '\n', removed };
}

/**
 * Any value (a recipe, a step's resolved input) with its literal secrets blanked as the export blanks
 * them, and those secrets (plus a bearer's bare token), so that a message echoing them can be redacted.
 */
export function scrubSecrets<T>(value: T): { clean: T; secrets: string[] } {
  const secrets: string[] = [];
  const clean = scrub(value, '', [], secrets) as T;
  return { clean, secrets: [...new Set(secrets)].filter((s) => s.length >= 4) };
}

function scrub(value: unknown, path: string, removed: string[], secrets: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v, i) => scrub(v, `${path}[${i}]`, removed, secrets));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (SECRET_KEY.test(key) && typeof v === 'string' && v !== '' && !v.includes('{{')) {
      out[key] = '';
      removed.push(here);
      secrets.push(v, v.trim().split(/\s+/).pop() ?? v);
    } else if (typeof v === 'string' && !v.includes('{{') && URL_START.test(v)) {
      out[key] = scrubUrl(v, secrets);
      if (out[key] !== v) removed.push(here);
    } else {
      out[key] = scrub(v, here, removed, secrets);
    }
  }
  return out;
}

const URL_START = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * A URL written as text may hold a credential too: a password (`https://user:pass@host`) or a key in
 * its query (`?api_key=…`). Those are blanked; the rest of the text is kept exactly as written.
 */
function scrubUrl(url: string, secrets: string[]): string {
  const userinfo = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@:]*):([^/?#@]*)@/i;
  const password = userinfo.exec(url)?.[3];
  if (password) secrets.push(password, safeDecode(password));
  let out = url.replace(userinfo, '$1$2@');
  const q = out.indexOf('?');
  if (q === -1) return out;
  const hash = out.indexOf('#', q);
  const end = hash === -1 ? out.length : hash;
  const query = out
    .slice(q + 1, end)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1 || eq === pair.length - 1) return pair;
      if (!SECRET_KEY.test(safeDecode(pair.slice(0, eq)))) return pair;
      secrets.push(pair.slice(eq + 1), safeDecode(pair.slice(eq + 1)));
      return pair.slice(0, eq + 1);
    })
    .join('&');
  out = out.slice(0, q + 1) + query + out.slice(end);
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
