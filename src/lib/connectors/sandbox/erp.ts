/** The `sandbox.erp` connector: vendors, invoices and purchase orders of a local, seeded ERP. */
import { z } from 'zod';
import { defineConnector } from '../sdk';
import { type SandboxEvents } from './common';
import { duplicate, invalid, newId, notFound } from './common';
import { CurrencySchema, InvoiceSchema, InvoiceStatusSchema, LineSchema, PurchaseOrderSchema, VendorSchema, type Line } from './erp-schemas';
import { createVendor, searchVendors, updateVendor, VendorDraftSchema, type ErpStore } from './erp-vendors';

export const ERP = 'sandbox.erp';

export interface SandboxAppDeps<S> {
  store: S;
  events: SandboxEvents;
  now?: () => Date;
}

const Id = z.object({ id: z.string().min(1) });
const LineInput = z.object({ description: z.string(), quantity: z.number().positive(), unit_price: z.number(), amount: z.number().optional() });
const toLines = (lines: z.infer<typeof LineInput>[] = []): Line[] =>
  lines.map((l) => LineSchema.parse({ ...l, amount: l.amount ?? Math.round(l.quantity * l.unit_price * 100) / 100 }));

export function createErpConnector({ store, events, now = () => new Date() }: SandboxAppDeps<ErpStore>) {
  async function vendor(id: string) {
    const found = await store.get('vendors', id);
    if (!found) throw notFound('vendor', id);
    return found;
  }
  return defineConnector({
    id: ERP,
    label: 'Sandbox ERP',
    description: 'A local ERP with vendors, invoices and purchase orders, for workshops.',
    actions: {
      'vendors.search': {
        label: 'Search vendors',
        effect: 'read', idempotent: true,
        description: 'By name (ignoring case, punctuation and "Inc."/"GmbH"), tax id or email; an empty list when none match.',
        input: z.object({ query: z.string() }),
        output: z.object({ vendors: z.array(VendorSchema) }),
        execute: async ({ query }) => ({ vendors: await searchVendors(store, query) })
      },
      'vendors.get': { label: 'Get a vendor', effect: 'read', idempotent: true, input: Id, output: VendorSchema, execute: ({ id }) => vendor(id) },
      'vendors.create': {
        label: 'Create a vendor',
        // A repeat is refused as a duplicate (no second vendor), but the step then fails: not harmless.
        effect: 'write', idempotent: false,
        description: 'Refuses a vendor with the same name or tax id as an existing one (error code "duplicate").',
        input: VendorDraftSchema,
        output: VendorSchema,
        async execute(input, ctx) {
          const created = await createVendor(store, input, now());
          events.raise(ERP, 'vendor.created', created, ctx.jobId);
          return created;
        }
      },
      'vendors.update': {
        label: 'Update a vendor',
        // Setting the same fields again leaves the vendor as it was.
        effect: 'write', idempotent: true,
        input: VendorDraftSchema.partial().extend({ id: z.string().min(1) }),
        output: VendorSchema,
        execute: ({ id, ...changes }) => updateVendor(store, id, changes)
      },
      'invoices.create': {
        label: 'Create an invoice',
        // Like vendors.create: a repeat fails as a duplicate number.
        effect: 'write', idempotent: false,
        input: z.object({
          vendor_id: z.string().min(1),
          number: z.string().min(1),
          date: z.string().min(1),
          due_date: z.string().optional(),
          currency: CurrencySchema,
          total: z.number(),
          lines: z.array(LineInput).optional()
        }),
        output: InvoiceSchema,
        async execute(input, ctx) {
          await vendor(input.vendor_id);
          const same = (await store.list('invoices')).find((i) => i.vendor_id === input.vendor_id && i.number === input.number);
          if (same) throw duplicate(`this vendor already has an invoice numbered ${input.number} (${same.id})`);
          const invoice = InvoiceSchema.parse({ ...input, id: newId('inv'), status: 'open', lines: toLines(input.lines), created_at: now().toISOString() });
          await store.put('invoices', invoice);
          events.raise(ERP, 'invoice.created', invoice, ctx.jobId);
          return invoice;
        }
      },
      'invoices.list': {
        label: 'List invoices',
        effect: 'read', idempotent: true,
        input: z.object({ vendor_id: z.string().optional(), status: InvoiceStatusSchema.optional() }),
        output: z.object({ invoices: z.array(InvoiceSchema) }),
        async execute({ vendor_id, status }) {
          const all = await store.list('invoices');
          return { invoices: all.filter((i) => (!vendor_id || i.vendor_id === vendor_id) && (!status || i.status === status)) };
        }
      },
      'invoices.get': {
        label: 'Get an invoice',
        effect: 'read', idempotent: true,
        input: Id,
        output: InvoiceSchema,
        async execute({ id }) {
          const found = await store.get('invoices', id);
          if (!found) throw notFound('invoice', id);
          return found;
        }
      },
      'invoices.set_status': {
        label: 'Set an invoice status',
        // Setting the same status again changes nothing.
        effect: 'write', idempotent: true,
        input: z.object({ id: z.string().min(1), status: InvoiceStatusSchema }),
        output: InvoiceSchema,
        async execute({ id, status }) {
          const found = await store.get('invoices', id);
          if (!found) throw notFound('invoice', id);
          if (found.status === 'paid' && status !== 'paid') throw invalid(`invoice ${found.number} is paid already; it cannot become ${status}`);
          const next = { ...found, status };
          await store.put('invoices', next);
          return next;
        }
      },
      'purchase_orders.list': {
        label: 'List purchase orders',
        effect: 'read', idempotent: true,
        input: z.object({ vendor_id: z.string().optional() }),
        output: z.object({ purchase_orders: z.array(PurchaseOrderSchema) }),
        async execute({ vendor_id }) {
          return { purchase_orders: (await store.list('purchase_orders')).filter((p) => !vendor_id || p.vendor_id === vendor_id) };
        }
      },
      'purchase_orders.get': {
        label: 'Get a purchase order',
        effect: 'read', idempotent: true,
        input: Id,
        output: PurchaseOrderSchema,
        async execute({ id }) {
          const found = await store.get('purchase_orders', id);
          if (!found) throw notFound('purchase order', id);
          return found;
        }
      },
      'purchase_orders.create': {
        label: 'Create a purchase order',
        // Each call numbers a new purchase order.
        effect: 'write', idempotent: false,
        input: z.object({ vendor_id: z.string().min(1), date: z.string().optional(), currency: CurrencySchema.optional(), lines: z.array(LineInput).min(1) }),
        output: PurchaseOrderSchema,
        async execute(input) {
          const v = await vendor(input.vendor_id);
          const lines = toLines(input.lines);
          const count = (await store.list('purchase_orders')).length;
          const at = now();
          const po = PurchaseOrderSchema.parse({
            id: newId('po'),
            vendor_id: v.id,
            number: `PO-${at.getUTCFullYear()}-${String(count + 1).padStart(3, '0')}`,
            date: input.date ?? at.toISOString().slice(0, 10),
            currency: input.currency ?? v.currency ?? 'EUR',
            total: Math.round(lines.reduce((s, l) => s + l.amount, 0) * 100) / 100,
            status: 'draft',
            lines,
            created_at: at.toISOString()
          });
          await store.put('purchase_orders', po);
          return po;
        }
      }
    },
    events: {
      'vendor.created': { label: 'A vendor was created', payload: VendorSchema },
      'invoice.created': { label: 'An invoice was created', payload: InvoiceSchema }
    }
  });
}
