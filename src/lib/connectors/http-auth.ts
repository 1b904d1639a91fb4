/**
 * How the `http` connector applies a connection: an API key in a header or in the query, a bearer token,
 * or basic auth. The secret arrives at call time only (ctx.connection) and is never part of the input.
 */
import type { ConnectionField } from './sdk';

export const HTTP_AUTH_KINDS = ['api_key_header', 'api_key_query', 'bearer', 'basic'] as const;
export type HttpAuthKind = (typeof HTTP_AUTH_KINDS)[number];

export const HTTP_CONNECTION_FIELDS: ConnectionField[] = [
  { name: 'auth', label: 'Kind of auth', secret: false, options: HTTP_AUTH_KINDS },
  { name: 'name', label: 'Header or query parameter name (for an API key)', secret: false, description: 'e.g. x-api-key or api_key' },
  { name: 'key', label: 'API key', secret: true },
  { name: 'token', label: 'Bearer token', secret: true },
  { name: 'username', label: 'User name (basic auth)', secret: false },
  { name: 'password', label: 'Password (basic auth)', secret: true },
  {
    name: 'check_url',
    label: 'Address to check the connection (optional)',
    secret: false,
    description: 'A GET to it should succeed with these credentials, e.g. https://api.example.com/me'
  }
];

/** Put the connection's credentials on the request; a connection that is not complete fails clearly. */
export function applyAuth(url: URL, headers: Headers, connection: Readonly<Record<string, string>> | undefined): void {
  if (!connection) return;
  const auth = (connection.auth ?? 'bearer') as HttpAuthKind;
  const need = (field: string): string => {
    const value = connection[field];
    if (!value) throw new Error(`the connection has no ${field} (it uses ${auth} auth)`);
    return value;
  };
  switch (auth) {
    case 'api_key_header':
      headers.set(connection.name || 'x-api-key', need('key'));
      return;
    case 'api_key_query':
      url.searchParams.set(connection.name || 'api_key', need('key'));
      return;
    case 'bearer':
      headers.set('authorization', `Bearer ${need('token')}`);
      return;
    case 'basic':
      headers.set('authorization', `Basic ${btoa(`${need('username')}:${need('password')}`)}`);
      return;
    default:
      throw new Error(`unknown kind of auth "${auth}"; expected one of ${HTTP_AUTH_KINDS.join(', ')}`);
  }
}
