/**
 * Uncertain steps with the real `http` connector and a real server on 127.0.0.1 that counts the requests
 * it gets. A POST cut off mid-way is sent again on resume only when it carries an Idempotency-Key (the
 * server would do it once); without one the job waits for a person and nothing is sent.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Recipe } from '../recipe';
import { createHttpConnector } from '../connectors/http';
import { recipe, setup } from './test-kit';

let server: Server;
let base = '';
const received: { method: string; key: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push({ method: req.method ?? '', key: req.headers['idempotency-key'] as string | undefined });
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ paid: true }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
beforeEach(() => void received.splice(0));

async function cutOffPost(headers: Record<string, string>) {
  const kit = setup({ extra: [createHttpConnector()] });
  const input = { method: 'POST', url: `${base}/pay`, headers, body: { amount: 10 } };
  const r: Recipe = recipe([{ id: 'pay', kind: 'action', connector: 'http', action: 'request', input }]);
  const job = await kit.runner.create(r, {}, {});
  const at = '2025-01-01T00:00:00.000Z';
  await kit.journal.putStep(job.id, { step_id: 'pay', path: 'pay', kind: 'action', status: 'running', attempt: 1, input, started_at: at, finished_at: null });
  return { ...kit, r, job };
}

describe('an http POST cut off mid-way', () => {
  it('with an Idempotency-Key is sent again, with the same key, and the job succeeds', async () => {
    const { runner, job, r } = await cutOffPost({ 'Idempotency-Key': 'invoice-7-pay' });
    const done = await runner.resume(job.id, r);
    expect(done.status).toBe('succeeded');
    expect(received).toEqual([{ method: 'POST', key: 'invoice-7-pay' }]);
    expect(done.steps.find((s) => s.path === 'pay')).toMatchObject({ status: 'succeeded', attempt: 2, output: { status: 200, body: { paid: true } } });
  });

  it('without one is marked uncertain, and nothing is sent', async () => {
    const { runner, job, r } = await cutOffPost({ 'content-type': 'application/json' });
    const waiting = await runner.resume(job.id, r);
    expect(waiting.status).toBe('uncertain');
    expect(received).toEqual([]);
  });
});
