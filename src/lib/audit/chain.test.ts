import { describe, expect, it } from 'vitest';
import { describeChain, entryHash, GENESIS, verifyChain } from './chain';
import type { AuditRow } from './schema';

function chain(n: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = GENESIS;
  for (let i = 1; i <= n; i++) {
    const entry = { seq: i, at: `2026-12-07T10:00:0${i}.000Z`, actor: { id: 'owner', name: 'owner', role: 'admin' as const }, action: 'recipe.edit' as const, target: { kind: 'recipe' as const, id: 'r1', version: i }, detail: { n: i }, prev };
    const row = { ...entry, hash: entryHash(entry) };
    rows.push(row);
    prev = row.hash;
  }
  return rows;
}

describe('verifyChain', () => {
  it('holds for an untouched chain and an empty one', () => {
    expect(describeChain(verifyChain(chain(5)))).toBe('intact, 5 entries');
    expect(verifyChain([])).toEqual({ ok: true, entries: 0 });
  });

  it('hashes the same entry the same whatever its key order', () => {
    const [row] = chain(1);
    const { hash: _h, ...rest } = row!;
    const shuffled = Object.fromEntries(Object.entries(rest).reverse()) as typeof rest;
    expect(entryHash(shuffled)).toBe(row!.hash);
  });

  it.each([
    ['a detail', (r: AuditRow[]) => (r[2]!.detail = { n: 99 })],
    ['the actor', (r: AuditRow[]) => (r[2]!.actor = { id: 'x', name: 'x', role: 'runner' })],
    ['the time', (r: AuditRow[]) => (r[2]!.at = '2020-01-01T00:00:00.000Z')],
    ['the hash', (r: AuditRow[]) => (r[2]!.hash = 'f'.repeat(64))]
  ])('finds a changed entry (%s)', (_what, tamper) => {
    const rows = chain(5);
    tamper(rows);
    expect(describeChain(verifyChain(rows))).toBe('broken at entry #3: changed');
  });

  it('finds a changed entry even when its hash was recomputed', () => {
    const rows = chain(5);
    rows[1]!.detail = { n: 42 };
    rows[1]!.hash = entryHash(rows[1]!);
    expect(verifyChain(rows)).toMatchObject({ ok: false, at: 3, problem: 'removed' });
  });

  it('finds a removed entry, the first one too', () => {
    const rows = chain(5);
    rows.splice(2, 1);
    expect(describeChain(verifyChain(rows))).toBe('broken at entry #4: removed');
    expect(verifyChain(chain(3).slice(1))).toMatchObject({ ok: false, at: 2, problem: 'removed' });
  });

  it('finds reordered entries', () => {
    const rows = chain(5);
    [rows[1], rows[2]] = [rows[2]!, rows[1]!];
    expect(verifyChain(rows)).toMatchObject({ ok: false, at: 3, problem: 'removed' });
  });
});
