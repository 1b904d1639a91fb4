import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinConnectors } from './builtin';
import { createCatalog } from './catalog';
import { catalogEntries } from './catalog-entries';
import { MemoryChat } from './chat';
import { defineConnector } from './sdk';

describe('catalogEntries', () => {
  it('lists the built-in connectors with their actions and input names', () => {
    const entries = catalogEntries(builtinConnectors({ chat: new MemoryChat() }));
    const chat = entries.find((e) => e.connector === 'chat');
    expect(chat).toMatchObject({ label: expect.any(String), actions: [{ name: 'post', inputs: ['channel', 'text'] }], events: [] });
    expect(entries.find((e) => e.connector === 'http')?.actions[0].inputs).toEqual(expect.arrayContaining(['method', 'url', 'body']));
    // The studio's catalogue also offers the sandbox apps, after the built-in connectors.
    const studio = catalogEntries(createCatalog()).map((e) => e.connector);
    expect(studio).toEqual([...entries.map((e) => e.connector), 'sandbox.erp', 'sandbox.hr', 'sandbox.orders', 'sandbox.mail']);
  });

  it('lists events, and an action whose input is not an object has no input names', () => {
    const app = defineConnector({
      id: 'sandbox.test',
      label: 'Test app',
      actions: { 'things.count': { label: 'Count', effect: 'read', idempotent: true, input: z.number(), output: z.number(), execute: async (n: number) => n } },
      events: { 'thing.created': { label: 'A thing is created', payload: z.object({ id: z.string() }) } }
    });
    expect(catalogEntries([app])).toEqual([
      { connector: 'sandbox.test', label: 'Test app', actions: [{ name: 'things.count', label: 'Count', inputs: [] }], events: ['thing.created'] }
    ]);
  });
});
