/** The sandbox mailbox's starting messages. */
import type { Seed } from '../store';
import { withSender, type Mail, type MailCollections, type StoredMail } from '../mail-schemas';

// The sender's name and email are split as a new mail's are (the seed only adds keys: part of the contract).
const MESSAGES: StoredMail[] = [
  {
    id: 'mail-001',
    folder: 'inbox',
    from: 'Globex Logistics GmbH <rechnung@globex.example>',
    to: 'ap@sous-demo.example',
    subject: 'Invoice GX-44871',
    body: 'Dear customer,\n\nplease find attached our invoice GX-44871 for January freight.\n\nKind regards,\nGlobex Logistics',
    received_at: '2026-01-14T08:12:00.000Z',
    attachments: [
      { name: 'GX-44871.txt', type: 'text/plain', size: 171, text: 'INVOICE GX-44871\nGlobex Logistics GmbH, VAT DE811234567\nDate: 2026-01-14  Due: 2026-02-13\nPallet freight Hamburg–Munich  3 × 410.00\nTotal: EUR 1,230.00' }
    ]
  },
  {
    id: 'mail-002',
    folder: 'inbox',
    from: 'Dana Kim <dana@sous-demo.example>',
    to: 'ap@sous-demo.example',
    subject: 'Month-end close',
    body: 'Hi team, please have all February invoices approved by Friday. Thanks, Dana',
    received_at: '2026-02-24T16:40:00.000Z',
    attachments: []
  },
  {
    id: 'mail-003',
    folder: 'sent',
    from: 'ap@sous-demo.example',
    to: 'accounts@initech.example',
    subject: 'Re: INI-9921',
    body: 'Thanks, the invoice is in review.',
    received_at: '2026-01-21T09:05:00.000Z',
    attachments: []
  }
];

export const SEED_MAIL: Mail[] = MESSAGES.map(withSender);

export function mailSeed(): Seed<MailCollections> {
  return { messages: SEED_MAIL };
}
