/** The records of the sandbox mailbox: messages with attachments (their text, read when they arrived). */
import { z } from 'zod';

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

export const MailSchema = z.object({
  id: z.string(),
  folder: z.enum(['inbox', 'sent']),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  received_at: z.string(),
  attachments: z.array(AttachmentSchema).default([])
});
export type Mail = z.infer<typeof MailSchema>;

/** The `mail.received` payload (names.md): the message without its folder. */
export const MailReceivedSchema = MailSchema.omit({ folder: true });

export type MailCollections = { messages: Mail };
