/** The records of the sandbox mailbox: messages with attachments (their text, read when they arrived). */
import { z } from 'zod';

export const AttachmentSchema = z.object({ name: z.string(), type: z.string(), size: z.number().int().min(0), text: z.string() });
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
