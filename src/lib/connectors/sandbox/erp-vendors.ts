/** Vendor rules of the sandbox ERP, shared by its connector and its studio page: search and duplicate checks. */
import { z } from 'zod';
import { CurrencySchema, type ErpCollections, type Vendor } from './erp-schemas';
import { duplicate, newId, normaliseName, normaliseTaxId, notFound } from './common';
import type { SandboxStore } from './store';

export type ErpStore = SandboxStore<ErpCollections>;

export const VendorDraftSchema = z.object({
  name: z.string().trim().min(1, 'a vendor needs a name'),
  email: z.string().trim().optional(),
  tax_id: z.string().trim().optional(),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'expected a country code such as "DE"').optional(),
  currency: CurrencySchema.optional()
});
export type VendorDraft = z.infer<typeof VendorDraftSchema>;

/** Vendors whose name holds the query (compared normalised), or whose tax id or email matches it. */
export async function searchVendors(store: ErpStore, query: string): Promise<Vendor[]> {
  const wanted = normaliseName(query);
  const compact = wanted.replace(/ /g, '');
  const taxId = normaliseTaxId(query);
  const q = query.trim().toLowerCase();
  if (!wanted && !taxId) return [];
  return (await store.list('vendors')).filter((v) => {
    const name = normaliseName(v.name);
    return (
      (wanted !== '' && (name.includes(wanted) || name.replace(/ /g, '').includes(compact))) ||
      (taxId.length >= 5 && v.tax_id !== undefined && normaliseTaxId(v.tax_id) === taxId) ||
      (q.includes('@') && v.email?.toLowerCase() === q)
    );
  });
}

/** The vendor that `draft` would duplicate (same normalised name or tax id), other than `except`. */
export async function findDuplicate(store: ErpStore, draft: { name?: string; tax_id?: string }, except?: string): Promise<Vendor | undefined> {
  const name = draft.name ? normaliseName(draft.name) : undefined;
  const taxId = draft.tax_id ? normaliseTaxId(draft.tax_id) : undefined;
  return (await store.list('vendors')).find(
    (v) => v.id !== except && ((name && normaliseName(v.name) === name) || (taxId && v.tax_id && normaliseTaxId(v.tax_id) === taxId))
  );
}

function refuseDuplicate(existing: Vendor, draft: { name?: string; tax_id?: string }): never {
  const same = draft.tax_id && existing.tax_id && normaliseTaxId(existing.tax_id) === normaliseTaxId(draft.tax_id) ? `tax id ${existing.tax_id}` : 'name';
  throw duplicate(`a vendor with the same ${same} already exists: "${existing.name}" (${existing.id})`);
}

export async function createVendor(store: ErpStore, draft: VendorDraft, now: Date): Promise<Vendor> {
  const existing = await findDuplicate(store, draft);
  if (existing) refuseDuplicate(existing, draft);
  const vendor: Vendor = { id: newId('ven'), ...stripEmpty(draft), created_at: now.toISOString() };
  await store.put('vendors', vendor);
  return vendor;
}

export async function updateVendor(store: ErpStore, id: string, changes: Partial<VendorDraft>): Promise<Vendor> {
  const vendor = await store.get('vendors', id);
  if (!vendor) throw notFound('vendor', id);
  const next = { ...vendor, ...stripEmpty(changes) };
  const existing = await findDuplicate(store, next, id);
  if (existing) refuseDuplicate(existing, next);
  await store.put('vendors', next);
  return next;
}

/** Drop undefined and blank fields, so that a form's empty box does not overwrite or store "". */
function stripEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}
