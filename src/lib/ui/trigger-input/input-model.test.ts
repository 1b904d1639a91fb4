import { describe, expect, it } from 'vitest';
import type { Field } from '../../recipe';
import { formFields, fromEntries, parseWhole, toEntries } from './input-model';

const fields: Field[] = [
  { name: 'title', type: 'text', required: true },
  { name: 'limit', type: 'number' },
  { name: 'urgent', type: 'boolean' },
  { name: 'due', type: 'date' },
  { name: 'invoices', type: 'list', required: true },
  { name: 'meta', type: 'object' },
  { name: 'doc', type: 'file' }
];

const value = {
  title: 'Q3',
  limit: 500,
  urgent: true,
  due: '2026-11-26',
  invoices: [{ id: 'A-1', amount: 900 }],
  meta: { team: 'finance' },
  doc: { name: 'a.txt', type: 'text/plain', text: 'hi' }
};

describe('the trigger input model', () => {
  it('generates a form only for manual and callable triggers with fields', () => {
    expect(formFields({ kind: 'manual', input: fields })).toHaveLength(7);
    expect(formFields({ kind: 'callable', input: [fields[0]] })).toHaveLength(1);
    expect(formFields({ kind: 'manual' })).toEqual([]);
    expect(formFields({ kind: 'document' })).toEqual([]);
  });

  it('turns every field type into an entry', () => {
    const entries = toEntries(fields, value);
    expect(entries.title).toBe('Q3');
    expect(entries.limit).toBe('500');
    expect(entries.urgent).toBe(true);
    expect(entries.due).toBe('2026-11-26');
    expect(entries.invoices).toBe(JSON.stringify(value.invoices, null, 2));
    expect(JSON.parse(entries.meta as string)).toEqual(value.meta);
    expect(JSON.parse(entries.doc as string)).toEqual(value.doc);
  });

  it('shows missing values as empty controls', () => {
    expect(toEntries(fields, 'not an object')).toEqual({ title: '', limit: '', urgent: false, due: '', invoices: '', meta: '', doc: '' });
  });

  it('round-trips form and JSON, keeping keys that have no field', () => {
    const base = { ...value, extra: 1 };
    const parsed = fromEntries(fields, toEntries(fields, base), base);
    expect(parsed.errors).toEqual({});
    expect(parsed.value).toEqual(base);
    expect(parseWhole(JSON.stringify(parsed.value))).toEqual({ value: base });
  });

  it('reads typed entries into typed values', () => {
    const parsed = fromEntries(fields, { ...toEntries(fields, value), limit: ' 12.5 ', urgent: false, due: '2027-01-02' });
    expect(parsed.value).toMatchObject({ limit: 12.5, urgent: false, due: '2027-01-02' });
  });

  it('names bad JSON in a list field, and a list that is not a list', () => {
    const bad = fromEntries(fields, { ...toEntries(fields, value), invoices: '[{"id": ' });
    expect(bad.errors.invoices).toMatch(/^invoices is not valid JSON: /);
    expect(Object.keys(bad.errors)).toEqual(['invoices']);
    expect(fromEntries(fields, { ...toEntries(fields, value), invoices: '{}' }).errors.invoices).toBe('invoices must be a JSON list, like [1, 2].');
    expect(fromEntries(fields, { ...toEntries(fields, value), meta: '[1]' }).errors.meta).toMatch(/must be a JSON object/);
  });

  it('says which required fields are missing and leaves empty optional ones out', () => {
    const parsed = fromEntries(fields, toEntries(fields, {}));
    expect(parsed.errors).toEqual({ title: 'title is required.', invoices: 'invoices is required.' });
    expect(parsed.value).toEqual({ urgent: false });
  });

  it('keeps an empty optional text and refuses a bad number or date', () => {
    const f: Field[] = [{ name: 'note', type: 'text' }, { name: 'n', type: 'number' }, { name: 'd', type: 'date' }];
    const parsed = fromEntries(f, { note: '', n: 'ten', d: 'soon' });
    expect(parsed.value).toEqual({ note: '' });
    expect(parsed.errors).toEqual({ n: 'n must be a number.', d: 'd must be a date (YYYY-MM-DD).' });
  });

  it('reads the whole input as JSON; blank is an empty object', () => {
    expect(parseWhole('  ')).toEqual({ value: {} });
    expect(parseWhole('{"a":1}')).toEqual({ value: { a: 1 } });
    expect(parseWhole('{')).toHaveProperty('error', expect.stringMatching(/^The input is not valid JSON: /));
  });
});
