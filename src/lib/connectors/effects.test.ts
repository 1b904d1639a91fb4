/**
 * A recipe's effect is the strongest of the actions that can run in it, at any depth, and of the recipes
 * it calls; what cannot be found counts as a write (guessing "read" would skip a confirmation).
 */
import { describe, expect, it } from 'vitest';
import { recipe } from '../engine/test-kit';
import type { Recipe } from '../recipe';
import { builtinConnectors } from './builtin';
import { catalogueChat, catalogueSandbox } from './catalog';
import { actionEffect, actionIdempotent, recipeEffect } from './effects';

const connectors = builtinConnectors({ chat: catalogueChat, sandbox: catalogueSandbox });

let n = 0;
const act = (connector: string, action: string, input: Record<string, unknown> = {}, extra: object = {}) => ({ id: `s${++n}`, kind: 'action', connector, action, input, ...extra });
const call = (id: string, extra: object = {}) => ({ id: `c${++n}`, kind: 'call', recipe: id, ...extra });
const search = () => act('sandbox.erp', 'vendors.search', { query: 'x' });
const create = () => act('sandbox.erp', 'vendors.create', { name: 'x' });
const setStatus = () => act('sandbox.erp', 'invoices.set_status', { id: 'i', status: 'paid' });

function effectOf(top: Recipe, others: Recipe[] = []) {
  const byId = new Map(others.map((r) => [r.id, r]));
  return recipeEffect(top, { connectors, recipe: (id) => byId.get(id) });
}

describe('recipeEffect', () => {
  it.each<[string, unknown[], { effect: string; idempotent: boolean; writes: string[] }]>([
    ['no steps', [], { effect: 'read', idempotent: true, writes: [] }],
    ['reads only', [search(), act('sandbox.hr', 'payslips.get'), act('ai', 'extract', { document: 'x' })], { effect: 'read', idempotent: true, writes: [] }],
    ['a write', [search(), create()], { effect: 'write', idempotent: false, writes: ['sandbox.erp.vendors.create'] }],
    ['an idempotent write', [setStatus()], { effect: 'write', idempotent: true, writes: ['sandbox.erp.invoices.set_status'] }],
    ['a write inside if/else', [{ id: 'i1', kind: 'if', condition: 'true', then: [search()], else: [create()] }], { effect: 'write', idempotent: false, writes: ['sandbox.erp.vendors.create'] }],
    [
      'a write inside foreach inside try/catch',
      [{ id: 't1', kind: 'try', steps: [search()], catch: [{ id: 'f1', kind: 'foreach', items: '[1]', steps: [act('sandbox.mail', 'messages.send', { to: 'a', subject: 'b', body: 'c' })] }] }],
      { effect: 'write', idempotent: false, writes: ['sandbox.mail.messages.send'] }
    ],
    ['a disabled write', [search(), { ...create(), disabled: true }], { effect: 'read', idempotent: true, writes: [] }],
    ['a write inside a disabled container', [{ id: 'i2', kind: 'if', condition: 'true', disabled: true, then: [create()] }], { effect: 'read', idempotent: true, writes: [] }],
    ['http GET', [act('http', 'request', { url: 'https://example.com' })], { effect: 'read', idempotent: true, writes: [] }],
    ['http PUT', [act('http', 'request', { method: 'PUT', url: 'https://example.com' })], { effect: 'write', idempotent: true, writes: ['http.request'] }],
    ['http method from an expression', [act('http', 'request', { method: '{{ trigger.m }}', url: 'https://example.com' })], { effect: 'write', idempotent: false, writes: ['http.request'] }],
    ['an unknown connector', [act('nope', 'read')], { effect: 'write', idempotent: false, writes: ['nope.read'] }],
    ['an unknown action', [act('sandbox.erp', 'vendors.purge')], { effect: 'write', idempotent: false, writes: ['sandbox.erp.vendors.purge'] }],
    ['an unknown recipe', [call('missing')], { effect: 'write', idempotent: false, writes: ['missing: unknown recipe'] }],
    ['approvals and sets only', [{ id: 'a1', kind: 'approval', message: 'ok?' }, { id: 'v1', kind: 'set', values: { a: 1 } }], { effect: 'read', idempotent: true, writes: [] }]
  ])('%s', (_name, steps, expected) => {
    expect(effectOf(recipe(steps))).toEqual(expected);
  });

  it('A calls B which writes: A writes, named through B', () => {
    const b = recipe([search(), create()], undefined, 'b');
    const a = recipe([search(), call('b')], undefined, 'a');
    expect(effectOf(a, [b])).toEqual({ effect: 'write', idempotent: false, writes: ['b: sandbox.erp.vendors.create'] });
  });

  it('A calls B calls C: the deepest write counts, named by the recipe that holds it', () => {
    const c = recipe([setStatus()], undefined, 'c');
    const b = recipe([call('c')], undefined, 'b');
    const a = recipe([{ id: 'i3', kind: 'if', condition: 'true', then: [call('b')] }], undefined, 'a');
    expect(effectOf(a, [b, c])).toEqual({ effect: 'write', idempotent: true, writes: ['c: sandbox.erp.invoices.set_status'] });
  });

  it('A calls B which only reads: A reads', () => {
    const b = recipe([search()], undefined, 'b');
    expect(effectOf(recipe([call('b')], undefined, 'a'), [b])).toEqual({ effect: 'read', idempotent: true, writes: [] });
  });

  it('a disabled call does not count', () => {
    const b = recipe([create()], undefined, 'b');
    expect(effectOf(recipe([call('b', { disabled: true })], undefined, 'a'), [b]).effect).toBe('read');
  });

  it('cycles end: A calls B calls A, and a recipe that calls itself', () => {
    const a = recipe([search(), call('b')], undefined, 'a');
    const b = recipe([call('a'), create()], undefined, 'b');
    expect(effectOf(a, [a, b])).toEqual({ effect: 'write', idempotent: false, writes: ['b: sandbox.erp.vendors.create'] });
    const self = recipe([search(), call('self')], undefined, 'self');
    expect(effectOf(self, [self])).toEqual({ effect: 'read', idempotent: true, writes: [] });
  });

  it('a non-idempotent write anywhere makes the whole not idempotent', () => {
    const b = recipe([act('sandbox.orders', 'refunds.create', { order_id: 'o', items: [] })], undefined, 'b');
    const a = recipe([setStatus(), call('b')], undefined, 'a');
    expect(effectOf(a, [b])).toMatchObject({ effect: 'write', idempotent: false });
  });
});

describe('actionEffect and actionIdempotent', () => {
  it.each([
    ['sandbox.erp', 'vendors.get', {}, 'read', true],
    ['sandbox.erp', 'vendors.create', {}, 'write', false],
    ['http', 'request', { method: 'DELETE' }, 'write', true],
    ['http', 'request', { method: 'head' }, 'read', true],
    ['ghost', 'x', {}, 'write', false]
  ])('%s.%s %j', (connector, action, input, effect, idempotent) => {
    expect(actionEffect(connectors, connector, action, input)).toBe(effect);
    expect(actionIdempotent(connectors, connector, action, input)).toBe(idempotent);
  });
});
