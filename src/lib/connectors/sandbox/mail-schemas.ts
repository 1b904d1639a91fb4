/** The records of the sandbox mailbox: messages with attachments (their text, read when they arrived). */
import { z } from 'zod';
import { parseSender } from './mail-address';

export const AttachmentSchema = z.object({
  name: z.string(),
  type: z.string(),
  size: z.number().int().min(0),
  /** The file's text: as it is, a PDF's text layer, or an image's OCR; "" when it has none or could not be read. */
  text: z.string(),
  /** How many pages a PDF has. */
  pages: z.number().int().min(1).optional(),
  /** Why the file's text could not be read, in plain words (the mail still arrived). */
  problem: z.string().optional()
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/**
 * A message as it is stored. Rows stored before the sender was split have no `from_name`/`from_email`:
 * they are read through `withSender`, so every message an action or event gives has them.
 */
export const StoredMailSchema = z.object({
  id: z.string(),
  folder: z.enum(['inbox', 'sent']),
  /** The sender as it came, e.g. `Bluefin Paper <ap@bluefin.example>`. */
  from: z.string(),
  /** The sender's display name alone ("" when the mail gives none). */
  from_name: z.string().optional(),
  /** The sender's address alone ("" when `from` holds none); what a vendor search wants. */
  from_email: z.string().optional(),
  /** Why `from` gave no address, in plain words. */
  from_problem: z.string().optional(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  received_at: z.string(),
  attachments: z.array(AttachmentSchema).default([])
});
export type StoredMail = z.infer<typeof StoredMailSchema>;

export const MailSchema = StoredMailSchema.extend({ from_name: z.string(), from_email: z.string() });
export type Mail = z.infer<typeof MailSchema>;

/** The `mail.received` payload (names.md): the message without its folder. */
export const MailReceivedSchema = MailSchema.omit({ folder: true });

/** A stored message with its sender split (kept as stored when it already is). */
export function withSender<M extends StoredMail>(mail: M): M & Mail {
  if (typeof mail.from_name === 'string' && typeof mail.from_email === 'string') return mail as M & Mail;
  return { ...mail, ...parseSender(mail.from) };
}

export type MailCollections = { messages: StoredMail };
