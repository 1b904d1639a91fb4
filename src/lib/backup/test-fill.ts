/**
 * For the backup's tests (which import 'fake-indexeddb/auto' first of all): a database with rows in every
 * backed-up table, written as the studio writes them: the frozen upgrade fixtures (tests/fixtures/db),
 * the sandbox apps' seeds, and a vault with connections holding real secrets.
 */
import { readFileSync } from 'node:fs';
import { createConnection, createVault } from '../store/connections';
import type { SousDb } from '../store/db';
import { dexieSandboxStores } from '../store/sandbox-apps';
import { markStarted } from '../store/recipe-states';
import { DexieQueueStore } from '../store/trigger-events';
import { SCHEMA_VERSIONS } from '../store/db';

/** Secrets the filled database holds (sealed); a backup must contain none of them. */
export const SECRETS = ['tok-LIVE-9f3a"q/\\+é', 'hunter2-pass-Σ', 'sk-CANARY-5d1e0b7c'];

export function fixture(version: number): Record<string, Record<string, unknown>[]> {
  return JSON.parse(readFileSync(`tests/fixtures/db/v${version}.json`, 'utf8'));
}

/** Fixture rows of schema versions 1…`upTo`, by table. */
export function fixtureRows(upTo: number): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const { version } of SCHEMA_VERSIONS.filter((s) => s.version <= upTo)) {
    for (const [table, rows] of Object.entries(fixture(version))) out[table] = [...(out[table] ?? []), ...rows];
  }
  return out;
}

export async function fillEveryTable(db: SousDb): Promise<void> {
  // Seeded first: the fixtures' sandbox_meta says the ERP app was seeded already.
  const stores = dexieSandboxStores(db);
  await Promise.all([stores.erp.ready(), stores.hr.ready(), stores.orders.ready(), stores.mail.ready()]);
  for (const [table, rows] of Object.entries(fixtureRows(SCHEMA_VERSIONS.length))) await db.table(table).bulkPut(rows);
  const vault = await createVault(db, null);
  await createConnection(db, vault, { connector: 'http', label: 'Billing API', fields: { base_url: 'https://billing.example' }, secrets: { token: SECRETS[0] } });
  await createConnection(db, vault, { connector: 'smtp', label: 'Mail', fields: { host: 'mail.example' }, secrets: { password: SECRETS[1], key: SECRETS[2] } });
  await createConnection(db, vault, { connector: 'http', label: 'Open data', fields: { base_url: 'https://open.example' } });
  await markStarted(db, 'big-invoices', 1);
  await db.custom_connectors.put({ id: 'openapi.pets', label: 'Pets', kind: 'openapi', document: '{"openapi":"3.0.0"}', imported_at: '2026-12-01T10:00:00.000Z' });
  await db.ai_replays.put({ key: 'k1', action: 'ai.classify', model: 'tiny', output: { label: 'invoice' }, recorded_at: '2026-12-01T10:00:00.000Z' });
  await new DexieQueueStore(db).put({
    state: 'finished',
    accepted_at: '2026-12-01T10:00:00.000Z',
    skipped: 0,
    job_id: 'job-1',
    event: { event_id: 'big-invoices@2026-12-01T10:00:00.000Z', recipe_id: 'big-invoices', kind: 'schedule', due_at: '2026-12-01T10:00:00.000Z', payload: {} }
  });
  await db.schedule_marks.put({ recipe_id: 'big-invoices', last_due: '2026-12-01T10:00:00.000Z' });
  await db.poll_cursors.put({ key: 'big-invoices new_order', seen: ['o-1', 'o-2'], primed_at: '2026-12-01T10:00:00.000Z' });
}
