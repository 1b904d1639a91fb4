// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../recipe';
import { readJob, recentMessages, SousDb } from '../store';
import { dexieSandboxStores, setActingAs } from '../store/sandbox-apps';
import { createEngineHost } from './host';
import { startingImports } from './host-test-kit';
import { memoryLocks } from './memory-locks';

let db: SousDb;
afterEach(() => db?.delete());

function host() {
  db = new SousDb(`sous-test-${crypto.randomUUID()}`);
  const problems: string[] = [];
  return { host: startingImports(createEngineHost({ db, locks: memoryLocks(), report: (p) => problems.push(p) })), problems };
}

async function until(jobId: string, ok: (job: Job) => boolean = (j) => j.status !== 'running'): Promise<Job> {
  for (let i = 0; i < 300; i++) {
    const job = await readJob(db, jobId);
    if (job && ok(job)) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${jobId} never got there: ${JSON.stringify(await readJob(db, jobId))}`);
}

const fixture = (name: string) => readFileSync(`tests/fixtures/sandbox/${name}.json`, 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);
const recipe = (id: string, trigger: object, steps: object[]) => JSON.stringify({ format: 'sous.recipe/v1', id, name: id, trigger, steps });

describe('sandbox events start jobs in the worker host', () => {
  it('a mail that arrives starts the workshop recipe: vendor created, chat told', async () => {
    const { host: h, problems } = host();
    expect((await h.importRecipe(fixture('invoice-mail-vendor'))).ok).toBe(true);
    const { jobIds } = await h.receiveMail({
      from: 'Bluefin Paper <ap@bluefinpaper.example>',
      subject: 'Invoice BP-1',
      files: [{ name: 'invoice.txt', type: 'text/plain', bytes: bytes('INVOICE BP-1\nTotal SEK 1200') }]
    });
    expect(jobIds).toHaveLength(1);
    const job = await until(jobIds[0]);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect((job.trigger as { attachments: { text: string }[] }).attachments[0].text).toContain('Total SEK 1200');
    expect((await recentMessages(db)).map((m) => m.text)).toEqual(['New vendor created: Bluefin Paper']);
    const vendors = await dexieSandboxStores(db).erp.list('vendors');
    expect(vendors.map((v) => v.name)).toContain('Bluefin Paper');
    expect(problems).toEqual([]);
  });

  it('a record created inside a job raises its event, which starts another recipe', async () => {
    const { host: h } = host();
    await h.importRecipe(fixture('invoice-mail-vendor'));
    await h.importRecipe(recipe('welcome-vendor', { kind: 'event', connector: 'sandbox.erp', event: 'vendor.created' }, [
      { id: 'hi', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'vendors', text: 'Welcome {{ trigger.name }}' } }
    ]));
    const { jobIds } = await h.receiveMail({ from: 'Nimbus Labs <hello@nimbus.example>', subject: 'Hello' });
    await until(jobIds[0]);
    for (let i = 0; i < 100 && (await recentMessages(db)).length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await recentMessages(db)).map((m) => `${m.channel}: ${m.text}`).sort()).toEqual(['finance: New vendor created: Nimbus Labs', 'vendors: Welcome Nimbus Labs']);
  });

  it('an event a person raises from a sandbox page starts matching recipes only (filters hold)', async () => {
    const { host: h } = host();
    await h.importRecipe(recipe('big-orders', { kind: 'event', connector: 'sandbox.orders', event: 'order.created', filter: '{{ $count(trigger.lines) > 1 }}' }, [
      { id: 's', kind: 'set', values: { n: '{{ $count(trigger.lines) }}' } }
    ]));
    expect(await h.raiseEvent('sandbox.orders', 'order.created', { id: 'o1', lines: [{}] })).toEqual([]);
    const [id] = await h.raiseEvent('sandbox.orders', 'order.created', { id: 'o2', lines: [{}, {}] });
    expect((await until(id)).output).toEqual({ n: 2 });
    expect(await h.raiseEvent('sandbox.erp', 'vendor.created', {})).toEqual([]);
  });

  it('a mail starts document recipes for the attachments they accept', async () => {
    const { host: h } = host();
    await h.importRecipe(recipe('read-text', { kind: 'document', accept: ['text/*'] }, [{ id: 's', kind: 'set', values: { got: '{{ trigger.name & ": " & trigger.text }}' } }]));
    const { jobIds } = await h.receiveMail({
      from: 'a@b.example', subject: 'docs',
      files: [{ name: 'a.txt', type: 'text/plain', bytes: bytes('alpha') }, { name: 'b.png', type: 'image/png', bytes: new Uint8Array([137, 80]) }]
    });
    expect(jobIds).toHaveLength(1);
    expect((await until(jobIds[0])).output).toEqual({ got: 'a.txt: alpha' });
  });

  it('jobs started in the studio run as the employee the person acts as', async () => {
    const { host: h } = host();
    await h.importRecipe(fixture('my-payslip'));
    const asLocal = await until(await h.run('my-payslip', {}));
    expect(asLocal.error).toMatchObject({ code: 'not_allowed' });
    await setActingAs(db, 'emp-004');
    const asAiko = await until(await h.run('my-payslip', {}));
    expect(asAiko.user).toMatchObject({ id: 'emp-004', name: 'Aiko Tanaka' });
    expect(asAiko.output).toMatchObject({ employee_id: 'emp-004', month: '2026-02' });
    const other = await until(await h.run('my-payslip', { employee_id: 'emp-001' }));
    expect(other.error?.message).toBe('not allowed: Aiko Tanaka can read only their own pay slip');
  });
});

describe('a chain of events set off by recipes', () => {
  it('is cut off after MAX_EVENT_CHAIN events, and the person is told', async () => {
    const { host: h, problems } = host();
    // Each new invoice makes another one: this recipe would feed itself forever.
    await h.importRecipe(recipe('echo-invoice', { kind: 'event', connector: 'sandbox.erp', event: 'invoice.created' }, [
      { id: 'again', kind: 'action', connector: 'sandbox.erp', action: 'invoices.create', input: {
        vendor_id: '{{ trigger.vendor_id }}', number: "{{ trigger.number & '+' }}", date: '2026-03-01', currency: 'EUR', total: 1 } }
    ]));
    const [first] = await h.raiseEvent('sandbox.erp', 'invoice.created', { vendor_id: 'ven-002', number: 'X' });
    await until(first);
    for (let i = 0; i < 200 && problems.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('do two recipes trigger each other?');
    const made = (await dexieSandboxStores(db).erp.list('invoices')).filter((i) => i.number.startsWith('X'));
    expect(made.map((i) => i.number).sort()).toEqual(['X+', 'X++', 'X+++', 'X++++', 'X+++++']);
  });
});
