/**
 * An imported OpenAPI document as a connector: one action per operation, its input from the parameters and
 * the request body, its output the 2xx answer, its connection fields from the security schemes. Requests
 * go through the built-in `http` connector's request (so the same injected fetch, proxy, timeouts, retry
 * and error rules apply); the operation's auth is put on before it.
 */
import { z } from 'zod';
import { StepFailure, connectorError } from '../../engine/errors';
import { createHttpConnector, type HttpOptions } from '../http';
import { defineConnector, type ActionDef, type ConnectorDef, type EventDef } from '../sdk';
import { applySecurity, connectionFields, readSchemes, type AuthScheme } from './auth';
import { parseOpenApi, type OpenApiDocument } from './document';
import { listOperations, type OperationInfo } from './operations';
import { buildRequest, serverUrl } from './request';
import { SchemaConverter } from './schema-to-zod';
import { suggestConnectorId } from './names';
import type { PollPlan } from './poll';

export interface OpenApiImport {
  id: string;
  label: string;
  /** The document's text as pasted or uploaded. */
  document: string;
}

/** What an import will create, for the preview and the tests. */
export interface OpenApiSummary {
  title: string;
  version?: string;
  openapi: string;
  suggestedId: string;
  server?: string;
  operations: { name: string; method: string; path: string; label: string; effect: 'read' | 'write'; idempotent: boolean }[];
  /** The events it raises: new items of list operations, polled (see poll.ts). */
  events: { name: string; label: string; operation: string }[];
  auth: AuthScheme[];
  warnings: string[];
}

export function summarize(doc: OpenApiDocument, operations = listOperations(doc)): OpenApiSummary {
  const warnings: string[] = [];
  const cookies = new Set(operations.flatMap((op) => op.skipped));
  if (cookies.size) warnings.push(`cookie parameters cannot be sent from a browser and are left out: ${[...cookies].slice(0, 10).join(', ')}`);
  const auth = readSchemes(doc);
  for (const s of auth.filter((a) => a.kind === 'unsupported')) warnings.push(`${s.name}: ${s.note}`);
  const server = serverUrl(doc.servers ?? []);
  if (!server || !/^https?:/i.test(server)) warnings.push('the document has no full server address: set the Base URL in the connection');
  if (operations.length === 0) warnings.push('the document has no operations');
  warnings.push(...operations.flatMap((op) => [...op.effect.warnings, ...op.poll.warnings]));
  return {
    title: doc.info?.title ?? 'Untitled API',
    version: doc.info?.version,
    openapi: doc.openapi,
    suggestedId: suggestConnectorId(doc.info?.title),
    server,
    operations: operations.map((op) => ({ name: op.name, method: op.method, path: op.path, label: op.label, effect: op.effect.effect, idempotent: op.effect.idempotent })),
    events: operations.flatMap((op) => (op.poll.plan ? [{ name: op.poll.plan.event, label: op.poll.plan.label, operation: op.name }] : [])),
    auth,
    warnings
  };
}

/** Parse the text and describe what importing it would create; throws OpenApiError for a bad document. */
export function previewOpenApi(text: string): OpenApiSummary {
  return summarize(parseOpenApi(text));
}

/** Build the connector of an imported document (already parsed, or as text). */
export function buildOpenApiConnector(spec: OpenApiImport | (Omit<OpenApiImport, 'document'> & { parsed: OpenApiDocument }), http: HttpOptions = {}): ConnectorDef {
  const doc = 'parsed' in spec ? spec.parsed : parseOpenApi(spec.document);
  const operations = listOperations(doc);
  const schemes = readSchemes(doc);
  const convert = new SchemaConverter(doc);
  const request = createHttpConnector(http).actions.request;
  const actions: Record<string, ActionDef> = {};
  const events: Record<string, EventDef> = {};
  for (const op of operations) {
    actions[op.name] = actionOf(op, convert, schemes, request);
    if (op.poll.plan) events[op.poll.plan.event] = eventOf(op, op.poll.plan, actions[op.name], convert);
  }
  return defineConnector({
    id: spec.id,
    label: spec.label,
    description: doc.info?.title ? `Imported from the OpenAPI document “${doc.info.title}”${doc.info.version ? ` ${doc.info.version}` : ''}.` : 'Imported from an OpenAPI document.',
    connection: connectionFields(schemes, serverUrl(doc.servers ?? [])),
    actions,
    events
  });
}

/** Who a poll's request is made as: no person presses anything, and an imported action never asks. */
const POLLER = { id: 'poller', name: 'Polled event', roles: [] };

/** The event of a list operation: each poll calls its action with no input and answers the list it holds. */
function eventOf(op: OperationInfo, plan: PollPlan, action: ActionDef, convert: SchemaConverter): EventDef {
  return {
    label: plan.label,
    payload: convert.convert(plan.item, 'output'),
    poll: {
      every: plan.every,
      key: plan.key,
      backlog: plan.backlog,
      async list({ connection, signal }) {
        // Checked like a step's input: an operation that needs input cannot be polled (poll.ts keeps those out).
        const input = action.input.safeParse({});
        if (!input.success) throw new Error(`${op.method} ${op.path} cannot be called without input`);
        const answer = (await action.execute(input.data, { connection, signal, user: POLLER, jobId: 'poll', path: plan.event })) as { body?: unknown };
        const body = answer.body as Record<string, unknown> | unknown[] | undefined;
        const items = plan.itemsAt === undefined ? body : Array.isArray(body) || !body || typeof body !== 'object' ? undefined : body[plan.itemsAt];
        if (!Array.isArray(items)) {
          throw new Error(`${op.method} ${op.path} did not answer a list${plan.itemsAt ? ` in "${plan.itemsAt}"` : ''}`);
        }
        return items;
      }
    }
  };
}

type HttpRequest = ReturnType<typeof createHttpConnector>['actions']['request'];

function actionOf(op: OperationInfo, convert: SchemaConverter, schemes: AuthScheme[], request: HttpRequest): ActionDef {
  const shape: Record<string, z.ZodType> = {};
  for (const p of op.parameters) {
    let field = convert.convert(p.schema ?? { type: 'string' }, 'input');
    if (p.description) field = field.describe(p.description.slice(0, 300));
    shape[p.key] = p.required ? field : field.optional();
  }
  if (op.body) {
    const body = convert.convert(op.body.schema, 'input');
    shape[op.body.key] = op.body.required ? body : body.optional();
  }
  const output = z.object({
    status: z.number().int(),
    headers: z.record(z.string(), z.string()),
    body: op.response === undefined ? z.unknown() : convert.convert(op.response, 'output')
  });
  return {
    label: op.label,
    description: `${op.method} ${op.path}${op.description ? ` — ${op.description.slice(0, 300)}` : ''}`,
    effect: op.effect.effect,
    idempotent: op.effect.idempotent,
    // Strict: a misspelt parameter name is an error the author sees, not a value silently dropped.
    input: z.strictObject(shape),
    output,
    retryable: (err) => err instanceof StepFailure && err.retryable,
    async execute(input: Record<string, unknown>, ctx) {
      let built;
      try {
        built = buildRequest(op, input, ctx.connection?.base_url);
        applySecurity(built.url, built.headers, op.security, schemes, ctx.connection);
      } catch (err) {
        throw connectorError(err instanceof Error ? err.message : String(err), { code: 'connection' });
      }
      const method = built.method as z.infer<typeof request.input>['method'];
      return request.execute(
        { method, url: built.url.toString(), headers: Object.fromEntries(built.headers.entries()), body: built.body },
        // Auth is on the request already: the http action must not apply the connection again.
        { ...ctx, connection: undefined }
      );
    }
  };
}
