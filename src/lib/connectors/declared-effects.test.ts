/**
 * Every action of every connector says whether it reads or writes and whether a repeat is harmless:
 * agents confirm writes by it and MCP marks tools read-only or destructive. The sandbox apps' table is
 * spelt out, so a wrong declaration (not only a missing one) fails here.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinConnectors } from './builtin';
import { catalogueChat, catalogueSandbox } from './catalog';
import { methodEffect } from './method-effect';
import { defineConnector, type ActionDef } from './sdk';

const registry = builtinConnectors({ chat: catalogueChat, sandbox: catalogueSandbox });

/** [connector.action, effect, idempotent]: every action of the built-in connectors and sandbox apps. */
const EXPECTED: Array<[string, 'read' | 'write', boolean]> = [
  ['http.request', 'write', false], // the stronger; by method below
  ['chat.post', 'write', false],
  ['tables.lookup', 'read', true],
  ['tables.list', 'read', true],
  ['tables.add', 'write', false],
  ['tables.update', 'write', true],
  ['tables.delete', 'write', true],
  ['slack.post', 'write', false],
  ['ai.extract', 'read', true],
  ['ai.classify', 'read', true],
  ['ai.summarize', 'read', true],
  ['ai.generate', 'read', true],
  ['sandbox.erp.vendors.search', 'read', true],
  ['sandbox.erp.vendors.get', 'read', true],
  ['sandbox.erp.vendors.create', 'write', false],
  ['sandbox.erp.vendors.update', 'write', true],
  ['sandbox.erp.invoices.create', 'write', false],
  ['sandbox.erp.invoices.list', 'read', true],
  ['sandbox.erp.invoices.get', 'read', true],
  ['sandbox.erp.invoices.set_status', 'write', true],
  ['sandbox.erp.purchase_orders.list', 'read', true],
  ['sandbox.erp.purchase_orders.get', 'read', true],
  ['sandbox.erp.purchase_orders.create', 'write', false],
  ['sandbox.hr.employees.get', 'read', true],
  ['sandbox.hr.employees.list', 'read', true],
  ['sandbox.hr.payslips.get', 'read', true],
  ['sandbox.hr.leave.list', 'read', true],
  ['sandbox.hr.leave.create', 'write', false],
  ['sandbox.hr.leave.decide', 'write', false],
  ['sandbox.orders.orders.list', 'read', true],
  ['sandbox.orders.orders.get', 'read', true],
  ['sandbox.orders.refunds.create', 'write', false],
  ['sandbox.orders.stock.get', 'read', true],
  ['sandbox.orders.stock.list', 'read', true],
  ['sandbox.mail.messages.list', 'read', true],
  ['sandbox.mail.messages.get', 'read', true],
  ['sandbox.mail.messages.send', 'write', false]
];

const registered = registry.list().flatMap((c) => Object.entries(c.actions).map(([name, def]) => [`${c.id}.${name}`, def] as const));

describe('declared effects', () => {
  it('lists every registered action in the expected table, and nothing that is not registered', () => {
    expect(registered.map(([id]) => id).sort()).toEqual(EXPECTED.map(([id]) => id).sort());
  });

  it.each(EXPECTED)('%s is %s, idempotent %s', (id, effect, idempotent) => {
    const def = registered.find(([name]) => name === id)?.[1];
    expect(def?.effect).toBe(effect);
    expect(def?.idempotent).toBe(idempotent);
  });

  it('passes the declarations through the registry lookup the engine and effects use', () => {
    for (const c of registry.list()) {
      for (const [name, def] of Object.entries(c.actions)) {
        const runtime = registry.action(c.id, name);
        expect([runtime?.effect, runtime?.idempotent, runtime?.effectOf]).toEqual([def.effect, def.idempotent, def.effectOf]);
      }
    }
  });
});

describe('http.request by method', () => {
  const request = registry.action('http', 'request')!;
  it.each([
    [undefined, 'read', true],
    ['GET', 'read', true],
    ['get', 'read', true],
    [' Head ', 'read', true],
    ['OPTIONS', 'read', true],
    ['PUT', 'write', true],
    ['delete', 'write', true],
    ['POST', 'write', false],
    ['patch', 'write', false],
    ['{{ trigger.method }}', 'write', false],
    ['GET{{ "" }}', 'write', false],
    [42, 'write', false]
  ])('method %j: %s, idempotent %s', (method, effect, idempotent) => {
    const input = method === undefined ? { url: 'https://example.com' } : { method, url: 'https://example.com' };
    expect(request.effectOf?.(input)).toBe(effect);
    expect(request.idempotentOf?.(input)).toBe(idempotent);
    expect(methodEffect(method)).toEqual({ effect, idempotent });
  });
});

describe('http.request with an Idempotency-Key header may be repeated', () => {
  const request = registry.action('http', 'request')!;
  it.each([
    [{ 'Idempotency-Key': 'job-1-pay' }, true],
    [{ 'idempotency-key': '{{ job.id }}' }, true],
    [{ ' IDEMPOTENCY-KEY ': 'k' }, true],
    [{ 'Idempotency-Key': '' }, false],
    [{ 'Idempotency-Key': '   ' }, false],
    [{ 'X-Idempotency': 'k' }, false],
    [{ 'Content-Type': 'application/json' }, false],
    [undefined, false]
  ])('POST with headers %j: idempotent %s', (headers, idempotent) => {
    const input = { method: 'POST', url: 'https://example.com/pay', ...(headers ? { headers } : {}) };
    expect(request.effectOf?.(input)).toBe('write');
    expect(request.idempotentOf?.(input)).toBe(idempotent);
  });
});

describe('defineConnector refuses an action that does not declare its effect', () => {
  const base = { label: 'Do it', input: z.object({}), output: z.unknown(), execute: async () => null };
  it.each([
    [{}, /x\.do: declare effect: 'read' or 'write'.*none/],
    [{ effect: 'reads', idempotent: true }, /x\.do: declare effect.*"reads"/],
    [{ effect: 'read' }, /x\.do: declare idempotent: true or false.*none/],
    [{ effect: 'write', idempotent: 'yes' }, /x\.do: declare idempotent.*"yes"/],
    [{ effect: 'write', idempotent: false, effectOf: 'read' }, /x\.do: effectOf must be a function/]
  ])('%j', (declared, message) => {
    const action = { ...base, ...declared } as unknown as ActionDef;
    expect(() => defineConnector({ id: 'x', label: 'X', actions: { do: action } })).toThrow(message);
  });

  it('accepts one that declares both', () => {
    expect(() => defineConnector({ id: 'x', label: 'X', actions: { do: { ...base, effect: 'read', idempotent: true } } })).not.toThrow();
  });
});
