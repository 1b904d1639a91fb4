import { describe, expect, it } from 'vitest';
import type { Trigger } from '../recipe';
import { RunRefused } from './errors';
import { eventMatches, triggerOutput } from './trigger-output';

describe('what each trigger kind hands the job', () => {
  it('manual: the input with defaults, refusing missing required fields by name', () => {
    const trigger: Trigger = {
      kind: 'manual',
      input: [
        { name: 'invoices', type: 'list', required: true },
        { name: 'limit', type: 'number', default: 500 }
      ]
    };
    expect(triggerOutput(trigger, { invoices: [] })).toEqual({ invoices: [], limit: 500 });
    expect(() => triggerOutput(trigger, {})).toThrow(/missing required input: invoices/);
    expect(() => triggerOutput(trigger, { invoices: 'x' })).toThrow(RunRefused);
  });

  it('document: {name, type, text, pages?}, only of the accepted media types', () => {
    const trigger: Trigger = { kind: 'document', accept: ['application/pdf', 'text/*'] };
    const doc = { name: 'inv.pdf', type: 'application/pdf', text: 'Total 10', pages: 1 };
    expect(triggerOutput(trigger, doc)).toEqual(doc);
    expect(triggerOutput(trigger, { ...doc, type: 'text/plain' })).toMatchObject({ type: 'text/plain' });
    expect(() => triggerOutput(trigger, { ...doc, type: 'image/png' })).toThrow(/accepts application\/pdf, text\/\*, not image\/png/);
    expect(() => triggerOutput(trigger, { name: 'x' })).toThrow(/not a valid document/);
  });

  it('webhook: the request with empty headers and query by default', () => {
    expect(triggerOutput({ kind: 'webhook', path: 'orders' }, { body: { id: 1 } })).toEqual({
      method: 'POST',
      headers: {},
      query: {},
      body: { id: 1 }
    });
  });

  it('schedule: the tick, saying whether it is the catch-up run', () => {
    const trigger: Trigger = { kind: 'schedule', every: '1h' };
    expect(triggerOutput(trigger, { at: '2026-01-01T00:00:00Z' })).toEqual({ at: '2026-01-01T00:00:00Z', catch_up: false, missed: 0 });
    expect(() => triggerOutput(trigger, {})).toThrow(RunRefused);
  });

  it.each([
    ['a run that waited behind another says how long', { waited_ms: 1500, missed: 1 }, { waited_ms: 1500, missed: 1 }],
    ['a run on time has no waited_ms', {}, {}]
  ])('schedule: %s', (_what, extra, expected) => {
    const tick = { at: '2026-01-01T00:00:00Z', catch_up: false, ...extra };
    expect(triggerOutput({ kind: 'schedule', every: '1m' }, tick)).toEqual({ at: tick.at, catch_up: false, missed: 0, ...expected });
  });

  it.each([-1, 1.5, '10'])('schedule: waited_ms %j is refused', (waited_ms) => {
    expect(() => triggerOutput({ kind: 'schedule', every: '1m' }, { at: '2026-01-01T00:00:00Z', waited_ms })).toThrow(RunRefused);
  });

  it('event: the payload as it came', () => {
    expect(triggerOutput({ kind: 'event', connector: 'sandbox.erp', event: 'vendor.created' }, { id: 'v1' })).toEqual({ id: 'v1' });
  });
});

describe('eventMatches', () => {
  const trigger: Trigger = { kind: 'event', connector: 'sandbox.erp', event: 'invoice.created', filter: '{{ trigger.total > 100 }}' };
  it.each([
    ['sandbox.erp', 'invoice.created', { total: 500 }, true],
    ['sandbox.erp', 'invoice.created', { total: 50 }, false],
    ['sandbox.erp', 'vendor.created', { total: 500 }, false],
    ['sandbox.hr', 'invoice.created', { total: 500 }, false]
  ])('%s %s %j → %s', async (connector, event, payload, expected) => {
    expect(await eventMatches(trigger, connector, event, payload)).toBe(expected);
  });
  it('without a filter, every matching event starts a job', async () => {
    expect(await eventMatches({ kind: 'event', connector: 'c', event: 'e' }, 'c', 'e', null)).toBe(true);
  });
});
