import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCatalog } from '../../connectors/catalog';
import { eventApps, payloadFields } from './events';

describe('the apps that raise events', () => {
  const apps = eventApps(createCatalog());

  it('lists the sandbox mailbox with “A mail arrived” and its fields', () => {
    const mail = apps.find((a) => a.id === 'sandbox.mail');
    expect(mail?.label).toBe('Sandbox mailbox');
    const received = mail?.events.find((e) => e.name === 'mail.received');
    expect(received?.label).toBe('A mail arrived');
    expect(received?.fields).toEqual(expect.arrayContaining([{ label: 'subject', type: 'text' }, { label: 'attachments', type: 'list' }]));
  });

  it('lists only apps with events, each with a label, sorted by it', () => {
    expect(apps.length).toBeGreaterThan(1);
    for (const app of apps) expect(app.events.length).toBeGreaterThan(0);
    expect(apps.map((a) => a.label)).toEqual([...apps.map((a) => a.label)].sort((a, b) => a.localeCompare(b)));
    expect(apps.some((a) => a.id === 'http')).toBe(false);
  });
});

describe('payloadFields', () => {
  it.each([
    [z.object({ id: z.string(), n: z.number().int(), ok: z.boolean() }), [
      { label: 'id', type: 'text' },
      { label: 'n', type: 'number' },
      { label: 'ok', type: 'yes/no' }
    ]],
    [z.object({ lines: z.array(z.object({ sku: z.string() })), note: z.string().nullable() }), [
      { label: 'lines', type: 'list' },
      { label: 'lines › sku', type: 'text' },
      { label: 'note', type: 'text' }
    ]],
    [z.object({ at: z.date() }), [{ label: 'at', type: '' }]],
    [z.string(), []]
  ])('%#', (schema, fields) => {
    expect(payloadFields(schema)).toEqual(fields);
  });
});
