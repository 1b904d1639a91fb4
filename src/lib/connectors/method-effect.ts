/**
 * The effect of an HTTP method, by its standard semantics (RFC 9110 §9.2): GET, HEAD, OPTIONS and TRACE
 * are safe (they read); PUT and DELETE write but are idempotent; POST, PATCH and anything else write and
 * are not. Shared by `http.request` (whose method is an input) and OpenAPI-imported actions.
 */
import type { ActionEffect } from './sdk';

export interface MethodEffect {
  effect: ActionEffect;
  idempotent: boolean;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);
const IDEMPOTENT = new Set(['PUT', 'DELETE']);

/**
 * `method` as a step holds it: absent means GET (the `http` default); an expression (`{{…}}`) is not known
 * until the job runs, so it counts as the strongest, a write that is not idempotent.
 */
export function methodEffect(method: unknown): MethodEffect {
  if (method === undefined || method === null || method === '') return { effect: 'read', idempotent: true };
  if (typeof method !== 'string' || method.includes('{{')) return { effect: 'write', idempotent: false };
  const name = method.trim().toUpperCase();
  if (SAFE.has(name)) return { effect: 'read', idempotent: true };
  return { effect: 'write', idempotent: IDEMPOTENT.has(name) };
}

/**
 * Whether a request carries an `Idempotency-Key` header (the IETF httpapi draft, Stripe and most payment
 * APIs): a server that honours it does a repeated POST once, so a step that may have run is safe to send
 * again with the same key. The header's name is matched in any case; an empty value is no key.
 */
export function hasIdempotencyKey(headers: unknown): boolean {
  if (!headers || typeof headers !== 'object') return false;
  return Object.entries(headers).some(([name, value]) => name.trim().toLowerCase() === 'idempotency-key' && typeof value === 'string' && value.trim() !== '');
}
