/**
 * Auth from an OpenAPI document's security schemes. apiKey (in a header or the query), http bearer and
 * http basic are sent as the `http` connector sends them (http-auth.ts); OAuth 2 and OpenID Connect take
 * an access token the person gets elsewhere, sent as a bearer token. An API key in a cookie, digest auth
 * and mutual TLS cannot be sent from a browser: they are listed as not supported.
 */
import { applyAuth } from '../http-auth';
import type { ConnectionField } from '../sdk';
import { isObject, type OpenApiDocument, type SecurityRequirement } from './document';
import { deref } from './refs';

export type AuthKind = 'api_key_header' | 'api_key_query' | 'bearer' | 'basic' | 'unsupported';

export interface AuthScheme {
  /** The scheme's name in components.securitySchemes. */
  name: string;
  kind: AuthKind;
  /** Header or query parameter name, for an API key. */
  param?: string;
  /** Said to the person in the preview and on the connection form. */
  note: string;
}

export function readSchemes(doc: OpenApiDocument): AuthScheme[] {
  const raw = doc.components?.securitySchemes;
  if (!isObject(raw)) return [];
  return Object.entries(raw).map(([name, value]) => describe(name, deref(doc, value) ?? {}));
}

function describe(name: string, s: Record<string, unknown>): AuthScheme {
  const type = String(s.type ?? '');
  if (type === 'apiKey') {
    const param = String(s.name ?? '');
    if (s.in === 'header') return { name, kind: 'api_key_header', param, note: `API key sent in the ${param} header` };
    if (s.in === 'query') return { name, kind: 'api_key_query', param, note: `API key sent as the ${param} query parameter` };
    return { name, kind: 'unsupported', note: `API key in a cookie (${param}): a browser cannot send it, so this scheme is not supported` };
  }
  if (type === 'http') {
    const scheme = String(s.scheme ?? '').toLowerCase();
    if (scheme === 'bearer') return { name, kind: 'bearer', note: 'bearer token' };
    if (scheme === 'basic') return { name, kind: 'basic', note: 'user name and password (basic auth)' };
    return { name, kind: 'unsupported', note: `HTTP "${scheme}" auth is not supported` };
  }
  if (type === 'oauth2' || type === 'openIdConnect') {
    return { name, kind: 'bearer', note: `${type === 'oauth2' ? 'OAuth 2' : 'OpenID Connect'}: get an access token from the API's own sign-in and paste it as the bearer token` };
  }
  return { name, kind: 'unsupported', note: `"${type}" auth is not supported` };
}

/** The connection fields an imported connector declares: its base URL, then what its schemes need. */
export function connectionFields(schemes: AuthScheme[], defaultServer: string | undefined): ConnectionField[] {
  const usable = schemes.filter((s) => s.kind !== 'unsupported');
  const kinds = new Set(usable.map((s) => s.kind));
  const fields: ConnectionField[] = [
    {
      name: 'base_url',
      label: 'Base URL',
      secret: false,
      description: defaultServer ? `leave empty for ${defaultServer}` : 'the address of the API, e.g. https://api.example.com/v1'
    }
  ];
  if (usable.length > 1) {
    fields.push({ name: 'auth', label: 'Security scheme', secret: false, options: usable.map((s) => s.name), description: usable.map((s) => `${s.name}: ${s.note}`).join('; ') });
  }
  if (kinds.has('api_key_header') || kinds.has('api_key_query')) {
    const notes = usable.filter((s) => s.kind.startsWith('api_key')).map((s) => s.note);
    fields.push({ name: 'api_key', label: 'API key', secret: true, description: notes.join('; ') });
  }
  if (kinds.has('bearer')) {
    fields.push({ name: 'token', label: 'Bearer token', secret: true, description: usable.filter((s) => s.kind === 'bearer').map((s) => s.note).join('; ') });
  }
  if (kinds.has('basic')) {
    fields.push({ name: 'username', label: 'User name', secret: false }, { name: 'password', label: 'Password', secret: true });
  }
  return fields;
}

/**
 * Put the connection's credentials on a request, for the first of the operation's security alternatives
 * the connection can meet (the one its `auth` field names first). Without a connection nothing is added
 * (the API says if it needs auth); with one that meets no alternative, a clear error.
 */
export function applySecurity(
  url: URL,
  headers: Headers,
  requirements: SecurityRequirement[],
  schemes: AuthScheme[],
  connection: Readonly<Record<string, string>> | undefined
): void {
  if (!connection || requirements.length === 0) return;
  if (requirements.some((r) => Object.keys(r).length === 0) && !hasCredentials(connection)) return;
  const byName = new Map(schemes.map((s) => [s.name, s]));
  const alternatives = requirements.map((r) => Object.keys(r).map((n) => byName.get(n)));
  const chosen = connection.auth ? alternatives.find((alt) => alt.some((s) => s?.name === connection.auth)) : undefined;
  const usable = chosen ?? alternatives.find((alt) => alt.every((s) => s && meets(s, connection)));
  if (!usable) {
    const wanted = alternatives.map((alt) => alt.map((s) => (s ? `${s.name} (${s.note})` : 'an unknown scheme')).join(' and ')).join(', or ');
    throw new Error(`this action needs ${wanted}, and the connection does not have it`);
  }
  for (const scheme of usable) {
    if (!scheme || scheme.kind === 'unsupported') throw new Error(`this action needs ${scheme?.note ?? 'an unknown scheme'}`);
    const conn: Record<string, string> = { auth: scheme.kind };
    if (scheme.kind.startsWith('api_key')) Object.assign(conn, { name: scheme.param ?? '', key: connection.api_key ?? '' });
    if (scheme.kind === 'bearer') conn.token = connection.token ?? '';
    if (scheme.kind === 'basic') Object.assign(conn, { username: connection.username ?? '', password: connection.password ?? '' });
    applyAuth(url, headers, conn);
  }
}

function meets(s: AuthScheme, c: Readonly<Record<string, string>>): boolean {
  if (s.kind === 'api_key_header' || s.kind === 'api_key_query') return !!c.api_key;
  if (s.kind === 'bearer') return !!c.token;
  if (s.kind === 'basic') return !!c.username && !!c.password;
  return false;
}

function hasCredentials(c: Readonly<Record<string, string>>): boolean {
  return !!(c.api_key || c.token || c.password);
}
