// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../recipe';
import { readJob, recentMessages, SousDb } from '../store';
import { dexieSandboxStores } from '../store/sandbox-apps';
import { chainReaders, textAttachmentReader } from '../connectors/sandbox';
import { closeReaders } from '../ai/extract/read-document';
import { createEngineHost } from './host';
import { startingImports } from './host-test-kit';
import { memoryLocks } from './memory-locks';
import { documentAttachmentReader } from './document-reader';

/**
 * The worker's attachment reader with the real document reader (pdf.js in Node): a PDF's text reaches
 * the `mail.received` payload and a `document` trigger, a damaged file arrives with a `problem`, and the
 * invoice recipe records the invoice the PDF holds.
 */
let db: SousDb;
afterEach(() => db?.delete());
afterAll(() => closeReaders());

const reader = chainReaders(textAttachmentReader, documentAttachmentReader());
const invoice = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/invoices/${name}`));
const truth = JSON.parse(readFileSync('tests/fixtures/invoices/pdf-04-en.truth.json', 'utf8'));
const recipe = (id: string, trigger: object, steps: object[]) => JSON.stringify({ format: 'sous.recipe/v1', id, name: id, trigger, steps });

function host() {
  db = new SousDb(`sous-test-${crypto.randomUUID()}`);
  const problems: string[] = [];
  return { host: startingImports(createEngineHost({ db, locks: memoryLocks(), report: (p) => problems.push(p), attachmentReader: reader })), problems };
}

async function until(jobId: string): Promise<Job> {
  for (let i = 0; i < 500; i++) {
    const job = await readJob(db, jobId);
    if (job && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${jobId} never finished: ${JSON.stringify(await readJob(db, jobId))}`);
}

describe('documentAttachmentReader', () => {
  it.each([
    ['a PDF: its text layer and pages', { name: 'inv.pdf', type: 'application/pdf', bytes: invoice('pdf-04-en.pdf') }, { text: /INV-97886/, pages: 1 }],
    ['a file of another kind (zip): left alone, no problem', { name: 'notes.bin', type: 'application/zip', bytes: new Uint8Array([80, 75, 3, 4]) }, null],
    ['a text file: left to the text reader', { name: 'a.txt', type: 'text/plain', bytes: new TextEncoder().encode('hello') }, null]
  ])('%s', async (_, file, expected) => {
    const out = await documentAttachmentReader().read(file);
    if (expected === null) return expect(out).toBe('');
    expect(out).toMatchObject({ pages: expected.pages });
    expect((out as { text: string }).text).toMatch(expected.text);
  });

  it('a damaged PDF gives empty text and a plain-word problem, not an error', async () => {
    const out = await documentAttachmentReader().read({ name: 'broken.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4 not really') });
    expect(out).toEqual({ text: '', problem: expect.stringMatching(/^"broken\.pdf" cannot be opened as a PDF/) });
  });
});

describe('PDF attachments in the worker host', () => {
  it("a PDF attachment's text and pages arrive in the mail.received payload and in a document trigger", async () => {
    const { host: h, problems } = host();
    const step = { id: 'note', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'x', text: 'got it' } };
    await h.importRecipe(recipe('on-mail', { kind: 'event', connector: 'sandbox.mail', event: 'mail.received' }, [step]));
    await h.importRecipe(recipe('on-doc', { kind: 'document', accept: ['application/pdf'] }, [step]));
    const { jobIds, mailId } = await h.receiveMail({ from: 'ap@northwind.example', subject: 'Invoice', files: [{ name: 'inv.pdf', type: 'application/pdf', bytes: invoice('pdf-04-en.pdf') }] });
    expect(jobIds).toHaveLength(2);
    const jobs = await Promise.all(jobIds.map(until));
    const onMail = jobs.find((j) => j.recipe_id === 'on-mail')!;
    const onDoc = jobs.find((j) => j.recipe_id === 'on-doc')!;
    const attachment = (onMail.trigger as { attachments: { text: string; pages: number; problem?: string }[] }).attachments[0];
    expect(attachment.text).toContain(truth.invoice_number);
    expect(attachment.text).toContain('Northwind Supplies Ltd.');
    expect(attachment).toMatchObject({ pages: 1 });
    expect(attachment.problem).toBeUndefined();
    expect(onDoc.trigger).toMatchObject({ name: 'inv.pdf', type: 'application/pdf', pages: 1, text: expect.stringContaining(truth.invoice_number) });
    const stored = await dexieSandboxStores(db).mail.get('messages', mailId);
    expect(stored?.attachments[0].text).toContain(truth.invoice_number);
    expect(problems).toEqual([]);
  });

  it('a PDF that cannot be read does not lose the mail: empty text and a problem', async () => {
    const { host: h } = host();
    const { mailId } = await h.receiveMail({ from: 'x@y.example', subject: 'Scan', files: [{ name: 'scan.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-garbage') }] });
    const stored = await dexieSandboxStores(db).mail.get('messages', mailId);
    expect(stored?.attachments[0]).toMatchObject({ name: 'scan.pdf', text: '', problem: expect.stringContaining('cannot be opened as a PDF') });
  });

  it('the invoice recipe reads the PDF attached to a mail into the ERP and posts to chat', async () => {
    const { host: h } = host();
    expect((await h.importRecipe(readFileSync('tests/fixtures/sandbox/invoice-mail-extract.json', 'utf8'))).ok).toBe(true);
    const { jobIds } = await h.receiveMail({ from: 'ap@northwind.example', subject: 'Invoice', files: [{ name: 'inv.pdf', type: 'application/pdf', bytes: invoice('pdf-04-en.pdf') }] });
    const job = await until(jobIds[0]);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect((await recentMessages(db)).map((m) => m.text)).toEqual([`Invoice ${truth.invoice_number} from ${truth.vendor}: ${truth.currency} ${truth.total}`]);
    const invoices = await dexieSandboxStores(db).erp.list('invoices');
    expect(invoices.find((i) => i.number === truth.invoice_number)).toMatchObject({ total: truth.total, currency: truth.currency, date: truth.invoice_date });
  });

  it('a document recipe passes {{ trigger }} straight to ai.extract', async () => {
    const { host: h } = host();
    await h.importRecipe(recipe('doc-extract', { kind: 'document', accept: ['application/pdf'] }, [
      { id: 'read', kind: 'action', connector: 'ai', action: 'extract', input: { document: '{{ trigger }}', preset: 'invoice' } },
      { id: 'tell', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'x', text: '{{ steps.read.fields.invoice_number.value }} {{ steps.read.fields.total.value }}' } }
    ]));
    const { jobIds } = await h.receiveMail({ from: 'a@b.example', subject: 'Invoice', files: [{ name: 'inv.pdf', type: 'application/pdf', bytes: invoice('pdf-04-en.pdf') }] });
    const job = await until(jobIds[0]);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect((await recentMessages(db)).map((m) => m.text)).toEqual([`${truth.invoice_number} ${truth.total}`]);
  });

  it('a mail whose attachment cannot be read fails the extract step in plain words', async () => {
    const { host: h } = host();
    await h.importRecipe(readFileSync('tests/fixtures/sandbox/invoice-mail-extract.json', 'utf8'));
    const { jobIds } = await h.receiveMail({ from: 'x@y.example', subject: 'Scan', files: [{ name: 'scan.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-garbage') }] });
    const job = await until(jobIds[0]);
    expect(job.status).toBe('failed');
    expect(JSON.stringify(job.error)).toContain('There is no text to extract fields from: \\"scan.pdf\\" cannot be opened as a PDF');
  });
});
