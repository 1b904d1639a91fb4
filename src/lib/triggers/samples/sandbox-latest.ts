/**
 * The sandbox apps' latest real record for each event they raise, in the event's payload shape: a test
 * run of a vendor recipe starts from the vendor made last, a mail recipe from the newest mail in the inbox.
 * Reads the stores the connectors write (in memory or IndexedDB), never raises anything.
 */
import type { SandboxStores } from '../../connectors/sandbox';
import { withSender, type StoredMail } from '../../connectors/sandbox/mail-schemas';
import type { SandboxRecord, SandboxStore } from '../../connectors/sandbox/store';

interface LatestRule {
  app: keyof SandboxStores;
  collection: string;
  /** The record's time field, ISO 8601: the latest is the largest. */
  time: string;
  keep?(record: Record<string, unknown>): boolean;
  /** The raised payload made from the stored record (mail.received drops the folder). */
  payload?(record: Record<string, unknown>): unknown;
  /** What the dialog calls the record: "the latest …". */
  what: { en: string; ko: string };
}

/** `connector event` → where its records live; the events each sandbox connector raises (names.md). */
export const SANDBOX_LATEST: Readonly<Record<string, LatestRule>> = {
  'sandbox.erp vendor.created': { app: 'erp', collection: 'vendors', time: 'created_at', what: { en: 'the latest vendor in the sandbox ERP', ko: '샌드박스 ERP의 최근 거래처' } },
  'sandbox.erp invoice.created': { app: 'erp', collection: 'invoices', time: 'created_at', what: { en: 'the latest invoice in the sandbox ERP', ko: '샌드박스 ERP의 최근 송장' } },
  'sandbox.hr leave.requested': { app: 'hr', collection: 'leave', time: 'created_at', what: { en: 'the latest leave request in the sandbox HR app', ko: '샌드박스 HR 앱의 최근 휴가 신청' } },
  'sandbox.orders order.created': { app: 'orders', collection: 'orders', time: 'created_at', what: { en: 'the latest order in the sandbox shop', ko: '샌드박스 상점의 최근 주문' } },
  'sandbox.mail mail.received': {
    app: 'mail',
    collection: 'messages',
    time: 'received_at',
    keep: (m) => m.folder === 'inbox',
    // As mail.received gives it: the sender split (rows stored before the split get it on read), no folder.
    payload: (record) => {
      const { folder: _folder, ...mail } = withSender(record as unknown as StoredMail);
      return mail;
    },
    what: { en: 'the latest mail in the sandbox mailbox', ko: '샌드박스 메일함의 최근 메일' }
  }
};

/** The `latestEvent` port of sampleFor over the sandbox stores; undefined for other connectors or an empty app. */
export function sandboxLatestEvent(stores: SandboxStores) {
  return async (connector: string, event: string): Promise<unknown> => {
    const rule = SANDBOX_LATEST[`${connector} ${event}`];
    if (!rule) return undefined;
    const store = stores[rule.app] as unknown as SandboxStore<Record<string, SandboxRecord>>;
    const records = (await store.list(rule.collection)) as unknown as Record<string, unknown>[];
    let latest: Record<string, unknown> | undefined;
    for (const record of records) {
      if (rule.keep && !rule.keep(record)) continue;
      // On a tie (seed records share a time) the one listed last wins.
      if (!latest || String(record[rule.time] ?? '') >= String(latest[rule.time] ?? '')) latest = record;
    }
    return latest && (rule.payload ? rule.payload(latest) : latest);
  };
}
