/** The `sandbox.orders` connector: a small shop's orders, refunds (with restock) and stock levels. */
import { z } from 'zod';
import { defineConnector } from '../sdk';
import { notFound } from './common';
import type { SandboxAppDeps } from './erp';
import { createRefund, type OrdersStore } from './orders-refund';
import { ORDER_STATUSES, OrderSchema, RefundItemSchema, RefundSchema, StockSchema } from './orders-schemas';

export const ORDERS = 'sandbox.orders';

export function createOrdersConnector({ store, now = () => new Date() }: SandboxAppDeps<OrdersStore>) {
  return defineConnector({
    id: ORDERS,
    label: 'Sandbox shop',
    description: 'A local shop with orders, refunds and stock levels, for workshops.',
    actions: {
      'orders.list': {
        label: 'List orders',
        effect: 'read', idempotent: true,
        input: z.object({ status: z.enum(ORDER_STATUSES).optional(), email: z.string().optional() }),
        output: z.object({ orders: z.array(OrderSchema) }),
        async execute({ status, email }) {
          const all = await store.list('orders');
          return { orders: all.filter((o) => (!status || o.status === status) && (!email || o.email.toLowerCase() === email.toLowerCase())) };
        }
      },
      'orders.get': {
        label: 'Get an order',
        effect: 'read', idempotent: true,
        input: z.object({ id: z.string().min(1) }),
        output: OrderSchema,
        async execute({ id }) {
          const found = await store.get('orders', id);
          if (!found) throw notFound('order', id);
          return found;
        }
      },
      'refunds.create': {
        label: 'Refund items',
        // Each call refunds and restocks again (until the order has nothing left to refund).
        effect: 'write', idempotent: false,
        description: 'Refunds the items and puts them back in stock, in one go: a wrong line changes nothing.',
        input: z.object({ order_id: z.string().min(1), items: z.array(RefundItemSchema).min(1), reason: z.string().optional() }),
        output: z.object({ refund: RefundSchema, order: OrderSchema, stock: z.array(StockSchema) }),
        execute: (input) => createRefund(store, input, now())
      },
      'stock.get': {
        label: 'Get the stock of a product',
        effect: 'read', idempotent: true,
        input: z.object({ sku: z.string().min(1) }),
        output: StockSchema,
        async execute({ sku }) {
          const found = await store.get('stock', sku);
          if (!found) throw notFound('product', sku);
          return found;
        }
      },
      'stock.list': {
        label: 'List stock levels',
        effect: 'read', idempotent: true,
        input: z.object({ below: z.number().optional() }),
        output: z.object({ stock: z.array(StockSchema) }),
        async execute({ below }) {
          return { stock: (await store.list('stock')).filter((s) => below === undefined || s.on_hand < below) };
        }
      }
    },
    events: {
      'order.created': { label: 'An order was placed', payload: OrderSchema }
    }
  });
}
