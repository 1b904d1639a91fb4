/**
 * A refund and its restock, all or nothing: every line is checked before anything is written, and the
 * writes run in one store transaction (a Dexie `rw` transaction in the browser), so a refund whose line
 * is wrong, or whose write fails part-way, leaves the order and the stock as they were.
 */
import { invalid, newId, notFound } from './common';
import type { Order, OrdersCollections, Refund, Stock } from './orders-schemas';
import type { SandboxStore } from './store';

export type OrdersStore = SandboxStore<OrdersCollections>;

export interface RefundRequest {
  order_id: string;
  items: { sku: string; quantity: number }[];
  reason?: string;
}

/** How many of each SKU of the order were refunded already. */
function refunded(order: Order): Map<string, number> {
  const done = new Map<string, number>();
  for (const r of order.refunds) for (const i of r.items) done.set(i.sku, (done.get(i.sku) ?? 0) + i.quantity);
  return done;
}

export async function createRefund(store: OrdersStore, request: RefundRequest, now: Date): Promise<{ refund: Refund; order: Order; stock: Stock[] }> {
  return store.transaction(async () => {
    const order = await store.get('orders', request.order_id);
    if (!order) throw notFound('order', request.order_id);
    if (order.status === 'cancelled') throw invalid(`order ${order.id} was cancelled; there is nothing to refund`);
    if (request.items.length === 0) throw invalid('a refund needs at least one item');

    // Check every line first; nothing is written unless all of them are right.
    const done = refunded(order);
    const wanted = new Map<string, number>();
    for (const item of request.items) wanted.set(item.sku, (wanted.get(item.sku) ?? 0) + item.quantity);
    const problems: string[] = [];
    const stock: Stock[] = [];
    let amount = 0;
    for (const [sku, quantity] of wanted) {
      const line = order.lines.find((l) => l.sku === sku);
      if (!line) {
        problems.push(`${sku} is not in order ${order.id}`);
        continue;
      }
      const left = line.quantity - (done.get(sku) ?? 0);
      if (quantity > left) problems.push(`only ${left} of ${sku} can still be refunded, not ${quantity}`);
      const level = await store.get('stock', sku);
      if (!level) problems.push(`there is no stock record for ${sku}`);
      else stock.push({ ...level, on_hand: level.on_hand + quantity });
      amount += quantity * line.unit_price;
    }
    if (problems.length > 0) throw invalid(`the refund was not made, nothing changed: ${problems.join('; ')}`);

    const refund: Refund = {
      id: newId('ref'),
      order_id: order.id,
      items: [...wanted].map(([sku, quantity]) => ({ sku, quantity })),
      amount: Math.round(amount * 100) / 100,
      reason: request.reason,
      at: now.toISOString()
    };
    const after = refunded({ ...order, refunds: [...order.refunds, refund] });
    const all = order.lines.every((l) => (after.get(l.sku) ?? 0) >= l.quantity);
    const next: Order = { ...order, refunds: [...order.refunds, refund], status: all ? 'refunded' : 'partially_refunded' };
    await store.put('orders', next);
    for (const level of stock) await store.put('stock', level);
    return { refund, order: next, stock };
  });
}
