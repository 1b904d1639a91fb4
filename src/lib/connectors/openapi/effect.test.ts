/**
 * Imported operations declare their effect: GET/HEAD (and the other safe methods) read, the rest write,
 * unless the document says otherwise with `x-sous-effect` / `x-sous-idempotent` on the operation.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { recipeEffect } from '../effects';
import { ConnectorRegistry } from '../sdk';
import { recipe } from '../../engine/test-kit';
import { operationEffect } from './effect';
import { readFixture } from './fixtures';
import { buildOpenApiConnector, previewOpenApi } from './index';

const text = readFixture('petstore.yaml');
const petstore = buildOpenApiConnector({ id: 'openapi.petstore', label: 'Petstore', document: text });

describe('the Petstore as imported', () => {
  it.each([
    ['get_pet_by_id', 'read', true],
    ['find_pets_by_status', 'read', true],
    ['get_inventory', 'read', true],
    ['login_user', 'read', true],
    ['add_pet', 'write', false],
    ['place_order', 'write', false],
    ['update_pet', 'write', true],
    ['delete_pet', 'write', true],
    ['delete_order', 'write', true],
    ['update_pet_with_form', 'write', false]
  ])('%s: %s, idempotent %s', (name, effect, idempotent) => {
    expect([petstore.actions[name].effect, petstore.actions[name].idempotent]).toEqual([effect, idempotent]);
  });

  it('every operation declares both, and the preview shows them', () => {
    for (const action of Object.values(petstore.actions)) {
      expect(['read', 'write']).toContain(action.effect);
      expect(typeof action.idempotent).toBe('boolean');
    }
    const summary = previewOpenApi(text);
    expect(summary.operations.find((o) => o.name === 'add_pet')).toMatchObject({ method: 'POST', effect: 'write', idempotent: false });
    expect(summary.operations.find((o) => o.name === 'get_pet_by_id')).toMatchObject({ method: 'GET', effect: 'read', idempotent: true });
  });
});

describe('the document says otherwise', () => {
  const doc = parse(text) as { paths: Record<string, Record<string, Record<string, unknown>>> };
  // findPetsByTags as a POST search that only reads; logout as a GET that changes the session.
  doc.paths['/pet/findByTags'].post = { ...doc.paths['/pet/findByTags'].get, operationId: 'searchPets', 'x-sous-effect': 'read' };
  doc.paths['/user/logout'].get['x-sous-effect'] = 'write';
  doc.paths['/pet/{petId}'].delete['x-sous-idempotent'] = false;
  doc.paths['/store/inventory'].get['x-sous-effect'] = 'reads';
  const edited = JSON.stringify(doc);
  const api = buildOpenApiConnector({ id: 'openapi.petstore', label: 'Petstore', document: edited });

  it.each([
    ['search_pets', 'read', true],
    ['logout_user', 'write', false],
    ['delete_pet', 'write', false],
    ['get_inventory', 'read', true]
  ])('%s: %s, idempotent %s', (name, effect, idempotent) => {
    expect([api.actions[name].effect, api.actions[name].idempotent]).toEqual([effect, idempotent]);
  });

  it('warns about an extension value it does not understand', () => {
    expect(previewOpenApi(edited).warnings).toContainEqual(expect.stringMatching(/GET \/store\/inventory: x-sous-effect must be "read" or "write", not "reads"/));
  });

  it('a recipe using the imported actions takes their effect', () => {
    const connectors = new ConnectorRegistry([api]);
    const reads = recipe([{ id: 'find', kind: 'action', connector: 'openapi.petstore', action: 'search_pets', input: {} }]);
    const writes = recipe([{ id: 'out', kind: 'action', connector: 'openapi.petstore', action: 'logout_user', input: {} }]);
    expect(recipeEffect(reads, { connectors, recipe: () => undefined })).toEqual({ effect: 'read', idempotent: true, writes: [] });
    expect(recipeEffect(writes, { connectors, recipe: () => undefined })).toEqual({ effect: 'write', idempotent: false, writes: ['openapi.petstore.logout_user'] });
  });
});

describe('operationEffect', () => {
  it.each([
    ['get', {}, 'read', true],
    ['head', {}, 'read', true],
    ['trace', {}, 'read', true],
    ['post', {}, 'write', false],
    ['patch', {}, 'write', false],
    ['put', {}, 'write', true],
    ['post', { 'x-sous-effect': 'read' }, 'read', true],
    ['post', { 'x-sous-effect': 'read', 'x-sous-idempotent': false }, 'read', false],
    ['post', { 'x-sous-idempotent': true }, 'write', true],
    ['get', { 'x-sous-effect': 'write' }, 'write', false],
    ['get', { 'x-sous-effect': 'write', 'x-sous-idempotent': true }, 'write', true],
    ['put', { 'x-sous-effect': 'write' }, 'write', true],
    ['get', { 'x-sous-idempotent': 'no' }, 'read', true]
  ])('%s %j: %s, idempotent %s', (method, op, effect, idempotent) => {
    const got = operationEffect(method, op, 'X /x');
    expect([got.effect, got.idempotent]).toEqual([effect, idempotent]);
  });
});
