/**
 * Real documents (the Petstore, a 3.1 example and three large real-world specs from npm packages; see
 * tests/fixtures/openapi/README.md): every operation becomes an action, and inputs are checked.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiConnector, previewOpenApi } from './index';
import { LARGE_SPECS, readFixture } from './fixtures';
import type { ConnectorDef } from '../sdk';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Operations counted straight from the document, independently of the importer. */
function countOperations(text: string): number {
  const doc = JSON.parse(text) as { paths: Record<string, Record<string, unknown>> };
  return Object.values(doc.paths).reduce((n, item) => n + METHODS.filter((m) => item[m]).length, 0);
}

describe('the Petstore (OpenAPI 3.0, YAML)', () => {
  const text = readFixture('petstore.yaml');
  const petstore = buildOpenApiConnector({ id: 'openapi.petstore', label: 'Petstore', document: text });

  it('has one action per operation, named from the operationIds', () => {
    expect(Object.keys(petstore.actions).sort()).toEqual(
      [
        'add_pet', 'update_pet', 'find_pets_by_status', 'find_pets_by_tags', 'get_pet_by_id', 'update_pet_with_form', 'delete_pet', 'upload_file',
        'get_inventory', 'place_order', 'get_order_by_id', 'delete_order', 'create_user', 'create_users_with_array_input',
        'create_users_with_list_input', 'login_user', 'logout_user', 'get_user_by_name', 'update_user', 'delete_user'
      ].sort()
    );
    expect(petstore.actions.get_pet_by_id.label).toBe('Find pet by ID');
  });

  it('declares its auth as connection fields, secrets marked', () => {
    expect(petstore.connection?.map((f) => [f.name, f.secret])).toEqual([
      ['base_url', false],
      ['auth', false],
      ['api_key', true],
      ['token', true]
    ]);
    expect(previewOpenApi(text).auth.map((a) => [a.name, a.kind])).toEqual([
      ['petstore_auth', 'bearer'],
      ['api_key', 'api_key_header']
    ]);
  });

  it.each([
    ['get_pet_by_id', { petId: 10 }, true, ''],
    ['get_pet_by_id', { petId: 'ten' }, false, 'petId'],
    ['get_pet_by_id', {}, false, 'petId'],
    ['find_pets_by_status', { status: ['available', 'sold'] }, true, ''],
    ['find_pets_by_status', { status: ['lost'] }, false, 'status.0'],
    ['add_pet', { body: { name: 'Rex', photoUrls: ['http://x/rex.png'], status: 'available' } }, true, ''],
    ['add_pet', { body: { name: 'Rex' } }, false, 'body.photoUrls'],
    ['add_pet', { body: { name: 'Rex', photoUrls: [], category: { id: 'one' } } }, false, 'body.category.id'],
    ['place_order', { body: { petId: 1, quantity: 2, shipDate: '2024-05-01T10:00:00Z' } }, true, ''],
    ['place_order', { body: { petId: 1, shipDate: 'next tuesday' } }, false, 'body.shipDate']
  ])('%s takes %j: %s', (action, input, ok, path) => {
    const result = petstore.actions[action].input.safeParse(input);
    expect(result.success).toBe(ok);
    if (!ok) expect(result.error!.issues.map((i: { path: PropertyKey[] }) => i.path.join('.'))).toContain(path);
  });
});

describe('OpenAPI 3.1 (Train Travel API)', () => {
  const text = readFixture('train-travel-3.1.yaml');
  const train = buildOpenApiConnector({ id: 'openapi.train', label: 'Trains', document: text });
  it('imports every operation and reads 3.1 schemas', () => {
    expect(Object.keys(train.actions)).toHaveLength(7);
    expect(previewOpenApi(text).openapi).toBe('3.1.0');
    const search = train.actions['get-trips'].input;
    expect(search.safeParse({ origin: 'efdbb9d1-02c2-4bc3-afb7-6788d8782b1e', destination: 'b2e783e1-c824-4d63-b37a-d8d698862f1d', date: '2024-02-01T09:00:00Z' }).success).toBe(true);
    expect(search.safeParse({ origin: 'not-a-uuid', destination: 'b2e783e1-c824-4d63-b37a-d8d698862f1d', date: '2024-02-01T09:00:00Z' }).success).toBe(false);
  });
});

const built = new Map<string, ConnectorDef>();
function connectorOf(file: string): ConnectorDef {
  let found = built.get(file);
  if (!found) built.set(file, (found = buildOpenApiConnector({ id: 'openapi.big', label: 'Big', document: readFixture(file) })));
  return found;
}

describe.each(LARGE_SPECS)('$name', ({ file }) => {
  const text = readFixture(file);
  const connector = connectorOf(file);
  it('makes every operation an action', () => {
    const expected = countOperations(text);
    expect(expected).toBeGreaterThan(400);
    expect(Object.keys(connector.actions)).toHaveLength(expected);
  });
  it('gives every action input and output schemas that validate without crashing', () => {
    for (const action of Object.values(connector.actions)) {
      action.input.safeParse({});
      action.output.safeParse({ status: 200, headers: {}, body: {} });
    }
  });
  it('gives the studio JSON Schemas of a bounded size (every 10th action, for time)', () => {
    const actions = Object.values(connector.actions).filter((_, i) => i % 10 === 0);
    for (const action of actions) {
      expect(JSON.stringify(z.toJSONSchema(action.input, { io: 'input', unrepresentable: 'any' })).length).toBeLessThan(400_000);
      expect(JSON.stringify(z.toJSONSchema(action.output, { io: 'output', unrepresentable: 'any' })).length).toBeLessThan(200_000);
    }
  });
});

describe('inputs of large specs', () => {
  it.each([
    ['github-api.json.gz', 'repos.get', { owner: 'octocat', repo: 'hello-world' }, { owner: 'octocat' }, 'repo'],
    ['github-api.json.gz', 'issues.create', { owner: 'o', repo: 'r', body: { title: 'Bug', labels: ['bug'] } }, { owner: 'o', repo: 'r', body: { labels: ['bug'] } }, 'body.title'],
    ['stripe.json.gz', 'post_customers', { body: { email: 'ann@example.com', metadata: { order: '6735' } } }, { body: { balance: 'lots' } }, 'body.balance'],
    ['jira.json.gz', 'get_issue', { issueIdOrKey: 'PROJ-1' }, {}, 'issueIdOrKey']
  ])('%s %s takes a valid call and refuses a bad one', (file, action, good, bad, path) => {
    const schema = connectorOf(file).actions[action].input;
    expect(schema.safeParse(good).success).toBe(true);
    const result = schema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i: { path: PropertyKey[] }) => i.path.join('.'))).toContain(path);
  });
});
