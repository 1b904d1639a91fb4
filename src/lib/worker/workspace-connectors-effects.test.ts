// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
/** The worker's connector lookup passes each action's declared effect through, built-in and imported alike. */
import { describe, expect, it } from 'vitest';
import { builtinConnectors } from '../connectors/builtin';
import { MemoryChat } from '../connectors/chat';
import { recipeEffect } from '../connectors/effects';
import { readFixture } from '../connectors/openapi/fixtures';
import { recipe } from '../engine/test-kit';
import { saveCustomConnector } from '../store';
import { freshDb } from '../store/test-db';
import { WorkspaceConnectors } from './workspace-connectors';

describe('WorkspaceConnectors and effects', () => {
  it('gives effect, idempotent, effectOf and idempotentOf as the connectors declare them', async () => {
    const db = freshDb();
    const connectors = new WorkspaceConnectors(builtinConnectors({ chat: new MemoryChat() }), db, {}, () => {});
    await saveCustomConnector(db, { id: 'openapi.petstore', label: 'Petstore', document: readFixture('petstore.yaml') });
    await connectors.sync();

    expect(connectors.action('openapi.petstore', 'get_pet_by_id')).toMatchObject({ effect: 'read', idempotent: true });
    expect(connectors.action('openapi.petstore', 'add_pet')).toMatchObject({ effect: 'write', idempotent: false });
    expect(connectors.action('tables', 'delete')).toMatchObject({ effect: 'write', idempotent: true });
    const http = connectors.action('http', 'request');
    expect([http?.effectOf?.({ method: 'GET' }), http?.idempotentOf?.({ method: 'PUT' })]).toEqual(['read', true]);

    const r = recipe([
      { id: 'find', kind: 'action', connector: 'openapi.petstore', action: 'get_pet_by_id', input: { petId: 1 } },
      { id: 'add', kind: 'action', connector: 'openapi.petstore', action: 'add_pet', input: {} }
    ]);
    expect(recipeEffect(r, { connectors, recipe: () => undefined })).toEqual({ effect: 'write', idempotent: false, writes: ['openapi.petstore.add_pet'] });
  });
});
