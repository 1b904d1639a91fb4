import { describe, expect, it } from 'vitest';
import { AuditFilterSchema, filterAudit } from './filters';
import type { AuditRow } from './schema';

function row(seq: number, over: Partial<AuditRow>): AuditRow {
  return { seq, at: '2026-12-07T10:00:00.000Z', actor: { id: 'owner', name: 'owner', role: 'admin' }, action: 'recipe.edit', target: { kind: 'recipe', id: 'r1' }, detail: {}, prev: '0'.repeat(64), hash: '0'.repeat(64), ...over };
}
const rows = [
  row(1, { action: 'recipe.create' }),
  row(2, { action: 'job.run', target: { kind: 'job', id: 'j1' }, detail: { recipe_id: 'r1', status: 'succeeded' } }),
  row(3, { actor: { id: 'p2', name: 'Mina', role: 'runner' }, target: { kind: 'recipe', id: 'r2' }, at: '2026-12-09T10:00:00.000Z' })
];
const seqs = (f: Partial<Record<string, string>>) => filterAudit(rows, AuditFilterSchema.parse(f)).map((r) => r.seq);

describe('filterAudit', () => {
  it.each([
    [{}, [3, 2, 1]],
    [{ action: 'job.run' }, [2]],
    [{ person: 'p2' }, [3]],
    [{ recipe: 'r1' }, [2, 1]],
    [{ from: '2026-12-08' }, [3]],
    [{ to: '2026-12-07' }, [2, 1]],
    [{ text: 'SUCCEEDED' }, [2]],
    [{ text: 'mina' }, [3]]
  ])('%j shows %j', (filter, expected) => expect(seqs(filter)).toEqual(expected));
});
