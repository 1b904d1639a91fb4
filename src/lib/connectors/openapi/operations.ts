/**
 * The operations of an OpenAPI document, one per method of each path, with what the importer needs: the
 * action name, the parameters merged from path and operation level, the request body, the 2xx response's
 * schema and the security that applies.
 */
import { isObject, type OpenApiDocument, type SecurityRequirement, type ServerObject } from './document';
import { actionNameFromOperationId, actionNameFromRoute, uniqueName } from './names';
import { deref } from './refs';
import { operationEffect, type OperationEffect } from './effect';
import { pollOf, type PollFinding } from './poll';

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface ParameterInfo {
  name: string;
  /** The key in the action's input: the name, or `query_name` where two places use one name. */
  key: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: unknown;
  description?: string;
  style?: string;
  explode?: boolean;
}

export type BodyEncoding = 'json' | 'form' | 'text';

export interface OperationInfo {
  name: string;
  method: string;
  path: string;
  operationId?: string;
  label: string;
  description?: string;
  parameters: ParameterInfo[];
  /** Cookie parameters cannot be set by a browser's fetch; listed so the preview can say so. */
  skipped: string[];
  body?: { key: string; required: boolean; schema: unknown; encoding: BodyEncoding; contentType: string };
  response?: unknown;
  security: SecurityRequirement[];
  servers: ServerObject[];
  /** Read or write, and idempotent: from the method, or the document's `x-sous-effect`/`x-sous-idempotent`. */
  effect: OperationEffect;
  /** Whether new items of its answer can be polled for (an event `<name>.new`), from its shape or `x-sous-poll`. */
  poll: PollFinding;
}

export function listOperations(doc: OpenApiDocument): OperationInfo[] {
  const taken = new Set<string>();
  const out: OperationInfo[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const item = deref(doc, rawItem);
    if (!item) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const operationId = typeof op.operationId === 'string' && op.operationId ? op.operationId : undefined;
      const base = operationId ? actionNameFromOperationId(operationId) : actionNameFromRoute(method, path);
      const { parameters, skipped } = collectParameters(doc, item.parameters, op.parameters);
      const body = requestBody(doc, op.requestBody, new Set(parameters.map((p) => p.key)));
      const name = uniqueName(base, taken);
      const response = okResponse(doc, op.responses);
      const where = `${method.toUpperCase()} ${path}`;
      const required = [...parameters.filter((p) => p.required).map((p) => p.key), ...(body?.required ? [body.key] : [])];
      out.push({
        name,
        method: method.toUpperCase(),
        path,
        operationId,
        label: text(op.summary) ?? operationId ?? `${method.toUpperCase()} ${path}`,
        description: text(op.description),
        parameters,
        skipped,
        body,
        response,
        security: (Array.isArray(op.security) ? op.security : doc.security ?? []) as SecurityRequirement[],
        servers: pickServers(op.servers, item.servers, doc.servers),
        effect: operationEffect(method, op, where),
        poll: pollOf(doc, op, { action: name, method: method.toUpperCase(), path, summary: text(op.summary), required, response, where })
      });
    }
  }
  return out;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function collectParameters(doc: OpenApiDocument, pathLevel: unknown, opLevel: unknown): { parameters: ParameterInfo[]; skipped: string[] } {
  const byPlace = new Map<string, Record<string, unknown>>();
  for (const list of [pathLevel, opLevel]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = deref(doc, raw);
      if (p && typeof p.name === 'string' && typeof p.in === 'string') byPlace.set(`${p.in} ${p.name}`, p);
    }
  }
  const params = [...byPlace.values()];
  const skipped = params.filter((p) => p.in === 'cookie').map((p) => String(p.name));
  const usable = params.filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header');
  const count = new Map<string, number>();
  for (const p of usable) count.set(p.name as string, (count.get(p.name as string) ?? 0) + 1);
  const parameters = usable.map((p): ParameterInfo => {
    const name = p.name as string;
    const where = p.in as ParameterInfo['in'];
    return {
      name,
      key: (count.get(name) ?? 0) > 1 || name === 'body' ? `${where}_${name}` : name,
      in: where,
      required: where === 'path' || p.required === true,
      schema: p.schema ?? mediaSchema(p.content),
      description: text(p.description),
      style: typeof p.style === 'string' ? p.style : undefined,
      explode: typeof p.explode === 'boolean' ? p.explode : undefined
    };
  });
  return { parameters, skipped };
}

function mediaSchema(content: unknown): unknown {
  if (!isObject(content)) return undefined;
  const first = Object.values(content)[0];
  return isObject(first) ? first.schema : undefined;
}

/** The JSON (or form) body of an operation; other media types are sent as text. */
function requestBody(doc: OpenApiDocument, raw: unknown, keys: Set<string>): OperationInfo['body'] {
  const body = deref(doc, raw);
  if (!body || !isObject(body.content)) return undefined;
  const types = Object.keys(body.content);
  const json = types.find((t) => /^application\/(.+\+)?json\b/i.test(t) || t === '*/*');
  const form = types.find((t) => /^application\/x-www-form-urlencoded\b/i.test(t));
  const chosen = json ?? form ?? types[0];
  if (!chosen) return undefined;
  const media = body.content[chosen];
  const encoding: BodyEncoding = json ? 'json' : form ? 'form' : 'text';
  return {
    key: keys.has('body') ? 'request_body' : 'body',
    required: body.required === true,
    schema: encoding === 'text' ? { type: 'string' } : isObject(media) ? media.schema : undefined,
    encoding,
    contentType: chosen === '*/*' ? 'application/json' : chosen
  };
}

/** The schema of the first 2xx answer with a JSON body (200 before 201 …), or of `2XX`. */
function okResponse(doc: OpenApiDocument, responses: unknown): unknown {
  if (!isObject(responses)) return undefined;
  const codes = Object.keys(responses)
    .filter((c) => /^2(\d\d|XX)$/i.test(c))
    .sort();
  for (const code of codes) {
    const res = deref(doc, responses[code]);
    if (!res || !isObject(res.content)) continue;
    const type = Object.keys(res.content).find((t) => /^application\/(.+\+)?json\b/i.test(t) || t === '*/*');
    const media = type ? res.content[type] : undefined;
    if (isObject(media)) return media.schema ?? {};
  }
  return undefined;
}

function pickServers(...levels: unknown[]): ServerObject[] {
  for (const level of levels) {
    if (Array.isArray(level) && level.length) return level.filter((s): s is ServerObject => isObject(s) && typeof s.url === 'string');
  }
  return [];
}
