/**
 * The studio's calls to the relay, against a small stand-in server on 127.0.0.1 (proxy/ has the real one and
 * its own tests), and the stream's reconnect and "down" rules with a fake EventSource and fake timers.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { HOOK_SSE_EVENT, type HookEvent } from './protocol';
import { fetchHookInfo, openHookStream, postAck, publishPaths, type EventSourceLike } from './relay-link';

type Reply = { status: number; type?: string; body?: string };
let reply: (req: IncomingMessage, body: string) => Reply = () => ({ status: 404 });
const seen: Array<{ method: string; url: string; body: string }> = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, body });
      const r = reply(req, body);
      res.writeHead(r.status, r.type ? { 'content-type': r.type } : {});
      res.end(r.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
afterEach(() => {
  seen.length = 0;
  vi.useRealTimers();
});

const json = (status: number, value: unknown): Reply => ({ status, type: 'application/json', body: JSON.stringify(value) });
const info = { token: 'tok_0123456789abcdef0123', base_url: 'http://127.0.0.1:5177/hooks/' };

describe('asking the local server for the webhook address', () => {
  it.each<[string, Reply, string]>([
    ['the local server', json(200, info), 'ok'],
    ['vite dev (404)', { status: 404, type: 'text/html', body: '<h1>Not found</h1>' }, 'absent'],
    ['a SPA fallback page (200, HTML)', { status: 200, type: 'text/html', body: '<!doctype html>' }, 'absent'],
    ['JSON that is not the info', json(200, { hello: 'world' }), 'absent'],
    ['a server error', json(503, { error: 'busy' }), 'unreachable']
  ])('%s: %s', async (_name, r, kind) => {
    reply = () => r;
    const answer = await fetchHookInfo(base);
    expect(answer.kind).toBe(kind);
    if (answer.kind === 'ok') expect(answer.info).toEqual(info);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/hooks-relay/info' });
  });

  it('no server listening: unreachable', async () => {
    expect(await fetchHookInfo('http://127.0.0.1:9')).toEqual({ kind: 'unreachable' });
  });
});

describe('publishing paths and acknowledging', () => {
  it('PUTs the whole set of paths; a refusal throws the server\'s words', async () => {
    reply = () => ({ status: 204 });
    await publishPaths(base, ['a', 'orders/new']);
    expect(seen[0]).toEqual({ method: 'PUT', url: '/hooks-relay/paths', body: JSON.stringify({ paths: ['a', 'orders/new'] }) });
    reply = () => json(400, { error: 'a webhook path needs at least one letter or digit' });
    await expect(publishPaths(base, ['/'])).rejects.toThrow('a webhook path needs at least one letter or digit');
  });

  it.each([
    [204, true],
    [404, true], // the server no longer knows it: nothing would be sent again
    [500, false]
  ])('an ack answered %i counts as taken: %s', async (status, ok) => {
    reply = () => ({ status });
    expect(await postAck(base, 'wh_0000000000000000-1', 'wh_0000000000000000-1')).toBe(ok);
    expect(seen[0]).toEqual({ method: 'POST', url: '/hooks-relay/ack', body: JSON.stringify({ event_id: 'wh_0000000000000000-1', job_id: 'wh_0000000000000000-1' }) });
  });

  it('an ack with no server is not taken', async () => {
    expect(await postAck('http://127.0.0.1:9', 'wh_0000000000000000-1', 'x')).toBe(false);
  });
});

class FakeSource implements EventSourceLike {
  static made: FakeSource[] = [];
  readyState = 0;
  onopen: EventSourceLike['onopen'] = null;
  onerror: EventSourceLike['onerror'] = null;
  listeners = new Map<string, (ev: MessageEvent) => void>();
  closed = false;
  constructor(readonly url: string) {
    FakeSource.made.push(this);
  }
  addEventListener(type: string, listener: (ev: MessageEvent) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  up() {
    this.readyState = 1;
    (this.onopen as (ev: Event) => void)?.(new Event('open'));
  }
  fail(state: 0 | 2) {
    this.readyState = state;
    (this.onerror as (ev: Event) => void)?.(new Event('error'));
  }
  send(data: string) {
    this.listeners.get(HOOK_SSE_EVENT)?.({ data } as MessageEvent);
  }
}

describe('the event stream', () => {
  function stream() {
    FakeSource.made = [];
    const events: HookEvent[] = [];
    const calls = { up: 0, down: 0 };
    const stop = openHookStream({
      base: 'http://studio',
      open: (url) => new FakeSource(url),
      onEvent: (e) => events.push(e),
      onUp: () => calls.up++,
      onDown: () => calls.down++,
      downAfterMs: 20_000,
      backoff: [1000, 5000]
    });
    return { events, calls, stop, last: () => FakeSource.made.at(-1)! };
  }
  const hook: HookEvent = { event_id: 'wh_0000000000000000-1', path: 'a', received_at: 'now', request: { method: 'POST', headers: {}, query: {}, body: { x: 1 } } };

  it('passes on each well-formed hook event and drops the rest', () => {
    const s = stream();
    s.last().up();
    s.last().send(JSON.stringify(hook));
    s.last().send('not json');
    s.last().send(JSON.stringify({ ...hook, event_id: 'no' }));
    expect(s.events).toEqual([hook]);
    expect(s.last().url).toBe('http://studio/hooks-relay/stream');
    s.stop();
  });

  it('a dropped link the EventSource retries by itself: not told unless it stays down', () => {
    vi.useFakeTimers();
    const s = stream();
    s.last().up();
    s.last().fail(0);
    vi.advanceTimersByTime(15_000);
    s.last().up();
    vi.advanceTimersByTime(60_000);
    expect([FakeSource.made.length, s.calls.up, s.calls.down]).toEqual([1, 2, 0]);
    s.last().fail(0);
    vi.advanceTimersByTime(20_000);
    vi.advanceTimersByTime(60_000);
    expect(s.calls.down).toBe(1);
    s.stop();
  });

  it('a stream the server refused is opened again, slower each time; down is told once per outage', () => {
    vi.useFakeTimers();
    const s = stream();
    s.last().fail(2);
    vi.advanceTimersByTime(999);
    expect(FakeSource.made.length).toBe(1);
    vi.advanceTimersByTime(1);
    expect(FakeSource.made.length).toBe(2);
    s.last().fail(2);
    vi.advanceTimersByTime(5000);
    s.last().fail(2);
    vi.advanceTimersByTime(5000);
    s.last().fail(2);
    vi.advanceTimersByTime(5000);
    expect([FakeSource.made.length, s.calls.down]).toEqual([5, 0]); // 16 s down
    s.last().fail(2);
    vi.advanceTimersByTime(5000);
    s.last().fail(2);
    vi.advanceTimersByTime(5000);
    expect([FakeSource.made.length, s.calls.down]).toEqual([7, 1]);
    expect(FakeSource.made.slice(0, -1).every((f) => f.closed)).toBe(true);
    s.last().up();
    expect(s.calls.up).toBe(1);
    s.stop();
    expect(s.last().closed).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(FakeSource.made.length).toBe(7);
  });
});
