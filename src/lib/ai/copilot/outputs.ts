/**
 * Where the copilot's expressions read each action's output. The sandbox, tables, ai and slack connectors
 * are built on other branches; names.md fixes only `vendors.search` → `{ vendors }`, so the rest are the
 * expected shapes, kept in this one place to mend if a connector answers differently.
 */
import { sref } from './words';

export const OUTPUT = {
  /** sandbox.erp vendors.search: `{ vendors: Vendor[] }` (names.md). */
  vendors: 'vendors',
  /** Any create action: the new record, with its `id`. */
  createdId: 'id',
  invoices: 'invoices',
  purchaseOrders: 'purchase_orders',
  leaveRequests: 'requests',
  orders: 'orders',
  orderItems: 'items',
  orderTotal: 'total',
  employeeEmail: 'email',
  stockQuantity: 'quantity',
  tableRows: 'rows',
  httpBody: 'body',
  classifyLabel: 'label',
  summary: 'summary',
  /** ai extract: an `ExtractResult` (src/lib/ai/extract/fields.ts). */
  extracted: (field: string) => `fields.${field}.value`
} as const;

/** `steps.ID.PATH` for a step's output. */
export function out(stepId: string, path: string): string {
  return `${sref(stepId)}.${path}`;
}
