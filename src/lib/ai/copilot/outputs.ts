/**
 * Where the copilot's expressions read each action's output. The sandbox, tables, ai and slack connectors
 * are built on other branches; names.md fixes only `vendors.search` → `{ vendors }`. The sandbox apps' shapes
 * here follow the sandbox branch as it stood (leave lists as `leave`, stock as `on_hand`, order lines with
 * `unit_price` and no total); the rest are expected shapes. One place to mend if a connector answers differently.
 */
import { sref } from './words';

export const OUTPUT = {
  /** sandbox.erp vendors.search: `{ vendors: Vendor[] }` (names.md). */
  vendors: 'vendors',
  /** Any create action: the new record, with its `id`. */
  createdId: 'id',
  invoices: 'invoices',
  purchaseOrders: 'purchase_orders',
  leaveRequests: 'leave',
  orders: 'orders',
  orderLines: 'lines',
  /** An order has no total field: the sum of its lines. */
  orderTotal: (order: string) => `$sum(${order}.lines.(quantity * unit_price))`,
  /** sandbox.hr employees.list: `{ employees }`; sandbox.orders stock.list: `{ stock }` (checked in outputs.test.ts). */
  employees: 'employees',
  stockItems: 'stock',
  employeeEmail: 'email',
  stockQuantity: 'on_hand',
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
