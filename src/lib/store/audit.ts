/**
 * Appending to the audit trail. The page and the worker both append; each append reads the last entry and
 * adds the next in one rw transaction on `audit`, and IndexedDB runs rw transactions on a table one after
 * another, so two writers cannot both chain onto the same entry.
 */
import { entryHash, GENESIS } from '../audit/chain';
import { AuditInputSchema, type AuditInput, type AuditRow } from '../audit/schema';
import type { SousDb } from './db';
import { currentPerson } from './people';

export interface RecordOptions {
  now?: () => Date;
}

/** Append one entry as the current person; call it after the write it records has succeeded. */
export async function recordAudit(db: SousDb, input: AuditInput, options: RecordOptions = {}): Promise<AuditRow> {
  const parsed = AuditInputSchema.parse(input);
  // Read outside the transaction: it spans `audit` only, and the person lives in other tables.
  const actor = await currentPerson(db);
  const at = (options.now?.() ?? new Date()).toISOString();
  return db.transaction('rw', db.audit, async () => {
    const last = await db.audit.orderBy('seq').last();
    const entry: Omit<AuditRow, 'hash'> = {
      seq: (last?.seq ?? 0) + 1,
      at,
      actor,
      action: parsed.action,
      target: parsed.target,
      detail: parsed.detail,
      prev: last?.hash ?? GENESIS
    };
    const row: AuditRow = { ...entry, hash: entryHash(entry) };
    await db.audit.add(row);
    return row;
  });
}

/** All entries, oldest first (for verifying the chain). */
export function allAudit(db: SousDb): Promise<AuditRow[]> {
  return db.audit.orderBy('seq').toArray();
}
