/**
 * Local `$ref`s (`#/components/...`) of an OpenAPI document. Parameters, request bodies and responses are
 * followed here (a chain of refs is capped so a loop ends); schemas are followed lazily by the schema
 * converter, which is how recursive schemas (a tree of comments) work.
 */
import { OpenApiError, isObject, type OpenApiDocument } from './document';

const MAX_CHAIN = 20;

/** The value at a JSON pointer such as `#/components/schemas/Pet`; external refs are refused. */
export function resolvePointer(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#')) {
    throw new OpenApiError(`the reference "${ref}" points outside this document; bundle the API description into one file first`);
  }
  const parts = ref
    .slice(1)
    .split('/')
    .filter((p, i) => i > 0 || p !== '')
    .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
  let here: unknown = doc;
  for (const part of parts) {
    if (!isObject(here) && !Array.isArray(here)) throw new OpenApiError(`the reference "${ref}" points to nothing in this document`);
    here = Object.hasOwn(here as object, part) ? (here as Record<string, unknown>)[part] : undefined;
    if (here === undefined) throw new OpenApiError(`the reference "${ref}" points to nothing in this document`);
  }
  return here;
}

/** Follow `$ref`s until a value that is not one (parameters, bodies, responses, security schemes). */
export function deref<T = Record<string, unknown>>(doc: OpenApiDocument, value: unknown): T | undefined {
  let here = value;
  for (let i = 0; i < MAX_CHAIN; i++) {
    if (!isObject(here)) return undefined;
    if (typeof here.$ref !== 'string') return here as T;
    here = resolvePointer(doc, here.$ref);
  }
  throw new OpenApiError(`a chain of references is longer than ${MAX_CHAIN} steps (maybe it loops)`);
}
