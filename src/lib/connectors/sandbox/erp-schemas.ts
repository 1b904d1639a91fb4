/** The records of the sandbox ERP: vendors, their invoices and purchase orders. */
import { z } from 'zod';

export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'expected a currency code such as "EUR"');

export const VendorSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  email: z.string().optional(),
  tax_id: z.string().optional(),
  /** ISO 3166 alpha-2, e.g. "DE". */
  country: z.string().optional(),
  currency: CurrencySchema.optional(),
  created_at: z.string()
});
export type Vendor = z.infer<typeof VendorSchema>;

export const LineSchema = z.object({
  description: z.string(),
  quantity: z.number().positive(),
  unit_price: z.number(),
  amount: z.number()
});
export type Line = z.infer<typeof LineSchema>;

export const INVOICE_STATUSES = ['open', 'approved', 'paid', 'rejected', 'void'] as const;
export const InvoiceStatusSchema = z.enum(INVOICE_STATUSES);

export const InvoiceSchema = z.object({
  id: z.string(),
  vendor_id: z.string(),
  number: z.string().min(1),
  date: z.string(),
  due_date: z.string().optional(),
  currency: CurrencySchema,
  total: z.number(),
  status: InvoiceStatusSchema,
  lines: z.array(LineSchema).default([]),
  created_at: z.string()
});
export type Invoice = z.infer<typeof InvoiceSchema>;

export const PO_STATUSES = ['draft', 'sent', 'received', 'closed'] as const;

export const PurchaseOrderSchema = z.object({
  id: z.string(),
  vendor_id: z.string(),
  number: z.string(),
  date: z.string(),
  currency: CurrencySchema,
  total: z.number(),
  status: z.enum(PO_STATUSES),
  lines: z.array(LineSchema).default([]),
  created_at: z.string()
});
export type PurchaseOrder = z.infer<typeof PurchaseOrderSchema>;

export type ErpCollections = { vendors: Vendor; invoices: Invoice; purchase_orders: PurchaseOrder };
