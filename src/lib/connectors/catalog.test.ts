import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actionInputSchema, catalogueChat, createCatalog } from './catalog';
import { defineConnector } from './sdk';

describe('the connector catalogue', () => {
  const extra = defineConnector({
    id: 'sandbox.crm',
    label: 'CRM',
    actions: {
      find: {
        label: 'Find a contact',
        effect: 'read',
        idempotent: true,
        input: z.object({ email: z.string(), key: z.string().meta({ secret: true }), limit: z.number().default(10) }),
        output: z.object({ id: z.string() }),
        execute: async () => ({ id: '1' })
      }
    }
  });
  const catalog = createCatalog([extra]);

  it('lists the built-in connectors and any others given', () => {
    expect(catalog.connectors().map((c) => c.id)).toEqual(['http', 'chat', 'tables', 'slack', 'ai', 'sandbox.erp', 'sandbox.hr', 'sandbox.orders', 'sandbox.mail', 'sandbox.crm']);
    expect(catalog.hasConnector('chat')).toBe(true);
    expect(catalog.hasConnector('nope')).toBe(false);
  });

  it('gives the input JSON Schema as a form sees it: defaults optional, secrets marked', () => {
    const schema = actionInputSchema(catalog, 'sandbox.crm', 'find');
    expect(schema?.required).toEqual(['email', 'key']);
    expect(schema?.properties?.key).toMatchObject({ type: 'string', secret: true });
    expect(catalog.inputSchema('http', 'request')?.required).toEqual(['url']);
  });

  it('gives the output JSON Schema, with every field there', () => {
    expect(catalog.outputSchema('chat', 'post')?.required).toEqual(['id', 'channel', 'text', 'at']);
  });

  it('answers undefined for an unknown action, also one named like an Object method', () => {
    expect(catalog.inputSchema('http', 'fetch')).toBeUndefined();
    expect(catalog.inputSchema('http', 'toString')).toBeUndefined();
    expect(catalog.inputSchema('nope', 'x')).toBeUndefined();
  });

  it('never runs an action: its chat refuses to post', async () => {
    await expect(catalogueChat.post({ id: '1', channel: 'c', text: 't', at: 'now' })).rejects.toThrow('the catalogue does not run actions');
    const post = catalog.action('chat', 'post')!;
    const ctx = { user: { id: 'u', name: 'U', roles: [] }, signal: new AbortController().signal, jobId: 'j', path: 'p' };
    await expect(post.execute({ channel: 'c', text: 't' }, ctx)).rejects.toThrow('the catalogue does not run actions');
  });
});
