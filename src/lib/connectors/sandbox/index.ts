/** The four sandbox apps: their connectors over the stores they are given, and seeded in-memory stores. */
import type { ConnectorDef } from '../sdk';
import type { SandboxEvents } from './common';
import { createErpConnector } from './erp';
import type { ErpStore } from './erp-vendors';
import { createHrConnector } from './hr';
import type { HrStore } from './hr-access';
import { createMailConnector, type MailStore } from './mail';
import { createOrdersConnector } from './orders';
import type { OrdersStore } from './orders-refund';
import { erpSeed } from './seed/erp';
import { hrSeed } from './seed/hr';
import { mailSeed } from './seed/mail';
import { ordersSeed } from './seed/orders';
import { MemorySandboxStore } from './store';

export interface SandboxStores {
  erp: ErpStore;
  hr: HrStore;
  orders: OrdersStore;
  mail: MailStore;
}

export interface SandboxDeps {
  stores: SandboxStores;
  events: SandboxEvents;
  now?: () => Date;
}

export function sandboxConnectors({ stores, events, now }: SandboxDeps): ConnectorDef[] {
  return [
    createErpConnector({ store: stores.erp, events, now }),
    createHrConnector({ store: stores.hr, events, now }),
    createOrdersConnector({ store: stores.orders, events, now }),
    createMailConnector({ store: stores.mail, events, now })
  ];
}

/** Fresh, seeded stores in memory: the CLI, tests and benches. */
export function memorySandboxStores(): SandboxStores {
  return {
    erp: new MemorySandboxStore(erpSeed),
    hr: new MemorySandboxStore(hrSeed),
    orders: new MemorySandboxStore(ordersSeed),
    mail: new MemorySandboxStore(mailSeed)
  };
}

export { noEvents, RecordedEvents, type SandboxEvents } from './common';
export { ERP } from './erp';
export { HR } from './hr';
export { ORDERS } from './orders';
export { MAIL, receiveMail, type IncomingMail } from './mail';
export { textAttachmentReader, chainReaders, readAttachment, type AttachmentReader, type AttachmentFile, type AttachmentText } from './attachment-reader';
