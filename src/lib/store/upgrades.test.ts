// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { SCHEMA_VERSIONS, SousDb } from './db';
import { ROW_SCHEMAS } from '../backup/tables';
import { listRecipes } from './recipes';
import { readJob } from './jobs';
import { listJobs } from './job-queries';
import { getLifecycle } from './recipe-states';
import { DexieTables } from './tables';

/**
 * A database as each earlier version of Sous left it: opened with that version's schemas only and filled
 * with the rows of tests/fixtures/db/v1…vN.json (each file: the tables its version brought in). Opening it
 * with today's SousDb must keep every row, readable by today's schemas and queries.
 */
const LATEST = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;
const fixture = (version: number): Record<string, unknown[]> => JSON.parse(readFileSync(`tests/fixtures/db/v${version}.json`, 'utf8'));


async function leftByVersion(name: string, version: number): Promise<Record<string, number>> {
  const old = new Dexie(name);
  for (const schema of SCHEMA_VERSIONS.filter((s) => s.version <= version)) old.version(schema.version).stores(schema.stores);
  await old.open();
  const counts: Record<string, number> = {};
  for (let v = 1; v <= version; v++) {
    for (const [table, rows] of Object.entries(fixture(v))) {
      await old.table(table).bulkPut(rows);
      counts[table] = rows.length;
    }
  }
  old.close();
  return counts;
}

let db: SousDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('opening a database an earlier version of Sous left', () => {
  it('has a fixture for every schema version, and every fixture table exists in that version', () => {
    for (const { version, stores } of SCHEMA_VERSIONS) {
      for (const table of Object.keys(fixture(version))) expect(Object.keys(stores), `v${version}.json: ${table}`).toContain(table);
    }
  });

  it.each(SCHEMA_VERSIONS.filter((s) => s.version < LATEST).map((s) => s.version))('from version %i keeps every row, readable today', async (version) => {
    const name = `sous-upgrade-${version}-${crypto.randomUUID()}`;
    const counts = await leftByVersion(name, version);
    db = new SousDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST);

    for (const [table, count] of Object.entries(counts)) {
      const rows = await db.table(table).toArray();
      expect(rows, table).toHaveLength(count);
      // Each table's row schema, as the backup checks rows with it.
      const schema = ROW_SCHEMAS[table];
      if (schema) for (const row of rows) expect(schema.safeParse(row).error?.issues, `${table} row`).toBeUndefined();
    }

    // Today's queries over the old rows (the jobs' parent_job index came in version 7).
    expect((await listRecipes(db)).map((r) => r.name).sort()).toEqual(['Edited: Invoice mail: find or create the vendor', 'Flag big invoices']);
    const job = await readJob(db, 'job-1');
    expect(job).toMatchObject({ status: 'succeeded', steps: [{ path: 'each', status: 'succeeded' }] });
    expect((await listJobs(db, { status: 'failed' })).map((j) => j.id)).toEqual(['job-2']);
    expect(await db.jobs.where('parent_job').equals('none').count()).toBe(0);

    // Version 8's upgrade: an event recipe that fired before lifecycles existed is started at its newest
    // version; a manual one is stopped.
    const recipes = await db.recipes.toArray();
    const eventRecipe = recipes.find((r) => r.name.startsWith('Edited'))!;
    const manual = recipes.find((r) => r.name === 'Flag big invoices')!;
    // (A database version 8 or later left has run that upgrade already; its fixture has no lifecycle rows.)
    if (version < 8) expect(await getLifecycle(db, eventRecipe.id)).toMatchObject({ state: 'started', active_version: 2 });
    expect(await getLifecycle(db, manual.id)).toMatchObject({ state: 'stopped' });

    if (version >= 4) {
      const found = await new DexieTables(db).scan('tbl-1', () => true, Infinity, { column: 'team', cell: 'hr' });
      expect(found.map((r) => r.values.approver)).toEqual(['lee@example.kr']);
    }
  });
});
