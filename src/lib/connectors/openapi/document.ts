/**
 * Reading an OpenAPI document a person pasted or uploaded: JSON or YAML text, checked to be OpenAPI 3.0 or
 * 3.1 with paths. Every refusal is an `OpenApiError` whose message says what to do about it.
 */
import { parseDocument } from 'yaml';

/** The parts of an OpenAPI 3.x document the importer reads; the rest is kept but not typed. */
export interface OpenApiDocument {
  openapi: string;
  info?: { title?: string; version?: string; description?: string };
  servers?: ServerObject[];
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  security?: SecurityRequirement[];
}

export interface ServerObject {
  url: string;
  variables?: Record<string, { default?: string; enum?: string[] }>;
}

export type SecurityRequirement = Record<string, string[]>;

export class OpenApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpenApiError';
  }
}

/** Parse and check the text; answers the document or throws an OpenApiError. */
export function parseOpenApi(text: string): OpenApiDocument {
  const data = parseText(text);
  return checkDocument(data);
}

function parseText(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) throw new OpenApiError('the document is empty: paste or upload an OpenAPI file (JSON or YAML)');
  if (trimmed.startsWith('{')) {
    try {
      return JSON.parse(trimmed);
    } catch (err) {
      throw new OpenApiError(`the document is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // maxAliasCount keeps a YAML "billion laughs" from blowing up memory.
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    const at = first.linePos?.[0];
    const where = at ? ` at line ${at.line}, column ${at.col}` : '';
    const what = first.message.split('\n')[0];
    throw new OpenApiError(`the document is not valid YAML${where}: ${what}`);
  }
  return doc.toJS({ maxAliasCount: 1000 });
}

/** Check the document's shape: OpenAPI 3.0 or 3.1, with paths. */
export function checkDocument(data: unknown): OpenApiDocument {
  if (!isObject(data)) throw new OpenApiError('this is not an OpenAPI document: it should be an object with "openapi" and "paths"');
  if (typeof data.swagger === 'string') {
    throw new OpenApiError(
      `this is a Swagger ${data.swagger} document; Sous reads OpenAPI 3.0 and 3.1 only: convert it to OpenAPI 3 first (e.g. with the Swagger Editor's "Convert to OpenAPI 3")`
    );
  }
  const version = data.openapi;
  if (typeof version !== 'string') {
    throw new OpenApiError('this is not an OpenAPI document: it has no "openapi" version field (such as openapi: 3.0.3)');
  }
  if (!/^3\.[01]\.\d+/.test(version) && !/^3\.[01]$/.test(version)) {
    throw new OpenApiError(`OpenAPI ${version} is not supported: Sous reads OpenAPI 3.0 and 3.1`);
  }
  if (!isObject(data.paths)) {
    throw new OpenApiError('the document has no "paths": there are no operations to make actions from');
  }
  if (data.servers !== undefined && !Array.isArray(data.servers)) throw new OpenApiError('"servers" should be a list');
  return data as unknown as OpenApiDocument;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
