import { beforeEach, describe, expect, it } from 'vitest';
import { StepFailure } from '../../engine/errors';
import type { ActionContext } from '../../engine/ports';
import { createTablesConnector } from './connector';
import { tablesOps } from './ops';
import type { ActionDef, ConnectorDef } from '../sdk';
import { MemoryTables } from './store';

const ctx = { signal: new AbortController().signal, jobId: 'j', path: 's', user: { id: 'u', name: 'U', roles: [] } } as unknown as ActionContext;

let store: MemoryTables;
let tables: ReturnType<typeof createTablesConnector>;
const run = (action: keyof typeof tables.actions, input: unknown) => {
  const def = tables.actions[action] as unknown as ActionDef;
  return def.execute(def.input.parse(input), ctx);
};

beforeEach(async () => {
  store = new MemoryTables();
  tables = createTablesConnector(store);
  const ops = tablesOps(store);
  await ops.createTable('Vendors', [
    { name: 'name', type: 'text' },
    { name: 'id', type: 'number' },
    { name: 'active', type: 'boolean' },
    { name: 'since', type: 'date' }
  ]);
  await ops.addRows('vendors', [
    { name: 'Acme', id: 1, active: true, since: '2020-01-31' },
    { name: 'Globex', id: 2, active: false, since: '2021-05-01' },
    { name: 'Acme', id: 3, active: true, since: null }
  ]);
});

describe('tables.lookup', () => {
  it.each([
    ['a text column, first match in table order', { column: 'name', value: 'Acme' }, { name: 'Acme', id: 1 }],
    ['a number column from a number', { column: 'id', value: 2 }, { name: 'Globex' }],
    ['a number column from clean text', { column: 'id', value: '3' }, { id: 3 }],
    ['a boolean column', { column: 'active', value: false }, { name: 'Globex' }],
    ['a date column', { column: 'since', value: '2021-05-01' }, { id: 2 }]
  ])('finds %s', async (_what, by, expected) => {
    expect(await run('lookup', { table: 'Vendors', ...by })).toMatchObject(expected);
  });

  it('answers null when no row matches, and ignores the case of the table name', async () => {
    expect(await run('lookup', { table: 'VENDORS', column: 'name', value: 'Initech' })).toBeNull();
  });

  it.each([
    [{ table: 'Suppliers', column: 'name', value: 'x' }, /no table "Suppliers".*"Vendors"/],
    [{ table: 'Vendors', column: 'city', value: 'x' }, /no column "city"/],
    [{ table: 'Vendors', column: 'id', value: 'abc' }, /column "id".*number/]
  ])('fails plainly, as the author’s mistake: %j', async (input, message) => {
    const err = await run('lookup', input).catch((e) => e);
    expect(err).toBeInstanceOf(StepFailure);
    expect(err).toMatchObject({ kind: 'user', retryable: false, message: expect.stringMatching(message) });
  });
});

describe('tables writes', () => {
  it('list filters with where, and lists every row without it', async () => {
    expect(await run('list', { table: 'vendors', where: { name: 'Acme', active: true } })).toMatchObject({ count: 2, rows: [{ id: 1 }, { id: 3 }] });
    expect(await run('list', { table: 'vendors' })).toMatchObject({ count: 3 });
  });

  it('add checks the types, fills missing columns with empty cells and keeps the order', async () => {
    expect(await run('add', { table: 'vendors', row: { name: 'Initech', id: '4', active: 'yes' } })).toEqual({ name: 'Initech', id: 4, active: true, since: null });
    expect((await run('list', { table: 'vendors' })) as { rows: { id: number }[] }).toMatchObject({ rows: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }] });
  });

  it.each([
    [{ name: 'X', id: 'twelve' }, /column "id" of table "Vendors" is a number column.*"twelve"/],
    [{ name: 'X', active: 'maybe' }, /column "active".*true or false/],
    [{ name: 'X', since: '2021-02-30' }, /column "since".*date/],
    [{ name: 'X', city: 'Paris' }, /no column "city"/]
  ])('add refuses %j naming the column, and writes nothing', async (row, message) => {
    await expect(run('add', { table: 'vendors', row })).rejects.toThrow(message);
    expect(await run('list', { table: 'vendors' })).toMatchObject({ count: 3 });
  });

  it('update changes every matching row; a bad change changes none', async () => {
    expect(await run('update', { table: 'vendors', column: 'name', value: 'Acme', changes: { active: false } })).toMatchObject({ updated: 2 });
    expect(await run('list', { table: 'vendors', where: { active: false } })).toMatchObject({ count: 3 });
    await expect(run('update', { table: 'vendors', column: 'name', value: 'Acme', changes: { id: 'x' } })).rejects.toThrow(/column "id"/);
    expect(await run('lookup', { table: 'vendors', column: 'id', value: 1 })).toMatchObject({ id: 1 });
  });

  it('delete removes every matching row and says how many', async () => {
    expect(await run('delete', { table: 'vendors', column: 'name', value: 'Acme' })).toEqual({ deleted: 2 });
    expect(await run('delete', { table: 'vendors', column: 'name', value: 'Acme' })).toEqual({ deleted: 0 });
    expect(await run('list', { table: 'vendors' })).toMatchObject({ count: 1 });
  });
});

describe('table management', () => {
  it('refuses duplicate table or column names, renames, and undoes a delete', async () => {
    const ops = tablesOps(store);
    await expect(ops.createTable('vendors', [{ name: 'a', type: 'text' }])).rejects.toThrow(/already a table named "Vendors"/);
    await expect(ops.createTable('T', [{ name: 'a', type: 'text' }, { name: 'a', type: 'number' }])).rejects.toThrow(/two columns are named "a"/);
    await expect(ops.createTable('T', [])).rejects.toThrow(/at least one column/);
    const [vendors] = await ops.list();
    await ops.renameTable(vendors.id, 'Suppliers');
    expect(await ops.lookup('suppliers', 'id', 2)).toMatchObject({ name: 'Globex' });
    const saved = await ops.deleteTable(vendors.id);
    await expect(ops.lookup('suppliers', 'id', 2)).rejects.toThrow(/no table/);
    expect(await store.rows(vendors.id)).toEqual([]);
    await ops.restoreTable(saved!);
    expect(await ops.listRows('suppliers')).toHaveLength(3);
  });

  it('adds a column to a table that has rows: they have it empty, and new rows are checked against it', async () => {
    const ops = tablesOps(store);
    const [vendors] = await ops.list();
    await ops.addColumn(vendors.id, { name: 'limit', type: 'number' });
    await expect(ops.addColumn(vendors.id, { name: 'limit', type: 'text' })).rejects.toThrow(/two columns are named "limit"/);
    expect(await run('lookup', { table: 'vendors', column: 'id', value: 1 })).toMatchObject({ name: 'Acme' });
    expect(await run('lookup', { table: 'vendors', column: 'limit', value: null })).toMatchObject({ id: 1 });
    await expect(run('add', { table: 'vendors', row: { name: 'X', limit: 'lots' } })).rejects.toThrow(/column "limit"/);
    expect(await run('update', { table: 'vendors', column: 'id', value: 2, changes: { limit: '500' } })).toMatchObject({ rows: [{ limit: 500 }] });
  });

  it('the connector check says there is nothing to connect to', async () => {
    expect(await (tables as ConnectorDef).check!({}, { signal: new AbortController().signal })).toMatchObject({ ok: true });
  });
});
