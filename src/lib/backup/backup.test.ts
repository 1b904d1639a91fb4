// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Vault } from '../connections/vault';
import { verifyChain } from '../audit/chain';
import { allAudit, auditHead, recordAudit } from '../store/audit';
import { readVaultRecord } from '../store/connections';
import { SCHEMA_VERSIONS, type SousDb } from '../store/db';
import { StorageFullError } from '../store/storage-errors';
import { freshDb, quotaError } from '../store/test-db';
import { backupFileName, BACKUP_FORMAT } from './format';
import { readBackupText, type CheckedBackup } from './read';
import { restoreBackup } from './restore';
import { backedUpTables, LATEST_SCHEMA, LEFT_OUT, ROW_SCHEMAS } from './tables';
import { fillEveryTable, fixtureRows, SECRETS } from './test-fill';
import { writeBackup } from './write';

const dbs: SousDb[] = [];
function db(): SousDb {
  const made = freshDb();
  dbs.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

async function dump(d: SousDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of backedUpTables()) out[table] = await d.table(table).toArray();
  return out;
}

async function checked(text: string): Promise<CheckedBackup> {
  const read = await readBackupText(text);
  if (!read.ok) throw new Error(read.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return read.value;
}

describe('a backup', () => {
  it('holds every table but the vault, the people and the governance facts, each with a schema to check its rows', () => {
    expect(backedUpTables().sort()).toEqual(Object.keys(ROW_SCHEMAS).sort());
    expect(Object.keys(LEFT_OUT)).toEqual(['vault', 'people', 'governance']);
    const all = new Set(SCHEMA_VERSIONS.flatMap((s) => Object.keys(s.stores)));
    expect([...all].filter((t) => !backedUpTables().includes(t))).toEqual(['vault', 'people', 'governance']);
  });

  it('of a filled database restores every row of every table into an empty one', async () => {
    const from = db();
    await fillEveryTable(from);
    const before = await dump(from);
    for (const table of backedUpTables()) expect(before[table].length, `${table} is filled`).toBeGreaterThan(0);

    const seen: [number, number][] = [];
    const { blob, summary } = await writeBackup(from, { onProgress: (done, total) => seen.push([done, total]), now: new Date('2026-12-07T10:00:00Z') });
    const total = Object.values(before).reduce((n, rows) => n + rows.length, 0);
    expect(seen.at(-1)).toEqual([total, total]);
    expect(summary).toMatchObject({ created_at: '2026-12-07T10:00:00.000Z', schema: LATEST_SCHEMA });
    const text = await blob.text();
    expect(JSON.parse(text)).toMatchObject({ format: BACKUP_FORMAT, version: 1, schema: LATEST_SCHEMA });

    const to = db();
    const backup = await checked(text);
    expect(backup.summary.counts).toEqual(Object.fromEntries(backedUpTables().map((t) => [t, before[t].length])));
    const restoredSeen: number[] = [];
    const report = await restoreBackup(to, backup, 'replace', (done) => restoredSeen.push(done));
    expect(restoredSeen.at(-1)).toBe(total);
    const after = await dump(to);
    for (const table of backedUpTables()) {
      if (table === 'connections') continue;
      expect(after[table], table).toEqual(before[table]);
    }
    // Connections come back with their plain fields, without secrets; those that had some are named.
    const strip = (rows: unknown[]) => (rows as { sealed: unknown }[]).map((r) => ({ ...r, sealed: null }));
    expect(after.connections).toEqual(strip(before.connections));
    expect(report.needs_secrets.map((c) => c.label).sort()).toEqual(['Billing API', 'ERP API', 'Mail']);
    expect(backup.summary.needs_secrets.map((c) => c.label).sort()).toEqual(['Billing API', 'ERP API', 'Mail']);
    expect(await to.vault.count()).toBe(0);
  });

  it('holds none of the secrets, sealed values or vault of the database', async () => {
    const from = db();
    await fillEveryTable(from);
    const text = await (await writeBackup(from)).blob.text();
    const sealed = (await from.connections.toArray()).flatMap((c) => (c.sealed ? [c.sealed.iv, c.sealed.ct] : []));
    const vault = await readVaultRecord(from);
    expect(sealed.length).toBe(6);
    for (const secret of [...SECRETS, ...SECRETS.map((s) => JSON.stringify(s).slice(1, -1)), ...sealed, vault!.check.ct, vault!.check.iv]) {
      expect(text.includes(secret), secret).toBe(false);
    }
    expect(text).not.toContain('"vault"');
    expect(text).not.toContain('"iv"');
  });

  it('restored with "replace" onto the same browser keeps the secrets it sealed, and drops rows the backup lacks', async () => {
    const here = db();
    await fillEveryTable(here);
    const backup = await checked(await (await writeBackup(here)).blob.text());
    await here.recipes.put({ id: 'made-later', name: 'Made after the backup', version: 1, updated_at: '2026-12-08T00:00:00.000Z' });
    const report = await restoreBackup(here, backup, 'replace');
    expect(await here.recipes.get('made-later')).toBeUndefined();
    expect(report.needs_secrets).toEqual([]);
    const vault = new Vault();
    await vault.unlock((await readVaultRecord(here))!);
    const billing = (await here.connections.toArray()).find((c) => c.label === 'Billing API')!;
    expect(await vault.open(billing.sealed!)).toEqual({ token: SECRETS[0] });
  });

  it('restored with "add" keeps every row already here and adds only the missing ones', async () => {
    const from = db();
    await fillEveryTable(from);
    const backup = await checked(await (await writeBackup(from)).blob.text());
    const to = db();
    await to.recipes.put({ id: 'big-invoices', name: 'My own edit', version: 9, updated_at: '2026-12-08T00:00:00.000Z' });
    await to.recipes.put({ id: 'only-here', name: 'Only here', version: 1, updated_at: '2026-12-08T00:00:00.000Z' });
    const job = backup.tables.jobs[0];
    await to.jobs.put(job as never);
    const report = await restoreBackup(to, backup, 'add');
    expect((await to.recipes.get('big-invoices'))!.name).toBe('My own edit');
    // What belongs to a row kept here stays out with it: a kept recipe gets no versions, a kept job no steps.
    expect(await to.recipe_versions.where('[recipe_id+version]').between(['big-invoices', 0], ['big-invoices', Infinity]).count()).toBe(0);
    expect(await to.recipe_states.get('big-invoices')).toBeUndefined();
    expect(await to.job_steps.where('[job_id+seq]').between([job.id, 0], [job.id, Infinity]).count()).toBe(0);
    expect(await to.recipe_versions.count()).toBe(backup.tables.recipe_versions.filter((v) => v.recipe_id !== 'big-invoices').length);
    expect(await to.recipes.get('only-here')).toBeDefined();
    expect(await to.recipes.count()).toBe(backup.tables.recipes.length + 1);
    expect(report.kept.recipes).toBe(1);
    expect(report.added.recipes).toBe(backup.tables.recipes.length - 1);
    expect(await to.jobs.count()).toBe(backup.tables.jobs.length);
    expect(report.kept.jobs).toBe(1);
  });

  it('never merges or replaces an audit trail that is here (append-only); an empty one takes the backup\'s, head too', async () => {
    const from = db();
    await fillEveryTable(from);
    for (let i = 0; i < 3; i++) await recordAudit(from, { action: 'job.run', target: { kind: 'job', id: `j${i}` } });
    const backup = await checked(await (await writeBackup(from)).blob.text());
    const empty = db();
    await restoreBackup(empty, backup, 'replace');
    expect(verifyChain(await allAudit(empty), await auditHead(empty))).toEqual({ ok: true, entries: backup.tables.audit.length });
    for (const mode of ['replace', 'add'] as const) {
      const here = db();
      await recordAudit(here, { action: 'recipe.create', target: { kind: 'recipe', id: 'mine' } });
      const before = await allAudit(here);
      const report = await restoreBackup(here, backup, mode);
      expect(await allAudit(here)).toEqual(before);
      expect(verifyChain(before, await auditHead(here))).toEqual({ ok: true, entries: 1 });
      expect(report.kept.audit).toBe(backup.tables.audit.length);
    }
  });

  it('is written in one transaction: a write that fails part way leaves the database as it was', async () => {
    const from = db();
    await fillEveryTable(from);
    const backup = await checked(await (await writeBackup(from)).blob.text());
    const to = db();
    await to.recipes.put({ id: 'only-here', name: 'Only here', version: 1, updated_at: '2026-12-08T00:00:00.000Z' });
    const before = await dump(to);
    // The edge of the world: the disk fills up while the job steps are written.
    to.job_steps.hook('creating', () => {
      throw quotaError();
    });
    await expect(restoreBackup(to, backup, 'replace')).rejects.toBeInstanceOf(StorageFullError);
    expect(await dump(to)).toEqual(before);
  });

  it.each(SCHEMA_VERSIONS.filter((s) => s.version < LATEST_SCHEMA).map((s) => s.version))(
    'from schema %i is brought up through the database upgrades',
    async (schema) => {
      const tables = fixtureRows(schema);
      const text = JSON.stringify({ format: BACKUP_FORMAT, version: 1, schema, created_at: '2026-03-01T09:00:00.000Z', tables });
      const backup = await checked(text);
      expect(backup.summary.schema).toBe(schema);
      const to = db();
      await restoreBackup(to, backup, 'replace');
      for (const [table, rows] of Object.entries(tables)) expect(await to.table(table).count(), table).toBe(rows.length);
      // Version 8's upgrade: the event recipe that fired before lifecycles existed is started.
      const event = (await to.recipes.toArray()).find((r) => r.name.startsWith('Edited'))!;
      if (schema < 8) expect(await to.recipe_states.get(event.id)).toMatchObject({ state: 'started', active_version: 2 });
      // The temporary database the upgrade ran in is gone.
      const names = (await indexedDB.databases()).map((d) => d.name);
      expect(names.filter((n) => n?.startsWith('sous-restore-'))).toEqual([]);
    }
  );

  it('of many rows is built from several parts that read back as one file', async () => {
    const from = db();
    const rows = Array.from({ length: 6000 }, (_, i) => ({ id: `r${i}`, table_id: 'tbl-big', seq: i, values: { note: `row ${i} ${'é'.repeat(80)}` }, keys: [`tbl-big\tseq\t${i}`] }));
    await from.lookup_rows.bulkAdd(rows);
    const { blob } = await writeBackup(from);
    expect(blob.size).toBeGreaterThan(512 * 1024);
    const to = db();
    await restoreBackup(to, await checked(await blob.text()), 'replace');
    expect(await to.lookup_rows.count()).toBe(6000);
    expect(await to.lookup_rows.get('r5999')).toEqual(rows[5999]);
    expect(await to.lookup_rows.where('keys').equals('tbl-big\tseq\t42').count()).toBe(1);
  });

  it('drops a sealed value a file holds (Sous never writes one): sealed elsewhere, it opens nothing here', async () => {
    const tables = fixtureRows(2);
    expect(tables.connections[0].sealed).not.toBeNull();
    const backup = await checked(JSON.stringify({ format: BACKUP_FORMAT, version: 1, schema: LATEST_SCHEMA, created_at: '2026-03-01T09:00:00.000Z', tables }));
    expect(backup.summary.needs_secrets).toEqual([{ id: 'conn-1', label: 'ERP API', connector: 'http' }]);
    const to = db();
    const report = await restoreBackup(to, backup, 'add');
    expect((await to.connections.get('conn-1'))!.sealed).toBeNull();
    expect(report.needs_secrets.map((c) => c.id)).toEqual(['conn-1']);
  });

  it('is named by the local date', () => {
    expect(backupFileName(new Date(2026, 11, 7, 23, 59))).toBe('sous-backup-2026-12-07.json');
  });
});
