import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createRefund } from '../connectors/sandbox/orders-refund';
import { createVendor } from '../connectors/sandbox/erp-vendors';
import { dexieSandboxStores, getActingAs, setActingAs } from './sandbox-apps';
import { freshDb } from './test-db';

const NOW = new Date('2026-03-01T00:00:00Z');

describe('sandbox apps in IndexedDB', () => {
  it('seeds each app on first use, once, and a reset brings the seed back', async () => {
    const db = freshDb();
    const stores = dexieSandboxStores(db);
    expect(await stores.erp.list('vendors')).toHaveLength(12);
    expect(await stores.hr.list('employees')).toHaveLength(8);
    expect(await stores.orders.list('orders')).toHaveLength(10);
    await stores.erp.delete('vendors', 'ven-001');
    // Another context (the page and the worker each have one) does not seed again over the change.
    expect(await dexieSandboxStores(db).erp.list('vendors')).toHaveLength(11);
    await createVendor(stores.erp, { name: 'Bluefin Paper' }, NOW);
    await stores.erp.reset();
    const names = (await stores.erp.list('vendors')).map((v) => v.name);
    expect(names).toHaveLength(12);
    expect(names).not.toContain('Bluefin Paper');
  });

  it('a refund with one bad line changes nothing', async () => {
    const { orders } = dexieSandboxStores(freshDb());
    const before = [await orders.list('orders'), await orders.list('stock')];
    const items = [{ sku: 'MUG-CER-01', quantity: 1 }, { sku: 'NOPE-1', quantity: 1 }];
    await expect(createRefund(orders, { order_id: 'ord-1001', items }, NOW)).rejects.toMatchObject({ code: 'invalid' });
    expect([await orders.list('orders'), await orders.list('stock')]).toEqual(before);
  });

  it('a refund whose write fails half-way is rolled back by the Dexie transaction', async () => {
    const db = freshDb();
    const { orders } = dexieSandboxStores(db);
    const before = [await orders.list('orders'), await orders.list('stock')];
    let stockWrites = 0;
    const put = orders.put.bind(orders);
    orders.put = async (collection, record) => {
      if (collection === 'stock' && ++stockWrites === 2) throw new Error('disk full');
      return put(collection, record);
    };
    const items = [{ sku: 'MUG-CER-01', quantity: 1 }, { sku: 'BTL-STE-75', quantity: 1 }];
    await expect(createRefund(orders, { order_id: 'ord-1008', items }, NOW)).rejects.toThrow('disk full');
    expect([await orders.list('orders'), await orders.list('stock')]).toEqual(before);
    orders.put = put;
    await createRefund(orders, { order_id: 'ord-1008', items }, NOW);
    expect((await orders.get('stock', 'BTL-STE-75'))?.on_hand).toBe(25);
    expect((await orders.get('orders', 'ord-1008'))?.refunds).toHaveLength(1);
  });

  it('remembers who the person acts as', async () => {
    const db = freshDb();
    expect(await getActingAs(db)).toBeNull();
    await setActingAs(db, 'emp-002');
    expect(await getActingAs(db)).toBe('emp-002');
    await setActingAs(db, null);
    expect(await getActingAs(db)).toBeNull();
  });
});
