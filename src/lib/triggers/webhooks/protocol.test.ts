import { describe, expect, it } from 'vitest';
import { curlExample, HookAckSchema, HookEventSchema, HookPathSchema, HookPathsBodySchema, hookUrl, normalizeHookPath } from './protocol';

describe('webhook relay protocol', () => {
  it.each([
    ['orders/new', 'orders/new'],
    ['/orders/new/', 'orders/new'],
    ['//a//', 'a'],
    ['a.b~c-d_e', 'a.b~c-d_e']
  ])('normalizes the path %s to %s', (given, want) => {
    expect(normalizeHookPath(given)).toBe(want);
    expect(HookPathSchema.parse(given)).toBe(want);
  });

  it.each([['new order'], ['/'], [''], ['a?b'], ['x'.repeat(513)]])('refuses the path %j', (given) => {
    expect(HookPathSchema.safeParse(given).success).toBe(false);
  });

  it('takes a set of paths, and nothing else in the body', () => {
    expect(HookPathsBodySchema.parse({ paths: ['/a/', 'b'] })).toEqual({ paths: ['a', 'b'] });
    expect(HookPathsBodySchema.safeParse({ paths: ['a'], extra: 1 }).success).toBe(false);
    expect(HookPathsBodySchema.safeParse({}).success).toBe(false);
  });

  it('checks events and acks', () => {
    const event = {
      event_id: 'wh_0b6f9a3e-4a7c-4e43-9a57-3f3b5e7f1c2d',
      path: 'orders/new',
      received_at: '2026-12-06T22:00:00.000Z',
      request: { method: 'POST', headers: { 'content-type': 'application/json' }, query: {}, body: { id: 1 } }
    };
    expect(HookEventSchema.parse(event)).toEqual(event);
    expect(HookEventSchema.safeParse({ ...event, event_id: 'guess' }).success).toBe(false);
    expect(HookAckSchema.safeParse({ event_id: event.event_id, job_id: event.event_id }).success).toBe(true);
    expect(HookAckSchema.safeParse({ event_id: event.event_id }).success).toBe(false);
  });

  it('builds the URL and a curl example', () => {
    const info = { token: 't'.repeat(43), base_url: 'http://127.0.0.1:5177/hooks/' };
    expect(hookUrl(info.base_url, '/orders/new')).toBe('http://127.0.0.1:5177/hooks/orders/new');
    expect(curlExample(info, 'orders/new')).toContain(`'http://127.0.0.1:5177/hooks/orders/new' -H 'Authorization: Bearer ${info.token}'`);
  });
});
