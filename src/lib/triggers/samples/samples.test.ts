import { describe, expect, it } from 'vitest';
import { invoiceValues } from '../../ai/extract/basic-extract';
import { createCatalog } from '../../connectors/catalog';
import { memorySandboxStores, receiveMail, RecordedEvents, textAttachmentReader } from '../../connectors/sandbox';
import { triggerOutput } from '../../engine/trigger-output';
import type { Trigger } from '../../recipe';
import { TriggerSchema } from '../../recipe';
import { describeSample, madeUpSample, sampleFor, sampleFromSchema, sandboxLatestEvent } from '.';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const catalog = createCatalog();
const ctx = { now: () => NOW, connectors: catalog };

const FIELDS_ALL_TYPES = [
  { name: 'vendor_name', type: 'text', required: true },
  { name: 'email', type: 'text' },
  { name: 'amount', type: 'number', required: true },
  { name: 'urgent', type: 'boolean', required: true },
  { name: 'due_date', type: 'date', required: true },
  { name: 'lines', type: 'list', required: true, items: [{ name: 'description', type: 'text' }, { name: 'quantity', type: 'number' }] },
  { name: 'tags', type: 'list' },
  { name: 'meta', type: 'object', required: true },
  { name: 'invoice', type: 'file', required: true },
  { name: 'currency', type: 'text', default: 'KRW' }
] as const;

/** One trigger of each kind and shape; each event of every catalogue connector is added below. */
const TRIGGERS: Array<[string, unknown]> = [
  ['manual without fields', { kind: 'manual' }],
  ['manual with every field type', { kind: 'manual', input: FIELDS_ALL_TYPES }],
  ['manual with its own sample', { kind: 'manual', input: [{ name: 'n', type: 'number', required: true }], sample: { n: 7 } }],
  ['callable', { kind: 'callable', input: FIELDS_ALL_TYPES }],
  ['schedule every', { kind: 'schedule', every: '1h' }],
  ['schedule cron', { kind: 'schedule', cron: '0 9 * * 1-5' }],
  ['webhook', { kind: 'webhook', path: 'orders/new' }],
  ['document any', { kind: 'document' }],
  ['document pdf', { kind: 'document', accept: ['application/pdf'] }],
  ['document images', { kind: 'document', accept: ['image/*'] }],
  ['document text or pdf', { kind: 'document', accept: ['application/pdf', 'text/plain'] }]
];
const EVENTS = catalog.connectors().flatMap((c) => Object.entries(c.events ?? {}).map(([event, def]) => ({ connector: c.id, event, def })));
for (const { connector, event } of EVENTS) TRIGGERS.push([`event ${connector} ${event}`, { kind: 'event', connector, event }]);

describe('madeUpSample', () => {
  it('covers the built-in events (the sandbox apps raise five)', () => {
    expect(EVENTS.map((e) => `${e.connector} ${e.event}`)).toEqual(
      expect.arrayContaining(['sandbox.erp vendor.created', 'sandbox.erp invoice.created', 'sandbox.hr leave.requested', 'sandbox.orders order.created', 'sandbox.mail mail.received'])
    );
  });

  it.each(TRIGGERS)('%s: the sample passes the trigger’s own check', (_name, raw) => {
    const trigger = TriggerSchema.parse(raw);
    const sample = madeUpSample(trigger, ctx);
    expect(() => triggerOutput(trigger, sample.value)).not.toThrow();
    // Only a trigger with nothing to fill gives {} (and that is what it takes).
    if (trigger.kind !== 'manual' || trigger.input) expect(sample.value).not.toEqual({});
    if (trigger.kind === 'event') expect(catalog.connector(trigger.connector)!.events![trigger.event].payload.safeParse(sample.value).error).toBeUndefined();
  });

  it('fills each field with a plausible value of its type, defaults kept', () => {
    const { value, source } = madeUpSample(TriggerSchema.parse({ kind: 'manual', input: FIELDS_ALL_TYPES }), ctx);
    expect(source).toBe('fields');
    expect(value).toMatchObject({
      vendor_name: 'Acme Supplies Ltd',
      email: expect.stringMatching(/@/),
      amount: 150,
      urgent: false,
      due_date: '2026-03-02',
      lines: [{ description: expect.any(String), quantity: 2 }],
      tags: [],
      meta: {},
      invoice: { name: expect.stringMatching(/\.txt$/), type: 'text/plain' },
      currency: 'KRW'
    });
  });

  it.each<[string, Trigger, unknown, string]>([
    ['recipe sample', { kind: 'manual', sample: { n: 7 } }, { n: 7 }, 'the sample saved with this recipe'],
    ['tick', { kind: 'schedule', every: '1h' }, { at: NOW.toISOString(), catch_up: false, missed: 0 }, 'a tick for now'],
    ['request', { kind: 'webhook', path: 'x' }, { method: 'POST', headers: { 'content-type': 'application/json' }, query: {}, body: expect.any(Object) }, 'a made-up request (POST with a JSON body)']
  ])('%s', (_name, trigger, value, words) => {
    const sample = madeUpSample(trigger, ctx);
    expect(sample.value).toEqual(value);
    expect(describeSample(sample, trigger, 'en')).toBe(words);
    expect(describeSample(sample, trigger, 'ko')).not.toBe(words);
  });

  it('gives a document whose text the basic invoice rules read to the end', () => {
    const doc = madeUpSample({ kind: 'document' }, ctx).value as { text: string };
    const found = invoiceValues(doc.text);
    expect(found.invoice_number?.value).toBe('INV-1001');
    expect(found.total?.value).toBe(300);
    expect(found.currency?.value).toBe('EUR');
    expect(found.vendor?.value).toMatch(/Acme/);
    expect(found.invoice_date?.value).toBe('2026-03-02');
  });

  it('makes up a mail with a "Name <email>" sender and no attachments', () => {
    const trigger: Trigger = { kind: 'event', connector: 'sandbox.mail', event: 'mail.received' };
    const sample = madeUpSample(trigger, ctx);
    expect(sample.source).toBe('schema');
    expect(sample.value).toMatchObject({ from: 'Dana Kim <dana.kim@example.com>', subject: expect.any(String), body: expect.any(String), attachments: [] });
    expect(describeSample(sample, trigger, 'en')).toBe('made up from the event’s fields');
  });

  it('says so for an event no connector describes', () => {
    const trigger: Trigger = { kind: 'event', connector: 'nowhere', event: 'x' };
    expect(madeUpSample(trigger, ctx)).toEqual({ value: {}, source: 'unknown-event' });
  });
});

describe('sampleFromSchema', () => {
  it.each<[string, unknown, unknown]>([
    ['enum takes its first value', { type: 'string', enum: ['b', 'a'] }, 'b'],
    ['a default wins', { type: 'number', default: 3 }, 3],
    ['minimum is kept', { type: 'integer', minimum: 5 }, 5],
    ['a nullable string is a string', { anyOf: [{ type: 'null' }, { type: 'string' }] }, 'Sample text'],
    ['minItems items', { type: 'array', minItems: 1, items: { type: 'object', properties: { sku: { type: 'string' } } } }, [{ sku: 'SKU-001' }]],
    ['a $ref is followed', { $defs: { A: { type: 'boolean' } }, type: 'object', properties: { a: { $ref: '#/$defs/A' } } }, { a: false }],
    ['a currency pattern', { type: 'object', properties: { code: { type: 'string', pattern: '^[A-Z]{3}$' } } }, { code: 'EUR' }],
    ['anything is null', {}, null],
    ['no optional failure field', { type: 'object', required: ['text'], properties: { text: { type: 'string' }, problem: { type: 'string' } } }, { text: expect.any(String) }]
  ])('%s', (_name, schema, want) => {
    expect(sampleFromSchema(schema, NOW)).toEqual(want);
  });
});

describe('sampleFor with the sandbox apps', () => {
  it.each(EVENTS.filter((e) => e.connector.startsWith('sandbox.')))('$connector $event: the latest real record, which passes the payload schema', async ({ connector, event, def }) => {
    const stores = memorySandboxStores();
    const sample = await sampleFor({ kind: 'event', connector, event }, { ...ctx, latestEvent: sandboxLatestEvent(stores) });
    expect(sample.source).toBe('latest');
    expect(def.payload.safeParse(sample.value).error).toBeUndefined();
  });

  it('takes the vendor made last, and the newest mail of the inbox (not of Sent)', async () => {
    const stores = memorySandboxStores();
    await stores.erp.put('vendors', { id: 'v-new', name: 'Umbrella Corp', created_at: '2030-01-01T00:00:00.000Z' });
    await stores.mail.put('messages', { id: 'm-sent', folder: 'sent', from: 'ap@sous-demo.example', to: 'x@y.z', subject: 'later', body: '', received_at: '2031-01-01T00:00:00.000Z', attachments: [] });
    await receiveMail({ store: stores.mail, events: new RecordedEvents(), reader: textAttachmentReader, now: () => new Date('2030-06-01T00:00:00.000Z') }, { from: 'Eve <eve@example.com>', subject: 'Newest', body: 'hi' });
    const latestEvent = sandboxLatestEvent(stores);
    const vendor = await sampleFor({ kind: 'event', connector: 'sandbox.erp', event: 'vendor.created' }, { ...ctx, latestEvent });
    expect(vendor.value).toMatchObject({ id: 'v-new', name: 'Umbrella Corp' });
    const mailTrigger: Trigger = { kind: 'event', connector: 'sandbox.mail', event: 'mail.received' };
    const mail = await sampleFor(mailTrigger, { ...ctx, latestEvent });
    expect(mail.value).toMatchObject({ subject: 'Newest', from: 'Eve <eve@example.com>' });
    expect(mail.value).not.toHaveProperty('folder');
    expect(describeSample(mail, mailTrigger, 'en')).toBe('the latest mail in the sandbox mailbox');
  });

  it('makes one up when the app is empty, its record no longer fits the schema, or reading fails', async () => {
    const trigger: Trigger = { kind: 'event', connector: 'sandbox.erp', event: 'vendor.created' };
    for (const latestEvent of [async () => undefined, async () => ({ id: 1 }), async () => Promise.reject(new Error('closed'))]) {
      const sample = await sampleFor(trigger, { ...ctx, latestEvent });
      expect(sample.source).toBe('schema');
      expect(sample.value).toMatchObject({ name: expect.any(String), created_at: NOW.toISOString() });
    }
  });

  it('reads nothing for a trigger that is not an event', async () => {
    const sample = await sampleFor({ kind: 'schedule', cron: '0 9 * * *' }, { ...ctx, latestEvent: async () => ({ wrong: true }) });
    expect(sample.source).toBe('tick');
  });
});
