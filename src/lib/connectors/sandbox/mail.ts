/** The `sandbox.mail` connector: a local mailbox, and the way a new mail arrives (raising `mail.received`). */
import { z } from 'zod';
import { defineConnector } from '../sdk';
import { newId, notFound, type SandboxEvents } from './common';
import type { SandboxAppDeps } from './erp';
import { readAttachment, type AttachmentFile, type AttachmentReader } from './attachment-reader';
import { MailReceivedSchema, MailSchema, withSender, type Attachment, type Mail, type MailCollections } from './mail-schemas';
import { parseSender } from './mail-address';
import type { SandboxStore } from './store';

export const MAIL = 'sandbox.mail';
export const MAILBOX_ADDRESS = 'ap@sous-demo.example';

export type MailStore = SandboxStore<MailCollections>;

export interface IncomingMail {
  from: string;
  to?: string;
  subject: string;
  body?: string;
  files?: AttachmentFile[];
}

/** Store a new mail in the inbox with its attachments' text, and raise `mail.received`. */
export async function receiveMail(
  deps: { store: MailStore; events: SandboxEvents; reader: AttachmentReader; now?: () => Date },
  incoming: IncomingMail
): Promise<Mail> {
  const attachments: Attachment[] = [];
  for (const file of incoming.files ?? []) {
    // A file that cannot be read still arrives, with empty text and the reason in `problem`.
    const { text, pages, problem } = await readAttachment(deps.reader, file);
    attachments.push({
      name: file.name,
      type: file.type || 'application/octet-stream',
      size: file.bytes.byteLength,
      text,
      ...(pages !== undefined ? { pages } : {}),
      ...(problem ? { problem } : {})
    });
  }
  const mail: Mail = {
    id: newId('mail'),
    folder: 'inbox',
    from: incoming.from.trim(),
    // Split once here, so that every recipe reads the same name and address (see mail-address.ts).
    ...parseSender(incoming.from),
    to: incoming.to?.trim() || MAILBOX_ADDRESS,
    subject: incoming.subject.trim(),
    body: incoming.body ?? '',
    received_at: (deps.now ?? (() => new Date()))().toISOString(),
    attachments
  };
  await deps.store.put('messages', mail);
  const { folder: _folder, ...payload } = mail;
  deps.events.raise(MAIL, 'mail.received', payload);
  return mail;
}

export function createMailConnector({ store, now = () => new Date() }: SandboxAppDeps<MailStore>) {
  return defineConnector({
    id: MAIL,
    label: 'Sandbox mailbox',
    description: `A local mailbox (${MAILBOX_ADDRESS}); drop a file on its page to make a mail arrive.`,
    actions: {
      'messages.list': {
        label: 'List messages',
        effect: 'read', idempotent: true,
        input: z.object({ folder: z.enum(['inbox', 'sent']).default('inbox'), from: z.string().optional() }),
        output: z.object({ messages: z.array(MailSchema) }),
        async execute({ folder, from }) {
          const all = (await store.list('messages')).map(withSender).filter((m) => m.folder === folder && (!from || m.from.toLowerCase().includes(from.toLowerCase())));
          return { messages: all.sort((a, b) => b.received_at.localeCompare(a.received_at)) };
        }
      },
      'messages.get': {
        label: 'Get a message',
        effect: 'read', idempotent: true,
        input: z.object({ id: z.string().min(1) }),
        output: MailSchema,
        async execute({ id }) {
          const found = await store.get('messages', id);
          if (!found) throw notFound('message', id);
          return withSender(found);
        }
      },
      'messages.send': {
        label: 'Send a message',
        // Each call sends another mail.
        effect: 'write', idempotent: false,
        description: 'Goes to the Sent folder; nothing leaves the sandbox.',
        input: z.object({ to: z.string().min(1), subject: z.string(), body: z.string() }),
        output: MailSchema,
        async execute(input) {
          const mail: Mail = { id: newId('mail'), folder: 'sent', from: MAILBOX_ADDRESS, ...parseSender(MAILBOX_ADDRESS), ...input, received_at: now().toISOString(), attachments: [] };
          await store.put('messages', mail);
          return mail;
        }
      }
    },
    events: {
      'mail.received': { label: 'A mail arrived', payload: MailReceivedSchema }
    }
  });
}
