/**
 * A pack's `sandbox` (docs/pack-format.md) in the studio: the named apps' records are replaced by the
 * pack's, collections it does not name left empty, as `sous grade` and the one-click check start from
 * them. The plan says what each collection holds now and after; the write runs inside the pack import's
 * one transaction.
 */
import type { Table } from 'dexie';
import type { Collections, SandboxRecord } from '../connectors/sandbox/store';
import { SANDBOX_APPS, type PackSandbox, type SandboxApp } from '../packs';
import type { SousDb } from './db';
import { dexieSandboxStores } from './sandbox-apps';
import type { DexieSandboxStore } from './sandbox-store';

export interface SandboxCollectionPlan {
  name: string;
  /** Records it holds now (its seed's, when the app was never opened). */
  before: number;
  after: number;
}
export interface SandboxPlan {
  app: SandboxApp;
  collections: SandboxCollectionPlan[];
}

/** The apps the pack names, in the studio's order. */
function namedApps(sandbox: PackSandbox | undefined): SandboxApp[] {
  return SANDBOX_APPS.filter((app) => sandbox?.[app] !== undefined);
}

export async function planSandbox(db: SousDb, sandbox: PackSandbox | undefined): Promise<SandboxPlan[]> {
  const stores = dexieSandboxStores(db);
  const plans: SandboxPlan[] = [];
  for (const app of namedApps(sandbox)) {
    const given = sandbox?.[app] ?? {};
    const counts: Record<string, number> = await stores[app].counts();
    plans.push({ app, collections: Object.entries(counts).map(([name, before]) => ({ name, before, after: given[name]?.length ?? 0 })) });
  }
  return plans;
}

/** The tables the import's transaction must span to write the pack's sandbox. */
export function sandboxScope(db: SousDb, sandbox: PackSandbox | undefined): Table[] {
  const stores = dexieSandboxStores(db);
  return namedApps(sandbox).flatMap((app) => stores[app].scope());
}

/** Inside the import's transaction (over `sandboxScope`): each named app's records become the pack's. Returns the apps replaced. */
export async function writeSandbox(db: SousDb, sandbox: PackSandbox | undefined): Promise<SandboxApp[]> {
  const stores = dexieSandboxStores(db);
  const apps = namedApps(sandbox);
  for (const app of apps) await stores[app].replaceAll(sandbox?.[app] ?? {});
  return apps;
}

/**
 * The chosen apps' records now, as a pack's `sandbox` (an export): every collection that holds something,
 * by id; an empty one is left out, since a collection a pack does not name starts empty.
 */
export async function readSandbox(db: SousDb, apps: readonly SandboxApp[]): Promise<PackSandbox> {
  const stores = dexieSandboxStores(db);
  const out: PackSandbox = {};
  for (const app of SANDBOX_APPS.filter((a) => apps.includes(a))) {
    // Each app's store is typed by its own collections; here they are read alike, by name.
    const store = stores[app] as unknown as DexieSandboxStore<Collections>;
    const records: Record<string, SandboxRecord[]> = {};
    for (const name of Object.keys(await store.counts())) {
      const list = await store.list(name);
      if (list.length > 0) records[name] = list;
    }
    out[app] = records as NonNullable<PackSandbox[SandboxApp]>;
  }
  return out;
}
