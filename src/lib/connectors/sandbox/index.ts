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
import { MemorySandboxStore, type Collections, type SandboxRecord, type Seed } from './store';

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

/** Seed data that replaces an app's own, by app: collections not named start empty. */
export type SeedOverrides = Partial<Record<keyof SandboxStores, Record<string, SandboxRecord[]>>>;

/** Fresh, seeded stores in memory: the CLI, tests and benches; a pack's `sandbox` replaces an app's seed. */
export function memorySandboxStores(overrides: SeedOverrides = {}): SandboxStores {
  return {
    erp: new MemorySandboxStore(seedOf(erpSeed, overrides.erp)),
    hr: new MemorySandboxStore(seedOf(hrSeed, overrides.hr)),
    orders: new MemorySandboxStore(seedOf(ordersSeed, overrides.orders)),
    mail: new MemorySandboxStore(seedOf(mailSeed, overrides.mail))
  };
}

/**
 * The app's seed, or the given records in its collections (the others empty). Records are taken as
 * given: the app's own rules check what a step writes, not what a trainer seeded.
 */
function seedOf<C extends Collections>(seed: () => Seed<C>, given: Record<string, SandboxRecord[]> | undefined): () => Seed<C> {
  if (!given) return seed;
  const names = Object.keys(seed());
  const unknown = Object.keys(given).filter((name) => !names.includes(name));
  if (unknown.length > 0) throw new Error(`the sandbox app has no collection "${unknown[0]}" (it has ${names.join(', ')})`);
  return () => Object.fromEntries(names.map((name) => [name, structuredClone(given[name] ?? [])])) as Seed<C>;
}

export { noEvents, RecordedEvents, type SandboxEvents } from './common';
export { ERP } from './erp';
export { HR } from './hr';
export { ORDERS } from './orders';
export { MAIL, receiveMail, type IncomingMail } from './mail';
export { textAttachmentReader, chainReaders, readAttachment, type AttachmentReader, type AttachmentFile, type AttachmentText } from './attachment-reader';

/** Each app's collection names, as its seed has them: what a pack's `sandbox` may name. */
export function sandboxCollections(): Record<keyof SandboxStores, string[]> {
  return { erp: Object.keys(erpSeed()), hr: Object.keys(hrSeed()), orders: Object.keys(ordersSeed()), mail: Object.keys(mailSeed()) };
}
