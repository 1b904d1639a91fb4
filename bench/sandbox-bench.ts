/** Sandbox apps: the workshop recipe (mail → vendor lookup → create → chat) and refunds, on in-memory stores. */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { builtinConnectors } from '../src/lib/connectors/builtin';
import { MemoryChat } from '../src/lib/connectors/chat';
import { memorySandboxStores, noEvents } from '../src/lib/connectors/sandbox';
import { createRefund } from '../src/lib/connectors/sandbox/orders-refund';
import { createRunner, MemoryJournal, systemClock } from '../src/lib/engine';
import { parseRecipeText } from '../src/lib/recipe';
import { parseSender } from '../src/lib/connectors/sandbox/mail-address';
import type { Figure } from './engine-bench';

/** Each job sees a new sender, so the vendor list grows by one a job (the duplicate check scans it all). */
export async function workshopJobs(count = 500): Promise<Figure> {
  const parsed = parseRecipeText(readFileSync('tests/fixtures/sandbox/invoice-mail-vendor.json', 'utf8'));
  if (!parsed.ok) throw new Error('the workshop recipe does not parse');
  const chat = new MemoryChat();
  const stores = memorySandboxStores();
  const runner = createRunner({ journal: new MemoryJournal(), connectors: builtinConnectors({ chat, sandbox: { stores, events: noEvents } }), clock: systemClock });
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    // As the mail app hands a received mail on: with the sender's name and address read apart.
    const from = `Vendor ${i} Ltd <ap@v${i}.example>`;
    const mail = { id: `m${i}`, from, ...parseSender(from), subject: 'Invoice', attachments: [] };
    const job = await runner.start(parsed.recipe, mail);
    if (job.status !== 'succeeded') throw new Error(`job ${i} ${job.status}: ${job.error?.message}`);
  }
  const seconds = (performance.now() - start) / 1000;
  const vendors = (await stores.erp.list('vendors')).length;
  return { name: 'workshop recipe (search, create vendor, chat)', value: count / seconds, unit: 'jobs/s', detail: `${count} jobs in ${seconds.toFixed(2)} s; ${vendors} vendors at the end` };
}

/** Refund one item at a time until every seeded order is fully refunded; each is checked, written and restocked together. */
export async function refunds(): Promise<Figure> {
  const { orders } = memorySandboxStores();
  let count = 0;
  const start = performance.now();
  for (let round = 0; round < 200; round++) {
    await orders.reset();
    for (const order of await orders.list('orders')) {
      if (order.status === 'cancelled') continue;
      for (const line of order.lines) {
        for (let q = 0; q < line.quantity; q++) {
          await createRefund(orders, { order_id: order.id, items: [{ sku: line.sku, quantity: 1 }] }, new Date());
          count++;
        }
      }
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return { name: 'refunds with restock (memory store)', value: count / seconds, unit: 'refunds/s', detail: `${count} refunds in ${seconds.toFixed(2)} s` };
}
