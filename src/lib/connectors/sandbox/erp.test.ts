import { describe, expect, it } from 'vitest';
import { StepFailure } from '../../engine/errors';
import type { ActionContext } from '../../engine/ports';
import type { ActionDef } from '../sdk';
import { RecordedEvents } from './common';
import { createErpConnector } from './erp';
import { memorySandboxStores } from './index';

const ctx: ActionContext = { user: { id: 'local', name: 'Local user', roles: [] }, signal: new AbortController().signal, jobId: 'j', path: 'p' };

function erp() {
  const events = new RecordedEvents();
  const store = memorySandboxStores().erp;
  const connector = createErpConnector({ store, events, now: () => new Date('2026-03-01T00:00:00Z') });
  const call = (action: string, input: unknown) => {
    const def = (connector.actions as Record<string, ActionDef>)[action];
    return def.execute(def.input.parse(input), ctx) as Promise<any>;
  };
  return { events, store, call };
}

async function failure(p: Promise<unknown>): Promise<StepFailure> {
  try {
    await p;
  } catch (err) {
    if (err instanceof StepFailure) return err;
    throw err;
  }
  throw new Error('expected the step to fail');
}

describe('sandbox.erp vendors', () => {
  it.each([
    ['acme', ['ven-001']],
    ['ACME Office Supplies', ['ven-001']],
    ['Globex Logistics', ['ven-002']],
    ['DE 811 234 567', ['ven-002']],
    ['accounts@initech.example', ['ven-003']],
    ['Bluefin Paper', []],
    ['', []]
  ])('search %j finds %j', async (query, ids) => {
    const { call } = erp();
    const { vendors } = await call('vendors.search', { query });
    expect(vendors.map((v: { id: string }) => v.id)).toEqual(ids);
  });

  it.each([
    ['the same name with another legal form and case', { name: 'ACME office supplies, LLC' }, 'Acme Office Supplies Inc.'],
    ['the same tax id spelled with spaces', { name: 'Totally New Name', tax_id: 'de 811-234-567' }, 'Globex Logistics GmbH'],
    ['the same name with accents and punctuation', { name: 'Initéch Software' }, 'Initech Software Ltd']
  ])('refuses %s as a duplicate naming the existing vendor', async (_what, draft, existing) => {
    const { call, events } = erp();
    const err = await failure(call('vendors.create', draft));
    expect(err.code).toBe('duplicate');
    expect(err.kind).toBe('user');
    expect(err.message).toContain(existing);
    expect(events.raised).toEqual([]);
  });

  it('creates a new vendor, finds it afterwards and raises vendor.created', async () => {
    const { call, events } = erp();
    const created = await call('vendors.create', { name: 'Bluefin Paper Co', country: 'se', currency: 'SEK' });
    expect(created).toMatchObject({ name: 'Bluefin Paper Co', country: 'SE', currency: 'SEK', created_at: '2026-03-01T00:00:00.000Z' });
    expect((await call('vendors.search', { query: 'bluefin paper' })).vendors).toEqual([created]);
    expect(events.raised).toEqual([{ connector: 'sandbox.erp', event: 'vendor.created', payload: created, cause: 'j' }]);
  });

  it('refuses an update that would make a duplicate, and keeps the vendor as it was', async () => {
    const { call, store } = erp();
    const err = await failure(call('vendors.update', { id: 'ven-003', name: 'Acme Office Supplies' }));
    expect(err.code).toBe('duplicate');
    expect((await store.get('vendors', 'ven-003'))?.name).toBe('Initech Software Ltd');
    expect((await call('vendors.update', { id: 'ven-003', email: 'ap@initech.example' })).email).toBe('ap@initech.example');
  });
});

describe('sandbox.erp invoices and purchase orders', () => {
  it('creates an invoice for a known vendor, lists it and changes its status', async () => {
    const { call, events } = erp();
    const inv = await call('invoices.create', {
      vendor_id: 'ven-002', number: 'GX-50000', date: '2026-03-01', currency: 'EUR', total: 820,
      lines: [{ description: 'Freight', quantity: 2, unit_price: 410 }]
    });
    expect(inv).toMatchObject({ status: 'open', lines: [{ amount: 820 }] });
    expect(events.raised.map((e) => e.event)).toEqual(['invoice.created']);
    const listed = await call('invoices.list', { vendor_id: 'ven-002', status: 'open' });
    expect(listed.invoices.map((i: { id: string }) => i.id)).toEqual([inv.id]);
    expect((await call('invoices.set_status', { id: inv.id, status: 'approved' })).status).toBe('approved');
  });

  it.each([
    ['an unknown vendor', { vendor_id: 'ven-999', number: 'X-1' }, 'not_found'],
    ['a number the vendor used already', { vendor_id: 'ven-002', number: 'GX-44871' }, 'duplicate']
  ])('refuses an invoice for %s', async (_what, fields, code) => {
    const { call } = erp();
    const err = await failure(call('invoices.create', { date: '2026-03-01', currency: 'EUR', total: 1, ...fields }));
    expect(err.code).toBe(code);
  });

  it('refuses to un-pay a paid invoice', async () => {
    const { call } = erp();
    expect((await failure(call('invoices.set_status', { id: 'inv-001', status: 'open' }))).code).toBe('invalid');
  });

  it('creates a purchase order with the vendor currency and a total', async () => {
    const { call } = erp();
    const po = await call('purchase_orders.create', { vendor_id: 'ven-005', lines: [{ description: 'Monitor', quantity: 2, unit_price: 289000 }] });
    expect(po).toMatchObject({ currency: 'KRW', total: 578000, status: 'draft', number: 'PO-2026-005' });
    expect((await call('purchase_orders.list', { vendor_id: 'ven-005' })).purchase_orders).toHaveLength(2);
  });

  it('has a dozen seeded vendors with tax ids, countries and currencies, and a reset drops changes', async () => {
    const { call, store } = erp();
    const vendors = await store.list('vendors');
    expect(vendors).toHaveLength(12);
    expect(vendors.every((v) => v.tax_id && v.country && v.currency)).toBe(true);
    await call('vendors.create', { name: 'Bluefin Paper' });
    await store.reset();
    expect(await store.list('vendors')).toHaveLength(12);
  });
});

describe('the sandbox apps in the studio catalogue', () => {
  it('describes every sandbox action as JSON Schema (for generated forms) and never runs one', async () => {
    const { createCatalog } = await import('../catalog');
    const catalog = createCatalog();
    const names = (await import('./index')).sandboxConnectors({ stores: memorySandboxStores(), events: new RecordedEvents() });
    for (const connector of names) {
      for (const action of Object.keys(connector.actions)) {
        expect(catalog.inputSchema(connector.id, action), `${connector.id} ${action}`).toMatchObject({ type: 'object' });
        expect(catalog.outputSchema(connector.id, action), `${connector.id} ${action}`).toMatchObject({ type: 'object' });
      }
    }
    expect(catalog.inputSchema('sandbox.erp', 'vendors.create')?.required).toEqual(['name']);
    const search = catalog.action('sandbox.erp', 'vendors.search')!;
    await expect(search.execute({ query: 'acme' }, ctx)).rejects.toThrow('the catalogue does not run actions');
  });
});
