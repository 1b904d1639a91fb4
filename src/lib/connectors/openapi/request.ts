/**
 * From an action's input to an HTTP request: the server URL (its variables at their defaults, or the
 * connection's base URL), path parameters put in, query parameters in the OpenAPI styles (form, exploded
 * or not; deepObject), header parameters, and a JSON or form body.
 */
import type { ServerObject } from './document';
import type { OperationInfo } from './operations';

/** The server's URL with its variables at their defaults; undefined when the document names none. */
export function serverUrl(servers: ServerObject[]): string | undefined {
  const server = servers[0];
  if (!server) return undefined;
  return server.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = server.variables?.[name];
    return String(v?.default ?? v?.enum?.[0] ?? name);
  });
}

export interface BuiltRequest {
  method: string;
  url: URL;
  headers: Headers;
  body?: string | Record<string, unknown> | unknown[];
}

export function buildRequest(op: OperationInfo, input: Record<string, unknown>, baseUrl: string | undefined): BuiltRequest {
  const base = (baseUrl || serverUrl(op.servers) || '').trim();
  if (!/^https?:\/\//i.test(base)) {
    throw new Error(
      base
        ? `the API's address "${base}" is not a full web address: set the Base URL of the connection (e.g. https://api.example.com${base.startsWith('/') ? base : ''})`
        : 'the document names no server: set the Base URL of the connection'
    );
  }
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const p = op.parameters.find((x) => x.in === 'path' && x.name === name);
    const value = p ? input[p.key] : undefined;
    if (value === undefined || value === null || value === '') throw new Error(`the input has no ${name} (it is part of the address ${op.path})`);
    return encodeURIComponent(Array.isArray(value) ? value.join(',') : String(value));
  });
  const url = new URL(base.replace(/\/+$/, '') + path);
  const headers = new Headers();
  for (const p of op.parameters) {
    const value = input[p.key];
    if (value === undefined || value === null) continue;
    if (p.in === 'query') addQuery(url.searchParams, p.name, value, p.style, p.explode);
    else if (p.in === 'header') headers.set(p.name, Array.isArray(value) ? value.join(',') : scalar(value));
  }
  const request: BuiltRequest = { method: op.method, url, headers };
  const body = op.body ? input[op.body.key] : undefined;
  if (op.body && body !== undefined && body !== null) {
    if (op.body.encoding === 'json') request.body = body as Record<string, unknown>;
    else {
      headers.set('content-type', op.body.contentType);
      request.body = op.body.encoding === 'form' ? formBody(body) : scalar(body);
    }
  }
  return request;
}

function scalar(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function addQuery(params: URLSearchParams, name: string, value: unknown, style = 'form', explode = style === 'form'): void {
  if (Array.isArray(value)) {
    if (explode) for (const v of value) params.append(name, scalar(v));
    else params.append(name, value.map(scalar).join(style === 'pipeDelimited' ? '|' : style === 'spaceDelimited' ? ' ' : ','));
  } else if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (style === 'deepObject') for (const [k, v] of entries) params.append(`${name}[${k}]`, scalar(v));
    else if (explode) for (const [k, v] of entries) params.append(k, scalar(v));
    else params.append(name, entries.flatMap(([k, v]) => [k, scalar(v)]).join(','));
  } else params.append(name, scalar(value));
}

/** A form body with nested values in brackets (`metadata[order]=6735`, `items[0][price]=x`), as Stripe reads it. */
export function formBody(value: unknown): string {
  const params = new URLSearchParams();
  const walk = (prefix: string, v: unknown) => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) v.forEach((item, i) => walk(`${prefix}[${i}]`, item));
    else if (typeof v === 'object') for (const [k, sub] of Object.entries(v as Record<string, unknown>)) walk(prefix ? `${prefix}[${k}]` : k, sub);
    else params.append(prefix, String(v));
  };
  walk('', value);
  return params.toString();
}
