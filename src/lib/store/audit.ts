/**
 * Appending to the audit trail. The page and the worker both append; each append reads the last entry and
 * adds the next in one rw transaction on `audit`, and IndexedDB runs rw transactions on a table one after
 * another, so two writers cannot both chain onto the same entry.
 */
import { entryHash, GENESIS, type ChainHead } from '../audit/chain';
import { AuditInputSchema, type AuditInput, type AuditRow } from '../audit/schema';
import type { ConnectionRow, SousDb } from './db';
import { currentPerson } from './people';

/**
 * The newest entry's seq and hash, written with each entry but kept apart from them (in `governance`, which
 * no backup restores), so that deleting the newest entries breaks the chain where verify can see it.
 */
const HEAD_KEY = 'audit_head';

export interface RecordOptions {
  now?: () => Date;
}

/** Append one entry as the current person (and move the head); call it after the write it records has succeeded. */
export async function recordAudit(db: SousDb, input: AuditInput, options: RecordOptions = {}): Promise<AuditRow> {
  const parsed = AuditInputSchema.parse(input);
  // Read outside the transaction: it spans `audit` only, and the person lives in other tables.
  const actor = await currentPerson(db);
  const at = (options.now?.() ?? new Date()).toISOString();
  return db.transaction('rw', db.audit, db.governance, async () => {
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
    await db.governance.put({ key: HEAD_KEY, value: { seq: row.seq, hash: row.hash } satisfies ChainHead });
    return row;
  });
}

export async function auditHead(db: SousDb): Promise<ChainHead | null> {
  const value = (await db.governance.get(HEAD_KEY))?.value as Partial<ChainHead> | undefined;
  return value && typeof value.seq === 'number' && typeof value.hash === 'string' ? { seq: value.seq, hash: value.hash } : null;
}

/** After a restore replaced the trail with a backup's: its newest entry is the head from now on. */
export async function resetAuditHead(db: SousDb): Promise<void> {
  const last = await db.audit.orderBy('seq').last();
  if (last) await db.governance.put({ key: HEAD_KEY, value: { seq: last.seq, hash: last.hash } satisfies ChainHead });
  else await db.governance.delete(HEAD_KEY);
}

/** All entries, oldest first (for verifying the chain). */
export function allAudit(db: SousDb): Promise<AuditRow[]> {
  return db.audit.orderBy('seq').toArray();
}

/** Records "connection used" once per job and connection, however many steps call it. */
export function connectionUseRecorder(db: SousDb, options: RecordOptions = {}) {
  const seen = new Set<string>();
  return async (use: { connection: ConnectionRow; recipeId: string; ref: string; jobId?: string }): Promise<void> => {
    // Without a job (a caller that names none) every use is said.
    const key = `${use.jobId ?? ''}|${use.connection.id}`;
    if (use.jobId && seen.has(key)) return;
    if (seen.size > 10_000) seen.clear(); // a long-lived worker; forgetting only risks a repeated entry
    seen.add(key);
    await recordAudit(
      db,
      {
        action: 'connection.use',
        target: { kind: 'connection', id: use.connection.id, ...(use.jobId ? { job: use.jobId } : {}) },
        detail: { connector: use.connection.connector, label: use.connection.label, recipe_id: use.recipeId, ref: use.ref }
      },
      options
    );
  };
}

/** For the single-recipe export (the recipe list's and the editor's "Export"): after the file was made. */
export function recordRecipeExport(db: SousDb, recipeId: string, version: number | null, blanked: number): Promise<AuditRow> {
  return recordAudit(db, { action: 'recipe.export', target: { kind: 'recipe', id: recipeId, ...(version ? { version } : {}) }, detail: { secrets_blanked: blanked } });
}

/** For an approval's answer (src/lib/worker/host.ts `answer`/`answerUncertain`): after it was stored. */
export function recordApprovalAnswer(db: SousDb, answer: { jobId: string; path: string; choice: string; recipeId?: string }): Promise<AuditRow> {
  return recordAudit(db, {
    action: 'approval.answer',
    target: { kind: 'job', id: answer.jobId, job: answer.jobId },
    detail: { step: answer.path, choice: answer.choice, ...(answer.recipeId ? { recipe_id: answer.recipeId } : {}) }
  });
}
