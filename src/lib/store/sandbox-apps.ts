/** The four sandbox apps over IndexedDB, and the person the studio acts as in the HR app. */
import { erpSeed } from '../connectors/sandbox/seed/erp';
import { hrSeed } from '../connectors/sandbox/seed/hr';
import { mailSeed } from '../connectors/sandbox/seed/mail';
import { ordersSeed } from '../connectors/sandbox/seed/orders';
import type { SousDb } from './db';
import { DexieSandboxStore } from './sandbox-store';
import { guardWrite } from './storage-errors';

export type DexieSandboxStores = ReturnType<typeof dexieSandboxStores>;

export function dexieSandboxStores(db: SousDb) {
  return {
    erp: new DexieSandboxStore(db, 'erp', { vendors: 'sandbox_vendors', invoices: 'sandbox_invoices', purchase_orders: 'sandbox_purchase_orders' }, erpSeed),
    hr: new DexieSandboxStore(db, 'hr', { employees: 'sandbox_employees', leave: 'sandbox_leave', payslips: 'sandbox_payslips' }, hrSeed),
    orders: new DexieSandboxStore(db, 'orders', { orders: 'sandbox_orders', stock: 'sandbox_stock' }, ordersSeed),
    mail: new DexieSandboxStore(db, 'mail', { messages: 'sandbox_mail' }, mailSeed)
  };
}

const ACTING_AS = 'acting_as';

/** The employee id jobs started in the studio run as, or null for the local user. */
export async function getActingAs(db: SousDb): Promise<string | null> {
  const row = await db.sandbox_meta.get(ACTING_AS);
  return typeof row?.value === 'string' ? row.value : null;
}

export async function setActingAs(db: SousDb, employeeId: string | null): Promise<void> {
  if (employeeId === null) await db.sandbox_meta.delete(ACTING_AS);
  else await guardWrite('the person the studio acts as', () => db.sandbox_meta.put({ id: ACTING_AS, value: employeeId }));
}
