/**
 * The relay's decisions, apart from the network: which recipe an event goes to, when it is acknowledged
 * (only once its job exists), what waits (no recipe on its path, a full queue) and that nothing runs twice.
 */
import { describe, expect, it } from 'vitest';
import type { AcceptResult, TriggerEvent } from '../queue/types';
import type { HookEvent } from './protocol';
import { createHookHandler, triggerPayload, type HookHandlerPorts } from './relay-handler';
import type { WebhookRoute } from './webhook-routes';

const id = (n: number) => `wh_0000000000000000-${n}`;
const event = (n: number, path = 'orders', body: unknown = { n }): HookEvent => ({
  event_id: id(n),
  path,
  received_at: '2030-01-01T00:00:00.000Z',
  request: { method: 'POST', headers: { 'content-type': 'application/json' }, query: {}, body }
});
const routes = (entries: Record<string, string>) => new Map<string, WebhookRoute>(Object.entries(entries).map(([p, r]) => [p, { recipe_id: r, version: 1 }]));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A fake engine and server: `answer` decides what the queue says; jobs appear when `makeJob` is called. */
function fakes(answer: (e: TriggerEvent) => AcceptResult | Promise<AcceptResult> = (e) => ({ status: 'accepted', event_id: e.event_id })) {
  const accepted: TriggerEvent[] = [];
  const acks: Array<[string, string]> = [];
  const problems: string[] = [];
  const jobs = new Set<string>();
  const watchers = new Map<string, () => void>();
  let ackOk = true;
  const ports: HookHandlerPorts = {
    accept: async (e) => (accepted.push(e), answer(e)),
    ack: async (eventId, jobId) => (acks.push([eventId, jobId]), ackOk),
    watchJob: (jobId, found) => {
      if (jobs.has(jobId)) found();
      else watchers.set(jobId, found);
      return () => watchers.delete(jobId);
    },
    report: (p) => problems.push(p)
  };
  return {
    ports,
    accepted,
    acks,
    problems,
    watchers,
    makeJob(jobId: string) {
      jobs.add(jobId);
      watchers.get(jobId)?.();
    },
    failAcks(fail: boolean) {
      ackOk = !fail;
    }
  };
}

describe('relaying a webhook to its recipe', () => {
  it('hands it to the started recipe on its path and acks only once the job exists', async () => {
    const f = fakes();
    const h = createHookHandler(f.ports);
    h.setRoutes(routes({ orders: 'take-order' }));
    h.receive(event(1));
    await settle();
    expect(f.accepted).toEqual([{ event_id: id(1), recipe_id: 'take-order', kind: 'webhook', payload: event(1).request }]);
    expect(f.acks).toEqual([]);
    expect(h.held()).toEqual([{ event_id: id(1), stage: 'awaiting-job' }]);
    f.makeJob(id(1));
    await settle();
    expect(f.acks).toEqual([[id(1), id(1)]]);
    expect(h.held()).toEqual([]);
    expect(f.watchers.size).toBe(0);
  });

  it('a job that already exists when it is accepted is acked at once, and its watch is stopped', async () => {
    const f = fakes();
    f.makeJob(id(1));
    const h = createHookHandler(f.ports);
    h.setRoutes(routes({ orders: 'r' }));
    h.receive(event(1));
    await settle();
    expect(f.acks).toEqual([[id(1), id(1)]]);
    expect(f.watchers.size).toBe(0);
  });

  it('duplicate (a resend after a tab closed before its job existed): acked once the job exists, not before', async () => {
    const f = fakes((e) => ({ status: 'duplicate', event_id: e.event_id }));
    const h = createHookHandler(f.ports);
    h.setRoutes(routes({ orders: 'r' }));
    h.receive(event(1));
    await settle();
    expect(f.acks).toEqual([]);
    f.makeJob(id(1));
    await settle();
    expect(f.acks).toEqual([[id(1), id(1)]]);
  });

  it('skipped (folded into a waiting event): acked at once with that event as its job', async () => {
    const f = fakes((e) => ({ status: 'skipped', event_id: e.event_id, folded_into: 'other' }));
    const h = createHookHandler(f.ports);
    h.setRoutes(routes({ orders: 'r' }));
    h.receive(event(1));
    await settle();
    expect(f.acks).toEqual([[id(1), 'other']]);
  });

  it('an event resent while held, or after its ack, is not accepted again', async () => {
    const f = fakes();
    const h = createHookHandler(f.ports);
    h.setRoutes(routes({ orders: 'r' }));
    h.receive(event(1));
    h.receive(event(1));
    await settle();
    f.makeJob(id(1));
    await settle();
    h.receive(event(1));
    h.retry();
    await settle();
    expect(f.accepted).toHaveLength(1);
    expect(f.acks).toHaveLength(1);
  });

  it('waits, unacked, for a path with no started recipe, says so once, and runs when one starts', async () => {
    const f = fakes();
    const h = createHookHandler(f.ports);
    h.receive(event(1, 'later'));
    await settle();
    expect(f.problems).toEqual([]); // the started recipes were not read yet: no judgement
    h.setRoutes(routes({ orders: 'r' }));
    h.receive(event(2, 'later'));
    h.retry();
    await settle();
    expect(f.accepted).toEqual([]);
    expect(f.problems).toEqual([expect.stringMatching(/\/hooks\/later is waiting: no started recipe/)]);
    expect(h.held().map((e) => e.stage)).toEqual(['waiting', 'waiting']);
    h.setRoutes(routes({ later: 'late-recipe' }));
    await settle();
    expect(f.accepted.map((e) => [e.event_id, e.recipe_id])).toEqual([[id(1), 'late-recipe'], [id(2), 'late-recipe']]);
  });

  it.each<[string, AcceptResult | Error, RegExp]>([
    ['a full queue', { status: 'full', event_id: id(1), scope: 'recipe', message: '100 events wait for this recipe' }, /waiting: 100 events wait/],
    ['a stopped queue', { status: 'stopped', event_id: id(1), message: 'the queue is stopping' }, /waiting: the queue is stopping/],
    ['an engine that failed', new Error('the worker restarted'), /could not be handed to its recipe yet \(the worker restarted\)/]
  ])('%s: nothing acked, said once, tried again on retry', async (_name, first, problem) => {
    let calls = 0;
    const f = fakes((e) => {
      calls++;
      if (calls > 2) return { status: 'accepted', event_id: e.event_id };
      if (first instanceof Error) throw first;
      return first;
    });
    const h = createHookHandler(f.ports);
    h.setRoutes(routes({ orders: 'r' }));
    h.receive(event(1));
    await settle();
    h.retry();
    await settle();
    expect(f.problems).toEqual([expect.stringMatching(problem)]);
    expect(f.acks).toEqual([]);
    h.retry();
    await settle();
    f.makeJob(id(1));
    await settle();
    expect(f.acks).toEqual([[id(1), id(1)]]);
  });

  it('refused as invalid: not retried on the timer, tried again when the started recipes change', async () => {
    let refuse = true;
    const f = fakes((e) => (refuse ? { status: 'invalid', event_id: e.event_id, message: 'the recipe "r" is not started' } : { status: 'skipped', event_id: e.event_id, folded_into: e.event_id }));
    const h = createHookHandler(f.ports);
    h.setRoutes(routes({ orders: 'r' }));
    h.receive(event(1));
    await settle();
    h.retry();
    await settle();
    expect(f.accepted).toHaveLength(1);
    expect(f.problems).toEqual([expect.stringMatching(/was not run: the recipe "r" is not started/)]);
    refuse = false;
    h.setRoutes(routes({ orders: 'r' }));
    await settle();
    expect(f.acks).toEqual([[id(1), id(1)]]);
  });

  it('an ack the server did not get is sent again on retry, without accepting the event again', async () => {
    const f = fakes();
    f.makeJob(id(1));
    f.failAcks(true);
    const h = createHookHandler(f.ports);
    h.setRoutes(routes({ orders: 'r' }));
    h.receive(event(1));
    await settle();
    expect(h.held()).toEqual([{ event_id: id(1), stage: 'unacked' }]);
    f.failAcks(false);
    h.retry();
    await settle();
    expect(f.acks).toHaveLength(2);
    expect(f.accepted).toHaveLength(1);
    expect(h.held()).toEqual([]);
  });

  it('after close nothing more is accepted or acked', async () => {
    const f = fakes();
    const h = createHookHandler(f.ports);
    h.setRoutes(routes({ orders: 'r' }));
    h.receive(event(1));
    await settle();
    h.close();
    f.makeJob(id(1));
    h.receive(event(2));
    await settle();
    expect([f.accepted.length, f.acks.length, f.watchers.size]).toEqual([1, 0, 0]);
  });
});

describe('what reaches the job', () => {
  it('never a credential, even one the server left in', () => {
    const e = event(1);
    e.request.headers = { Authorization: 'Bearer secret', cookie: 'a=b', 'Proxy-Authorization': 'x', 'x-request-id': '7' };
    e.request.query = { token: 'secret', source: 'crm' };
    expect(triggerPayload(e)).toEqual({ method: 'POST', headers: { 'x-request-id': '7' }, query: { source: 'crm' }, body: { n: 1 } });
  });
});
