import { describe, expect, it } from 'vitest';
import { StepFailure } from '../../engine/errors';
import { memorySandboxStores } from './index';
import { createRefund, type OrdersStore } from './orders-refund';

const NOW = new Date('2026-03-01T00:00:00Z');

async function snapshot(store: OrdersStore) {
  return { orders: await store.list('orders'), stock: await store.list('stock') };
}

describe('sandbox.orders refunds', () => {
  it('refunds items and restocks them', async () => {
    const store = memorySandboxStores().orders;
    const { refund, order } = await createRefund(store, { order_id: 'ord-1001', items: [{ sku: 'MUG-CER-01', quantity: 2 }], reason: 'chipped' }, NOW);
    expect(refund.amount).toBe(24);
    expect(order.status).toBe('partially_refunded');
    expect((await store.get('stock', 'MUG-CER-01'))?.on_hand).toBe(122);
    await createRefund(store, { order_id: 'ord-1001', items: [{ sku: 'NBK-A5-DOT', quantity: 3 }] }, NOW);
    expect((await store.get('orders', 'ord-1001'))?.status).toBe('refunded');
  });

  it.each([
    ['a SKU that is not in the order', [{ sku: 'MUG-CER-01', quantity: 1 }, { sku: 'BTL-STE-75', quantity: 1 }], 'BTL-STE-75 is not in order'],
    ['more than was ordered', [{ sku: 'MUG-CER-01', quantity: 1 }, { sku: 'NBK-A5-DOT', quantity: 4 }], 'only 3 of NBK-A5-DOT'],
    ['the same SKU twice, adding up to too many', [{ sku: 'MUG-CER-01', quantity: 2 }, { sku: 'MUG-CER-01', quantity: 1 }], 'only 2 of MUG-CER-01']
  ])('a refund with one bad line (%s) changes nothing', async (_what, items, message) => {
    const store = memorySandboxStores().orders;
    const before = await snapshot(store);
    const err = await createRefund(store, { order_id: 'ord-1001', items }, NOW).catch((e) => e);
    expect(err).toBeInstanceOf(StepFailure);
    expect(err.code).toBe('invalid');
    expect(err.message).toContain(message);
    expect(await snapshot(store)).toEqual(before);
  });

  it('a write that fails half-way is undone: the order and the first restock are rolled back', async () => {
    const store = memorySandboxStores().orders;
    const before = await snapshot(store);
    // The storage breaks on the second stock write (a full disk, say); the first writes already happened.
    let stockWrites = 0;
    const put = store.put.bind(store);
    store.put = async (collection, record) => {
      if (collection === 'stock' && ++stockWrites === 2) throw new Error('disk full');
      return put(collection, record);
    };
    const items = [{ sku: 'MUG-CER-01', quantity: 1 }, { sku: 'BTL-STE-75', quantity: 1 }, { sku: 'BAG-CAN-01', quantity: 1 }];
    await expect(createRefund(store, { order_id: 'ord-1008', items }, NOW)).rejects.toThrow('disk full');
    expect(await snapshot(store)).toEqual(before);
  });

  it('refuses to refund a cancelled order or an unknown one', async () => {
    const store = memorySandboxStores().orders;
    await expect(createRefund(store, { order_id: 'ord-1007', items: [{ sku: 'TEE-ORG-L', quantity: 1 }] }, NOW)).rejects.toThrow('cancelled');
    await expect(createRefund(store, { order_id: 'ord-9999', items: [{ sku: 'TEE-ORG-L', quantity: 1 }] }, NOW)).rejects.toMatchObject({ code: 'not_found' });
  });
});
