/** The sandbox ERP's starting records: a dozen vendors across countries and currencies, their invoices and orders. */
import type { Seed } from '../store';
import type { ErpCollections, Invoice, Line, PurchaseOrder, Vendor } from '../erp-schemas';

const AT = '2026-01-05T09:00:00.000Z';

const v = (id: string, name: string, email: string, tax_id: string, country: string, currency: string): Vendor => ({
  id, name, email, tax_id, country, currency, created_at: AT
});

export const SEED_VENDORS: Vendor[] = [
  v('ven-001', 'Acme Office Supplies Inc.', 'billing@acme-office.example', 'US12-3456789', 'US', 'USD'),
  v('ven-002', 'Globex Logistics GmbH', 'rechnung@globex.example', 'DE811234567', 'DE', 'EUR'),
  v('ven-003', 'Initech Software Ltd', 'accounts@initech.example', 'GB123456789', 'GB', 'GBP'),
  v('ven-004', 'Umbrella Facilities SAS', 'factures@umbrella.example', 'FR40303265045', 'FR', 'EUR'),
  v('ven-005', 'Hanbit Electronics Co., Ltd.', 'ar@hanbit.example', '220-81-62517', 'KR', 'KRW'),
  v('ven-006', 'Nordlys Energi AS', 'faktura@nordlys.example', 'NO923609016MVA', 'NO', 'NOK'),
  v('ven-007', 'Sakura Print KK', 'seikyu@sakura-print.example', 'T1234567890123', 'JP', 'JPY'),
  v('ven-008', 'Maple Leaf Catering Inc.', 'billing@mapleleaf.example', '123456789RT0001', 'CA', 'CAD'),
  v('ven-009', 'Helvetia Cleaning AG', 'rechnung@helvetia-clean.example', 'CHE-123.456.789', 'CH', 'CHF'),
  v('ven-010', 'Costa Verde Coffee SA', 'ventas@costaverde.example', '3-101-123456', 'CR', 'USD'),
  v('ven-011', 'Van Dijk Transport BV', 'facturen@vandijk.example', 'NL859058721B01', 'NL', 'EUR'),
  v('ven-012', 'Outback Cloud Pty', 'accounts@outbackcloud.example', '51824753556', 'AU', 'AUD')
];

const line = (description: string, quantity: number, unit_price: number): Line => ({
  description, quantity, unit_price, amount: Math.round(quantity * unit_price * 100) / 100
});
const sum = (lines: Line[]) => Math.round(lines.reduce((s, l) => s + l.amount, 0) * 100) / 100;

function invoice(id: string, vendor: Vendor, number: string, date: string, due: string, status: Invoice['status'], lines: Line[]): Invoice {
  return { id, vendor_id: vendor.id, number, date, due_date: due, currency: vendor.currency ?? 'EUR', total: sum(lines), status, lines, created_at: AT };
}

function order(id: string, vendor: Vendor, number: string, date: string, status: PurchaseOrder['status'], lines: Line[]): PurchaseOrder {
  return { id, vendor_id: vendor.id, number, date, currency: vendor.currency ?? 'EUR', total: sum(lines), status, lines, created_at: AT };
}

const [acme, globex, initech, umbrella, hanbit, , sakura, maple, helvetia] = SEED_VENDORS;

export const SEED_INVOICES: Invoice[] = [
  invoice('inv-001', acme, 'A-2026-0101', '2026-01-10', '2026-02-09', 'paid', [line('Copy paper A4, box', 20, 32.5), line('Toner cartridge', 4, 89)]),
  invoice('inv-002', globex, 'GX-44871', '2026-01-14', '2026-02-13', 'approved', [line('Pallet freight Hamburg–Munich', 3, 410)]),
  invoice('inv-003', initech, 'INI-9921', '2026-01-20', '2026-02-19', 'open', [line('TPS report licence, annual', 25, 48)]),
  invoice('inv-004', umbrella, 'UMB-2026-017', '2026-02-01', '2026-03-03', 'open', [line('Facility maintenance, January', 1, 2350)]),
  invoice('inv-005', hanbit, 'HB-260203', '2026-02-03', '2026-03-05', 'open', [line('27-inch monitor', 10, 289000)]),
  invoice('inv-006', sakura, 'SP-0088', '2026-02-05', '2026-03-07', 'rejected', [line('Brochure print run', 2000, 42)]),
  invoice('inv-007', maple, 'MLC-5521', '2026-02-09', '2026-03-11', 'open', [line('Team lunch, 40 people', 40, 24.5)]),
  invoice('inv-008', helvetia, 'HC-26-112', '2026-02-12', '2026-03-14', 'approved', [line('Office cleaning, February', 1, 1860)])
];

export const SEED_PURCHASE_ORDERS: PurchaseOrder[] = [
  order('po-001', acme, 'PO-2026-001', '2026-01-03', 'closed', [line('Copy paper A4, box', 20, 32.5)]),
  order('po-002', hanbit, 'PO-2026-002', '2026-01-25', 'received', [line('27-inch monitor', 10, 289000)]),
  order('po-003', globex, 'PO-2026-003', '2026-02-10', 'sent', [line('Pallet freight Hamburg–Munich', 4, 410)]),
  order('po-004', initech, 'PO-2026-004', '2026-02-15', 'draft', [line('TPS report licence, annual', 5, 48)])
];

export function erpSeed(): Seed<ErpCollections> {
  return { vendors: SEED_VENDORS, invoices: SEED_INVOICES, purchase_orders: SEED_PURCHASE_ORDERS };
}
