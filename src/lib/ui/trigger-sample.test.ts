import { describe, expect, it } from 'vitest';
import { createCatalog } from '../connectors/catalog';
import { triggerOutput } from '../engine/trigger-output';
import type { Trigger } from '../recipe';
import { runFormStart, sampleInput, startsFromSample } from './trigger-sample';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const now = () => NOW;
const connectors = createCatalog();

describe('the run form starts from', () => {
  it.each<[string, Trigger, unknown]>([
    ['the manual sample when there is one', { kind: 'manual', input: [{ name: 'a', type: 'text' }], sample: { a: 'hi' } }, { a: 'hi' }],
    [
      'a blank (or the default) for each field',
      {
        kind: 'manual',
        input: [
          { name: 'invoices', type: 'list', required: true },
          { name: 'limit', type: 'number', default: 500 },
          { name: 'note', type: 'text' },
          { name: 'urgent', type: 'boolean' }
        ]
      },
      { invoices: [], limit: 500, note: '', urgent: false }
    ],
    ['an empty object for a manual trigger without fields', { kind: 'manual' }, {}],
    ['the fields of a callable trigger', { kind: 'callable', input: [{ name: 'o', type: 'object' }] }, { o: {} }],
    ['a tick for now for a schedule', { kind: 'schedule', every: '1h' }, { at: NOW.toISOString(), catch_up: false, missed: 0 }]
  ])('%s', (_name, trigger, expected) => {
    expect(sampleInput(trigger, now)).toEqual(expected);
  });

  it('a small invoice document with text for a document trigger, not a blank file', () => {
    expect(sampleInput({ kind: 'document' }, now)).toMatchObject({ type: 'text/plain', text: expect.stringContaining('INV-1001') });
  });

  it.each<[Trigger, boolean]>([
    [{ kind: 'manual' }, false],
    [{ kind: 'callable', input: [] }, false],
    [{ kind: 'schedule', every: '5m' }, true],
    [{ kind: 'event', connector: 'sandbox.mail', event: 'mail.received' }, true],
    [{ kind: 'webhook', path: 'x' }, true],
    [{ kind: 'document' }, true]
  ])('%j starts from a sample: %s', (trigger, expected) => expect(startsFromSample(trigger)).toBe(expected));
});

describe('runFormStart', () => {
  const mail: Trigger = { kind: 'event', connector: 'sandbox.mail', event: 'mail.received' };

  it('a manual recipe: its blanks, with no sentence about a sample', async () => {
    expect(await runFormStart({ kind: 'manual', input: [{ name: 'n', type: 'number' }] }, { now })).toEqual({ value: { n: 0 } });
  });

  it("a manual recipe with its own sample: that sample, said to be the recipe's", async () => {
    const trigger: Trigger = { kind: 'manual', input: [{ name: 'n', type: 'number' }], sample: { n: 7 } };
    expect(await runFormStart(trigger, { now })).toEqual({ value: { n: 7 }, sample: { value: { n: 7 }, source: 'recipe' } });
  });

  it.each<[string, Trigger, string]>([
    ['schedule', { kind: 'schedule', cron: '0 9 * * 1-5' }, 'tick'],
    ['webhook', { kind: 'webhook', path: 'orders/new' }, 'request'],
    ['document', { kind: 'document', accept: ['application/pdf'] }, 'document'],
    ['event with no record yet', mail, 'schema']
  ])('%s: the trigger sample, which the trigger accepts, and where it came from', async (_name, trigger, source) => {
    const start = await runFormStart(trigger, { now, connectors, latestEvent: async () => undefined });
    expect(start.sample?.source).toBe(source);
    expect(start.value).toEqual(start.sample?.value);
    expect(start.value).not.toEqual({});
    expect(() => triggerOutput(trigger, start.value)).not.toThrow();
  });

  it("an event: the app's latest record when it fits the payload", async () => {
    const made = await runFormStart(mail, { now, connectors });
    const latest = { ...(made.value as object), subject: 'The real latest mail' };
    const start = await runFormStart(mail, { now, connectors, latestEvent: async () => latest });
    expect(start).toEqual({ value: latest, sample: { value: latest, source: 'latest' } });
  });

  it('falls back to the start it can make when reading the sample fails', async () => {
    const broken = { connector: () => { throw new Error('no catalog'); } };
    expect(await runFormStart(mail, { now, connectors: broken })).toEqual({ value: {} });
  });
});
