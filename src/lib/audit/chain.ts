/**
 * The audit trail's hash chain. Each entry's hash is SHA-256 over the previous entry's hash and the
 * entry's canonical JSON without `hash`, so changing, removing or reordering an entry breaks the chain at
 * that place. @noble/hashes is synchronous and works on a plain-http origin, where crypto.subtle does not
 * (the room serves the studio over http on the local network).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { AuditRow } from './schema';

export const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function entryHash(entry: Omit<AuditRow, 'hash'> & { hash?: string }): string {
  const { hash: _hash, ...rest } = entry;
  return bytesToHex(sha256(utf8ToBytes(entry.prev + canonicalJson(rest))));
}

export type ChainState =
  | { ok: true; entries: number }
  /** `at` is the entry (its seq) where the chain stops holding; `changed`: its content or hash differs
   * from what was written; `removed`: an entry before it is missing (or they were reordered);
   * `truncated`: the newest entries after `at` are gone (the head kept apart says more were written). */
  | { ok: false; entries: number; at: number; problem: 'changed' | 'removed' | 'truncated' };

/** The newest entry as it was appended, kept apart from the entries so that removing the last ones shows. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Checks entries in `seq` order. A gap in `seq`, or a `prev` that is not the previous hash while the
 * entry's own hash still holds, means an entry went missing; a hash that does not match the entry means
 * it was changed. With the `head` kept apart, a chain that ends before it (its last entries deleted) or
 * goes on past it (entries added without the recorder) is broken too; without one (a trail written before
 * heads were kept), only the entries are checked.
 */
export function verifyChain(rows: readonly AuditRow[], head?: ChainHead | null): ChainState {
  let prev = GENESIS;
  let expectedSeq = rows.length > 0 ? 1 : 0;
  for (const row of rows) {
    if (entryHash(row) !== row.hash) return { ok: false, entries: rows.length, at: row.seq, problem: 'changed' };
    if (row.prev !== prev || row.seq !== expectedSeq) return { ok: false, entries: rows.length, at: row.seq, problem: 'removed' };
    if (head && row.seq === head.seq && row.hash !== head.hash) return { ok: false, entries: rows.length, at: row.seq, problem: 'changed' };
    if (head && row.seq > head.seq) return { ok: false, entries: rows.length, at: row.seq, problem: 'changed' };
    prev = row.hash;
    expectedSeq = row.seq + 1;
  }
  const last = rows.at(-1)?.seq ?? 0;
  if (head && last < head.seq) return { ok: false, entries: rows.length, at: last, problem: 'truncated' };
  return { ok: true, entries: rows.length };
}

/** The chain's state in plain English (the page says it through the catalogue). */
export function describeChain(state: ChainState): string {
  if (state.ok) return `intact, ${state.entries} entries`;
  return `broken at entry #${state.at}: ${state.problem}`;
}
