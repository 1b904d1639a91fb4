/** The records of the sandbox shop: orders with their lines and refunds, and stock levels per SKU. */
import { z } from 'zod';

export const OrderLineSchema = z.object({ sku: z.string(), name: z.string(), quantity: z.number().int().positive(), unit_price: z.number() });
export const RefundItemSchema = z.object({ sku: z.string().min(1), quantity: z.number().int().positive() });

export const RefundSchema = z.object({
  id: z.string(),
  order_id: z.string(),
  items: z.array(RefundItemSchema),
  amount: z.number(),
  reason: z.string().optional(),
  at: z.string()
});
export type Refund = z.infer<typeof RefundSchema>;

export const ORDER_STATUSES = ['paid', 'shipped', 'partially_refunded', 'refunded', 'cancelled'] as const;

export const OrderSchema = z.object({
  id: z.string(),
  customer: z.string(),
  email: z.string(),
  currency: z.string(),
  status: z.enum(ORDER_STATUSES),
  lines: z.array(OrderLineSchema).min(1),
  refunds: z.array(RefundSchema).default([]),
  created_at: z.string()
});
export type Order = z.infer<typeof OrderSchema>;

/** `id` is the SKU. */
export const StockSchema = z.object({ id: z.string(), name: z.string(), on_hand: z.number().int().min(0), location: z.string() });
export type Stock = z.infer<typeof StockSchema>;

export type OrdersCollections = { orders: Order; stock: Stock };
