import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../audit/chain';
import { AuditRowSchema } from '../audit/schema';
import { allAudit, auditHead, recordAudit } from './audit';
import { freshDb } from './test-db';

describe('recordAudit', () => {
  it('appends entries as the owner with seq, time and a valid chain', async () => {
    const db = freshDb();
    const first = await recordAudit(db, { action: 'recipe.create', target: { kind: 'recipe', id: 'r1' } }, { now: () => new Date('2026-12-07T10:00:00Z') });
    expect(first).toMatchObject({ seq: 1, at: '2026-12-07T10:00:00.000Z', actor: { id: 'owner', role: 'admin' }, prev: '0'.repeat(64), detail: {} });
    const second = await recordAudit(db, { action: 'recipe.edit', target: { kind: 'recipe', id: 'r1', version: 2 }, detail: { note: 'x' } });
    expect(second.seq).toBe(2);
    expect(second.prev).toBe(first.hash);
    const rows = await allAudit(db);
    rows.forEach((r) => AuditRowSchema.parse(r));
    expect(verifyChain(rows)).toEqual({ ok: true, entries: 2 });
  });

  it('does not fork when many appends race', async () => {
    const db = freshDb();
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(db, { action: 'job.run', target: { kind: 'job', id: `j${i}` } })));
    const rows = await allAudit(db);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(verifyChain(rows).ok).toBe(true);
  });

  it('refuses an unknown action and writes nothing', async () => {
    const db = freshDb();
    await expect(recordAudit(db, { action: 'nope' as 'job.run', target: { kind: 'job', id: 'j' } })).rejects.toThrow();
    expect(await db.audit.count()).toBe(0);
  });

  it('finds a stored entry changed, removed or reordered in the database', async () => {
    const db = freshDb();
    for (let i = 0; i < 4; i++) await recordAudit(db, { action: 'recipe.edit', target: { kind: 'recipe', id: 'r1', version: i + 1 } });
    await db.audit.update(2, { detail: { sneaky: true } });
    expect(verifyChain(await allAudit(db))).toMatchObject({ ok: false, at: 2, problem: 'changed' });
    const fresh = freshDb();
    for (let i = 0; i < 4; i++) await recordAudit(fresh, { action: 'recipe.edit', target: { kind: 'recipe', id: 'r1' } });
    await fresh.audit.delete(3);
    expect(verifyChain(await allAudit(fresh))).toMatchObject({ ok: false, at: 4, problem: 'removed' });
    const moved = freshDb();
    for (let i = 0; i < 3; i++) await recordAudit(moved, { action: 'recipe.edit', target: { kind: 'recipe', id: `r${i}` } });
    const rows = await allAudit(moved);
    await moved.audit.bulkPut([{ ...rows[0]!, seq: 2 }, { ...rows[1]!, seq: 1 }]);
    expect(verifyChain(await allAudit(moved))).toMatchObject({ ok: false, at: 1, problem: 'changed' });
  });

  it('the v9 database fixture holds a valid chain', async () => {
    const fixture = (await import('../../../tests/fixtures/db/v9.json')).default as { audit: unknown[] };
    expect(verifyChain(fixture.audit.map((r) => AuditRowSchema.parse(r)))).toEqual({ ok: true, entries: 1 });
  });

  it('keeps the head apart, so deleting the newest entries breaks the chain', async () => {
    const db = freshDb();
    for (let i = 0; i < 4; i++) await recordAudit(db, { action: 'recipe.edit', target: { kind: 'recipe', id: 'r1', version: i + 1 } });
    const head = await auditHead(db);
    const rows = await allAudit(db);
    expect(head).toEqual({ seq: 4, hash: rows[3]!.hash });
    expect(verifyChain(rows, head)).toEqual({ ok: true, entries: 4 });
    await db.audit.bulkDelete([3, 4]);
    expect(verifyChain(await allAudit(db), head)).toMatchObject({ ok: false, at: 2, problem: 'truncated' });
    // Without the head (a trail from before heads were kept) the shorter chain still holds.
    expect(verifyChain(await allAudit(db))).toEqual({ ok: true, entries: 2 });
  });

  it('an entry put after the head without the recorder is found', async () => {
    const db = freshDb();
    for (let i = 0; i < 2; i++) await recordAudit(db, { action: 'job.run', target: { kind: 'job', id: `j${i}` } });
    const head = await auditHead(db);
    const rows = await allAudit(db);
    const { hash: _h, ...rest } = rows[1]!;
    const forged = { ...rest, seq: 3, prev: rows[1]!.hash };
    const { entryHash } = await import('../audit/chain');
    await db.audit.add({ ...forged, hash: entryHash(forged) });
    expect(verifyChain(await allAudit(db), head)).toMatchObject({ ok: false, at: 3, problem: 'changed' });
  });
});
