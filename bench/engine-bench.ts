/** Engine throughput in Node: the figures `npm run bench` prints for the spine (issue 2). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseRecipe, type Recipe } from '../src/lib/recipe';
import { createRunner, MemoryJournal } from '../src/lib/engine';
import { builtinConnectors } from '../src/lib/connectors/builtin';
import { MemoryChat } from '../src/lib/connectors/chat';
import { pooledFetch } from '../cli/http-pool';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  detail: string;
}

function recipe(data: unknown): Recipe {
  const parsed = parseRecipe(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.recipe;
}

function runner() {
  return createRunner({ journal: new MemoryJournal(), connectors: builtinConnectors({ chat: new MemoryChat(), http: { fetch: pooledFetch } }) });
}

/** The CPU time (user + system, µs) the last `timed` section took: peers/sous-child.ts reports it. */
export let lastTimedCpuUs = 0;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  lastTimedCpuUs = used.user + used.system;
  return [value, seconds];
}

export async function bigLoop(count = 100_000): Promise<Figure> {
  const r = recipe({
    format: 'sous.recipe/v1',
    id: 'big-loop',
    name: 'Big loop',
    trigger: { kind: 'manual' },
    steps: [
      {
        id: 'each', kind: 'foreach', items: '{{ trigger.items }}', as: 'inv',
        steps: [{ id: 'check', kind: 'if', condition: '{{ inv.amount > 500 }}', then: [{ id: 'flag', kind: 'set', values: { last: '{{ inv.id }}' } }] }]
      }
    ]
  });
  const items = Array.from({ length: count }, (_, i) => ({ id: `inv-${i}`, amount: (i * 37) % 1000 }));
  // The runner is made before the clock starts, as Node-RED deploys its flow before its clock does.
  const run = runner();
  const [job, seconds] = await timed(() => run.start(r, { items }));
  if (job.status !== 'succeeded') throw new Error(`big loop ${job.status}: ${job.error?.message}`);
  return { name: 'foreach → if → set, one job', value: count / seconds, unit: 'items/s', detail: `${count} items in ${seconds.toFixed(2)} s` };
}

const FIVE_STEPS = {
  format: 'sous.recipe/v1',
  id: 'five-steps',
  name: 'Five steps',
  trigger: { kind: 'manual', input: [{ name: 'amount', type: 'number', required: true }] },
  steps: [
    { id: 'start', kind: 'set', values: { total: '{{ trigger.amount * 1.1 }}' } },
    { id: 'big', kind: 'if', condition: '{{ vars.total > 100 }}', then: [{ id: 'mark', kind: 'set', values: { big: true } }] },
    { id: 'post', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'bench', text: 'Total {{ vars.total }}' } },
    { id: 'done', kind: 'set', values: { posted: '{{ steps.post.id }}' } }
  ]
};

export async function manyJobs(count = 1000): Promise<Figure> {
  const r = recipe(FIVE_STEPS);
  const run = runner();
  const [, seconds] = await timed(async () => {
    for (let i = 0; i < count; i++) {
      const job = await run.start(r, { amount: i });
      if (job.status !== 'succeeded') throw new Error(`job ${i} ${job.status}`);
    }
  });
  return { name: '5-step recipe, jobs one after another', value: count / seconds, unit: 'jobs/s', detail: `${count} jobs in ${seconds.toFixed(2)} s` };
}

/** 200 calls to a local server that answers after `latencyMs`, as a real API would. */
export async function httpCalls(concurrency: number, count = 200, latencyMs = 5): Promise<Figure> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, url: req.url })), latencyMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const seconds = await httpCallsTo(`http://127.0.0.1:${port}`, concurrency, count);
    if (hits !== count) throw new Error(`http bench: ${hits} hits for ${count} calls`);
    return {
      name: `${count} HTTP calls, concurrency ${concurrency}`,
      value: count / seconds,
      unit: 'calls/s',
      detail: `${seconds.toFixed(2)} s against a local server answering in ${latencyMs} ms`
    };
  } finally {
    server.close();
  }
}

/** `count` GETs of `${base}/items/N` from one job's foreach with `concurrency`; the seconds they took. */
export async function httpCallsTo(base: string, concurrency: number, count: number): Promise<number> {
  const r = recipe({
    format: 'sous.recipe/v1',
    id: 'http-calls',
    name: 'HTTP calls',
    trigger: { kind: 'manual' },
    steps: [
      {
        id: 'each', kind: 'foreach', items: '{{ trigger.ids }}', concurrency,
        steps: [{ id: 'get', kind: 'action', connector: 'http', action: 'request', input: { url: `${base}/items/{{ item }}` } }]
      }
    ]
  });
  const ids = Array.from({ length: count }, (_, i) => i);
  const run = runner();
  const [job, seconds] = await timed(() => run.start(r, { ids }));
  if (job.status !== 'succeeded') throw new Error(`http bench: ${job.status}: ${job.error?.message}`);
  return seconds;
}

/**
 * The studio's own journal (Dexie over IndexedDB) under the 5-step recipe: one transaction per record.
 * In Node over fake-indexeddb, so it counts the journal's requests and turns more than a browser's disk.
 */
export async function dexieJobs(count = 200): Promise<Figure> {
  // Only when this figure is measured: the other groups keep Node without IndexedDB.
  const fakeIdb: string = 'fake-indexeddb/auto';
  await import(fakeIdb);
  const { SousDb } = await import('../src/lib/store/db');
  const { DexieJournal } = await import('../src/lib/store/jobs');
  const db = new SousDb(`bench-${crypto.randomUUID()}`);
  try {
    const run = createRunner({ journal: new DexieJournal(db), connectors: builtinConnectors({ chat: new MemoryChat() }) });
    const r = recipe(FIVE_STEPS);
    const [, seconds] = await timed(async () => {
      for (let i = 0; i < count; i++) {
        const job = await run.start(r, { amount: i });
        if (job.status !== 'succeeded') throw new Error(`job ${i} ${job.status}`);
      }
    });
    return { name: '5-step recipe, Dexie journal (fake-indexeddb)', value: count / seconds, unit: 'jobs/s', detail: `${count} jobs in ${seconds.toFixed(2)} s` };
  } finally {
    await db.delete();
  }
}
