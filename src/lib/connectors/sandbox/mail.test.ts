import { describe, expect, it } from 'vitest';
import { recipe } from '../../engine/test-kit';
import { RecordedEvents } from './common';
import { jobsForEvent } from './dispatch';
import { chainReaders, memorySandboxStores, receiveMail, textAttachmentReader, type AttachmentReader } from './index';
import { createMailConnector } from './mail';
import { MailSchema } from './mail-schemas';

const bytes = (text: string) => new TextEncoder().encode(text);
const pdf = { name: 'scan.pdf', type: 'application/pdf', bytes: bytes('%PDF-1.7 ...') };
const txt = { name: 'invoice.txt', type: 'text/plain', bytes: bytes('INVOICE BP-1\nTotal: SEK 1 200') };

describe('sandbox.mail: a mail arrives', () => {
  it('stores the mail with its attachments\' text and raises mail.received', async () => {
    const store = memorySandboxStores().mail;
    const events = new RecordedEvents();
    const mail = await receiveMail({ store, events, reader: textAttachmentReader, now: () => new Date('2026-03-01T00:00:00Z') }, {
      from: 'Bluefin Paper <ap@bluefin.example>', subject: 'Invoice BP-1', files: [txt, pdf]
    });
    expect(mail.attachments).toEqual([
      { name: 'invoice.txt', type: 'text/plain', size: txt.bytes.byteLength, text: 'INVOICE BP-1\nTotal: SEK 1 200' },
      // The text reader leaves PDFs to the document reader the studio wires in.
      { name: 'scan.pdf', type: 'application/pdf', size: pdf.bytes.byteLength, text: '' }
    ]);
    expect(await store.get('messages', mail.id)).toMatchObject({ folder: 'inbox', to: 'ap@sous-demo.example' });
    expect(events.raised).toHaveLength(1);
    expect(events.raised[0]).toMatchObject({ connector: 'sandbox.mail', event: 'mail.received', payload: { id: mail.id, subject: 'Invoice BP-1' } });
    expect(events.raised[0].payload).not.toHaveProperty('folder');
    // The sender is split once, for the store, the event and every action alike.
    const sender = { from: 'Bluefin Paper <ap@bluefin.example>', from_name: 'Bluefin Paper', from_email: 'ap@bluefin.example' };
    expect(mail).toMatchObject(sender);
    expect(await store.get('messages', mail.id)).toMatchObject(sender);
    expect(events.raised[0].payload).toMatchObject(sender);
  });

  it('gives from_name and from_email in every action\'s output, also for mails stored before they existed', async () => {
    const store = memorySandboxStores().mail;
    // A row as Dexie kept it before the split: no from_name, no from_email.
    await store.put('messages', { id: 'old', folder: 'inbox', from: '"Kim, Dana" <dana@sous-demo.example>', to: 'ap@sous-demo.example', subject: 'Old', body: '', received_at: '2027-01-01T00:00:00.000Z', attachments: [] });
    const mail = createMailConnector({ store, events: new RecordedEvents(), now: () => new Date('2027-02-01T00:00:00Z') });
    const got = await mail.actions['messages.get'].execute({ id: 'old' });
    expect(got).toMatchObject({ from_name: 'Kim, Dana', from_email: 'dana@sous-demo.example' });
    expect(MailSchema.safeParse(got).success).toBe(true);
    const { messages } = await mail.actions['messages.list'].execute({ folder: 'inbox' });
    expect(messages.map((m) => [m.id, m.from_name, m.from_email])).toEqual([
      ['old', 'Kim, Dana', 'dana@sous-demo.example'],
      ['mail-002', 'Dana Kim', 'dana@sous-demo.example'],
      ['mail-001', 'Globex Logistics GmbH', 'rechnung@globex.example']
    ]);
    const sent = await mail.actions['messages.send'].execute({ to: 'x@y.example', subject: 'Hi', body: '' });
    expect(sent).toMatchObject({ from: 'ap@sous-demo.example', from_name: '', from_email: 'ap@sous-demo.example' });
  });

  it('uses a chained reader for the types the text reader cannot read', async () => {
    // Stands in for the PDF reader (pdf.js) that lives on another branch.
    const fakePdf: AttachmentReader = { read: async (f) => (f.type === 'application/pdf' ? 'text of the PDF' : '') };
    const mail = await receiveMail({ store: memorySandboxStores().mail, events: new RecordedEvents(), reader: chainReaders(textAttachmentReader, fakePdf) }, {
      from: 'x@y.example', subject: 's', files: [pdf]
    });
    expect(mail.attachments[0].text).toBe('text of the PDF');
  });

  // Fake readers stand in for pdf.js/OCR here; src/lib/worker/document-reader.test.ts uses the real ones.
  it.each([
    ['pages from a reader', { read: async () => ({ text: 'PDF text', pages: 2 }) }, { text: 'PDF text', pages: 2 }],
    ['a problem from a reader', { read: async () => ({ text: '', problem: '"a.pdf" is damaged' }) }, { text: '', problem: '"a.pdf" is damaged' }],
    ['a reader that throws', { read: async () => { throw new Error('out of memory'); } }, { text: '', problem: '"scan.pdf" could not be read: out of memory' }],
    ['no text and no problem', { read: async () => '' }, { text: '' }]
  ] as [string, AttachmentReader, object][])('an attachment keeps %s, and the mail still arrives', async (_, reader, expected) => {
    const events = new RecordedEvents();
    const mail = await receiveMail({ store: memorySandboxStores().mail, events, reader: chainReaders(textAttachmentReader, reader) }, {
      from: 'x@y.example', subject: 's', files: [pdf]
    });
    expect(mail.attachments[0]).toEqual({ name: pdf.name, type: pdf.type, size: pdf.bytes.byteLength, ...expected });
    expect((events.raised[0].payload as { attachments: unknown[] }).attachments[0]).toEqual(mail.attachments[0]);
  });
});

describe('which recipes an event starts', () => {
  const onMail = recipe([{ id: 's', kind: 'set', values: { a: 1 } }], { kind: 'event', connector: 'sandbox.mail', event: 'mail.received' }, 'on-mail');
  const onBluefin = recipe([{ id: 's', kind: 'set', values: { a: 1 } }], {
    kind: 'event', connector: 'sandbox.mail', event: 'mail.received', filter: '{{ $contains(trigger.from, "bluefin") }}'
  }, 'on-bluefin');
  const onVendor = recipe([{ id: 's', kind: 'set', values: { a: 1 } }], { kind: 'event', connector: 'sandbox.erp', event: 'vendor.created' }, 'on-vendor');
  const pdfs = recipe([{ id: 's', kind: 'set', values: { a: 1 } }], { kind: 'document', accept: ['application/pdf'] }, 'pdfs');
  const anyDoc = recipe([{ id: 's', kind: 'set', values: { a: 1 } }], { kind: 'document' }, 'any-doc');
  const manual = recipe([{ id: 's', kind: 'set', values: { a: 1 } }], { kind: 'manual' }, 'manual');
  const saved = [onMail, onBluefin, onVendor, pdfs, anyDoc, manual].map((r) => ({ recipe: r, version: 1 }));
  const payload = {
    id: 'm', from: 'ap@bluefin.example', subject: 'Invoice',
    attachments: [{ name: 'a.txt', type: 'text/plain', size: 3, text: 'abc' }, { name: 'b.pdf', type: 'application/pdf', size: 3, text: 'pdf' }]
  };

  it('leaves out a recipe whose filter fails, names it, and still starts the others', async () => {
    const broken = recipe([{ id: 's', kind: 'set', values: { a: 1 } }], {
      kind: 'event', connector: 'sandbox.mail', event: 'mail.received', filter: '{{ $number("not a number") }}'
    }, 'broken-filter');
    const problems: string[] = [];
    const jobs = await jobsForEvent([{ recipe: broken, version: 1 }, ...saved], 'sandbox.mail', 'mail.received', payload, (id, p) => problems.push(`${id}: ${p}`));
    expect(jobs.map((j) => j.recipe.id)).toContain('on-mail');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^broken-filter: its trigger's filter failed: /);
  });

  it.each([
    ['a mail from bluefin', 'sandbox.mail', 'mail.received', payload, ['on-mail', 'on-bluefin', 'pdfs:b.pdf', 'any-doc:a.txt', 'any-doc:b.pdf']],
    ['a mail from someone else, no attachments', 'sandbox.mail', 'mail.received', { from: 'x@y.example', attachments: [] }, ['on-mail']],
    ['a new vendor', 'sandbox.erp', 'vendor.created', { id: 'v' }, ['on-vendor']],
    ['an event nobody listens to', 'sandbox.erp', 'invoice.created', {}, []]
  ])('%s', async (_what, connector, event, body, expected) => {
    const jobs = await jobsForEvent(saved, connector, event, body);
    const names = jobs.map((j) => (j.recipe.trigger.kind === 'document' ? `${j.recipe.id}:${(j.trigger as { name: string }).name}` : j.recipe.id));
    expect(names).toEqual(expected);
    for (const j of jobs.filter((j) => j.recipe.trigger.kind === 'document')) expect(Object.keys(j.trigger as object)).toEqual(['name', 'type', 'text']);
  });
});
