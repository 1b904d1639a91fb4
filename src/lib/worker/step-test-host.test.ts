// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRecipe, type Recipe } from '../recipe';
import { SousDb } from '../store';
import { dexieSandboxStores } from '../store/sandbox-apps';
import { createEngineHost } from './host';
import { memoryLocks } from './memory-locks';

let db: SousDb;
afterEach(() => db?.delete());

function host() {
  db = new SousDb(`sous-test-${crypto.randomUUID()}`);
  return createEngineHost({ db, locks: memoryLocks(), report: () => undefined });
}

const vendors: Recipe = (() => {
  const parsed = parseRecipe({
    format: 'sous.recipe/v1',
    id: 'vendors',
    name: 'Vendors',
    trigger: { kind: 'manual' },
    steps: [
      { id: 'search', kind: 'action', connector: 'sandbox.erp', action: 'vendors.search', input: { query: '{{ trigger.name }}' } },
      { id: 'create', kind: 'action', connector: 'sandbox.erp', action: 'vendors.create', input: { name: '{{ trigger.name }}', email: '{{ steps.search.vendors[0].email }}' } }
    ]
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.recipe;
})();

describe('Test this step in the worker host', () => {
  it('runs the sandbox action with the data given, and makes no job', async () => {
    const h = host();
    const result = await h.testStep(vendors, 'search', { trigger: { name: 'nobody at all' }, steps: {} });
    expect(result).toMatchObject({ ok: true, input: { query: 'nobody at all' }, output: { vendors: [] } });
    expect(await db.jobs.count()).toBe(0);
    expect(await db.job_steps.count()).toBe(0);
  });

  it('a write step really writes (the studio asks first), still with no job', async () => {
    const h = host();
    const result = await h.testStep(vendors, 'create', { trigger: { name: 'Tested Vendor Oy' }, steps: { search: { vendors: [{ email: 'ap@tested.example' }] } } });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, output: { name: 'Tested Vendor Oy' } });
    expect((await dexieSandboxStores(db).erp.list('vendors')).map((v) => v.name)).toContain('Tested Vendor Oy');
    expect(await db.jobs.count()).toBe(0);
  });
});
