/**
 * List operations of imported documents become polled events: which ones (real specs from the fixtures
 * and a small one written for this), their names, labels, keys, `x-sous-poll`, and their list called
 * against a real server on 127.0.0.1.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogEntries } from '../catalog-entries';
import { ConnectorCatalog } from '../catalog';
import { listPills } from '../../inspector/pills';
import type { Recipe } from '../../recipe';
import type { ConnectorDef, PollDef } from '../sdk';
import { buildOpenApiConnector, previewOpenApi } from './index';
import { readFixture } from './fixtures';
import { SHOP_API } from './poll-fixture';
import { thingOf } from './poll';

const shop = buildOpenApiConnector({ id: 'openapi.shop', label: 'Shop', document: SHOP_API });
const poll = (c: ConnectorDef, event: string): PollDef => {
  const found = c.events?.[event]?.poll;
  if (!found) throw new Error(`${event} is not polled`);
  return found;
};

describe('polled events of an imported document', () => {
  it('are the GETs with no required parameters that answer a list of items with a key', () => {
    expect(Object.keys(shop.events ?? {}).sort()).toEqual(['list_customers.new', 'list_events.new', 'list_orders.new']);
    expect(shop.events?.['list_orders.new']).toMatchObject({ label: 'New orders (checked every 5 min)', poll: { every: '5m', key: 'id', backlog: false } });
    expect(shop.events?.['list_customers.new']).toMatchObject({ label: 'New customers (checked every hour)', poll: { every: '1h', key: 'number', backlog: true } });
    expect(shop.events?.['list_events.new']).toMatchObject({ label: 'New events (checked every minute)', poll: { key: 'uuid' } });
  });

  it('give jobs one item as the trigger, with the item’s schema for data pills', () => {
    const payload = shop.events!['list_orders.new'].payload;
    expect(payload.safeParse({ id: 'o1', total: 12 }).success).toBe(true);
    expect(payload.safeParse({ id: 'o1' }).success).toBe(false);
  });

  it('say in the preview what x-sous-poll asked for that cannot be done', () => {
    const preview = previewOpenApi(SHOP_API);
    expect(preview.events.map((e) => e.name)).toEqual(['list_orders.new', 'list_customers.new', 'list_events.new']);
    expect(preview.warnings.filter((w) => w.includes('x-sous-poll'))).toEqual([
      'POST /orders: x-sous-poll is ignored: only GET operations can be polled',
      'GET /tags: x-sous-poll is ignored: its items have no id-like field (id, uuid, key, guid, _id); name one with key',
      'GET /events: x-sous-poll every is at least a minute; it is checked every minute',
      'GET /search: x-sous-poll is ignored: it needs q, and a poll sends no parameters'
    ]);
  });

  it('are listed in the catalogue the copilot reads, and give the editor data pills of an item', () => {
    expect(catalogEntries([shop])[0].events).toEqual(['list_orders.new', 'list_customers.new', 'list_events.new']);
    const recipe = {
      format: 'sous.recipe/v1',
      id: 'r',
      name: 'R',
      trigger: { kind: 'event', connector: 'openapi.shop', event: 'list_orders.new' },
      steps: [{ id: 'note', kind: 'set', values: {} }]
    } as Recipe;
    const pills = listPills(recipe, 'note', new ConnectorCatalog([shop])).map((p) => p.expression);
    expect(pills).toEqual(expect.arrayContaining(['trigger.id', 'trigger.total', 'trigger.customer']));
  });

  it.each([
    ['List existing bookings', '/bookings', 'bookings'],
    ['Get a list of train stations', '/stations', 'train stations'],
    ['Returns pet inventories by status', '/store/inventory', 'pet inventories by status'],
    ['Pets in the store', '/store/pets', 'pets'],
    [undefined, '/v1/checkout/sessions', 'sessions'],
    [undefined, '/userGroups/{id}/members', 'members'],
    [undefined, '/', 'items']
  ])('name the thing of %j at %s "%s"', (summary, path, thing) => expect(thingOf(summary, path)).toBe(thing));
});

describe.each([
  ['train-travel-3.1.yaml', 'get-stations.new', 'New train stations (checked every 5 min)', 2],
  ['stripe.json.gz', 'get_customers.new', 'New customers (checked every 5 min)', 60],
  ['github-api.json.gz', 'repos.list-for-authenticated-user.new', undefined, 36]
])('%s', (file, event, label, count) => {
  const connector = buildOpenApiConnector({ id: 'openapi.real', label: 'Real', document: readFixture(file) });
  it(`polls ${event} (and ${count} list operations in all)`, () => {
    expect(Object.keys(connector.events ?? {})).toHaveLength(count);
    const def = connector.events?.[event];
    expect(def?.poll).toMatchObject({ key: 'id', every: '5m' });
    if (label) expect(def?.label).toBe(label);
    expect(previewOpenApi(readFixture(file)).events.find((e) => e.name === event)).toBeDefined();
  });
  it('polls only operations with no required parameters', () => {
    for (const name of Object.keys(connector.events ?? {})) {
      const action = connector.actions[name.slice(0, -'.new'.length)];
      expect(action.input.safeParse({}).success, name).toBe(true);
    }
  });
});

let base = '';
let close = () => {};
let answer: { status: number; body: unknown } = { status: 200, body: [] };
const seen: { url: string; authorization?: string }[] = [];
beforeAll(async () => {
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  close = () => server.close();
});
afterAll(() => close());

describe('a polled event’s list, against a server on 127.0.0.1', () => {
  const ctx = () => ({ connection: { base_url: base, token: 'T-1' }, signal: new AbortController().signal });

  it('calls the operation with no input and the connection’s auth, and answers the items', async () => {
    answer = { status: 200, body: [{ id: 'o2', total: 5 }, { id: 'o1', total: 3 }] };
    expect(await poll(shop, 'list_orders.new').list(ctx())).toEqual(answer.body);
    expect(seen.at(-1)).toEqual({ url: '/api/orders', authorization: 'Bearer T-1' });
  });

  it('takes the list out of a wrapped answer', async () => {
    answer = { status: 200, body: { total: 1, items: [{ number: 7, name: 'Ann' }] } };
    expect(await poll(shop, 'list_customers.new').list(ctx())).toEqual([{ number: 7, name: 'Ann' }]);
  });

  it.each([
    [{ status: 503, body: { message: 'down' } }, /GET http:\/\/127\.0\.0\.1:\d+\/api\/orders answered 503/],
    [{ status: 200, body: { orders: [] } }, /GET \/orders did not answer a list/]
  ])('fails in plain words on %j', async (reply, message) => {
    answer = reply;
    await expect(poll(shop, 'list_orders.new').list(ctx())).rejects.toThrow(message);
  });
});
