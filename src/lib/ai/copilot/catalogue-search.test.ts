import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueFor, catalogueSearch } from './catalogue-search';
import { NAMES_CATALOG } from './names-catalog';
import type { CatalogEntry } from './draft-result';

const top = (words: string, role?: 'action' | 'event') => {
  const hit = catalogueSearch(NAMES_CATALOG).search(words, role)[0];
  return hit && `${hit.connector}:${hit.name}`;
};

describe('catalogue search', () => {
  it('finds an action by its verb and noun, in English and Korean', () => {
    expect(top('update the vendor with that rate', 'action')).toBe('sandbox.erp:vendors.update');
    expect(top('record the decision on the request', 'action')).toBe('sandbox.hr:leave.decide');
    expect(top('송장 상태를 승인으로 바꿔줘', 'action')).toBe('sandbox.erp:invoices.set_status');
    expect(top('이번 달 급여명세서를 조회해서', 'action')).toBe('sandbox.hr:payslips.get');
  });

  it('finds an event for a "when" clause', () => {
    expect(top('When an invoice is added to the ERP', 'event')).toBe('sandbox.erp:invoice.created');
    expect(top('휴가 신청이 들어오면', 'event')).toBe('sandbox.hr:leave.requested');
    expect(top('an email lands in the mailbox', 'event')).toBe('sandbox.mail:mail.received');
  });

  it('finds nothing in words that name no operation', () => {
    expect(catalogueSearch(NAMES_CATALOG).search('the sender that we are on it')).toEqual([]);
  });

  it('grounds a connector it has never seen by the same verbs (a new catalogue)', () => {
    const crm: CatalogEntry[] = [{ connector: 'crm', label: 'CRM', events: ['contact.created'], actions: [{ name: 'contacts.search', label: 'Search contacts', inputs: ['query'] }, { name: 'contacts.update', label: 'Update a contact', inputs: ['id', 'changes'] }] }];
    expect(catalogueSearch(crm).search('look up the contact', 'action')[0]?.name).toBe('contacts.search');
    expect(catalogueSearch(crm).search('change the contact', 'action')[0]?.name).toBe('contacts.update');
  });
});

describe('catalogueFor', () => {
  it('keeps the entries a request needs and leaves the rest out', () => {
    const picked = catalogueFor('Every month, summarize the open invoices and email the summary to cfo@example.com');
    const names = picked.flatMap((e) => e.actions.map((a) => `${e.connector}:${a.name}`));
    expect(names).toEqual(expect.arrayContaining(['ai:summarize', 'sandbox.erp:invoices.list', 'sandbox.mail:messages.send']));
    expect(names).not.toContain('sandbox.orders:stock.get');
    expect(names.length).toBeLessThan(NAMES_CATALOG.flatMap((e) => e.actions).length / 2);
  });

  it('keeps each kept entry whole in shape (label, inputs) for a prompt', () => {
    const erp = catalogueFor('새 거래처가 등록되면 #구매 채널에 알려줘').find((e) => e.connector === 'sandbox.erp');
    expect(erp?.label).toBe('Workshop ERP');
    expect(erp?.events).toContain('vendor.created');
  });
});

describe('catalogueFor over the request corpus', () => {
  it('keeps at least 95% of the actions the requests need, with under a third of the catalogue', () => {
    let wanted = 0;
    let kept = 0;
    let size = 0;
    let count = 0;
    for (const set of ['en', 'ko', 'second-set', 'third-set', 'fourth-set', 'fifth-set', 'sixth-set']) {
      for (const r of JSON.parse(readFileSync(`tests/fixtures/requests/${set}.json`, 'utf8')) as Array<{ words: string; expect: { actions: string[] } }>) {
        const names = new Set(catalogueFor(r.words).flatMap((e) => e.actions.map((a) => `${e.connector}:${a.name}`)));
        wanted += r.expect.actions.length;
        kept += r.expect.actions.filter((a) => names.has(a)).length;
        size += names.size;
        count++;
      }
    }
    expect(kept / wanted).toBeGreaterThanOrEqual(0.95);
    expect(size / count).toBeLessThan(NAMES_CATALOG.flatMap((e) => e.actions).length / 3);
  });
});
