/**
 * Connections on this machine: plain fields in the clear, secret fields sealed by the vault, and which
 * connection each recipe's named reference uses. Secrets are opened only to hand them to an action.
 */
import type { ConnectionSecrets } from '../engine/ports';
import { Vault, VaultRecordSchema, type VaultRecord } from '../connections/vault';
import { recordAudit } from './audit';
import type { ConnectionRow, SousDb } from './db';
import { assertMay } from './people';
import { guardWrite } from './storage-errors';

export interface ConnectionDraft {
  connector: string;
  label: string;
  /** Fields that are not secret (a base URL, a header name). */
  fields?: Record<string, string>;
  /** Fields that are secret (a token, a password): sealed before they are stored. */
  secrets?: Record<string, string>;
}

export async function readVaultRecord(db: SousDb): Promise<VaultRecord | undefined> {
  const row = await db.vault.get('vault');
  if (!row) return undefined;
  const parsed = VaultRecordSchema.safeParse(row.record);
  if (!parsed.success) throw new Error('the stored vault settings are damaged; connections cannot be unlocked');
  return parsed.data;
}

/** Set up the vault once (a passphrase, or null for a device key); refuses to replace an existing one. */
export async function createVault(db: SousDb, passphrase: string | null): Promise<Vault> {
  if (await db.vault.get('vault')) throw new Error('the vault is already set up; unlock it instead');
  const { vault, record } = await Vault.create(passphrase);
  await guardWrite('the vault settings', () => db.vault.put({ id: 'vault', record }));
  return vault;
}

export async function createConnection(db: SousDb, vault: Vault, draft: ConnectionDraft, now = new Date()): Promise<ConnectionRow> {
  await assertMay(db, 'connections');
  const secrets = draft.secrets ?? {};
  const row: ConnectionRow = {
    id: crypto.randomUUID(),
    connector: draft.connector,
    label: draft.label,
    fields: draft.fields ?? {},
    sealed: Object.keys(secrets).length > 0 ? await vault.seal(secrets) : null,
    created_at: now.toISOString(),
    updated_at: now.toISOString()
  };
  await guardWrite(`the connection "${draft.label}"`, () => db.connections.add(row));
  await recordAudit(db, { action: 'connection.create', target: { kind: 'connection', id: row.id }, detail: { connector: row.connector, label: row.label } });
  return row;
}

export async function renameConnection(db: SousDb, id: string, label: string): Promise<void> {
  await assertMay(db, 'connections');
  await guardWrite(`the connection "${label}"`, () => db.connections.update(id, { label, updated_at: new Date().toISOString() }));
  await recordAudit(db, { action: 'connection.edit', target: { kind: 'connection', id }, detail: { label } });
}

/**
 * Seal new secret values for a connection: one restored from a backup (which brings none), or a token
 * that changed. A field left out keeps what it holds; the rest of the connection is unchanged.
 */
export async function setConnectionSecrets(db: SousDb, vault: Vault, id: string, secrets: Record<string, string>): Promise<void> {
  await assertMay(db, 'connections');
  const row = await db.connections.get(id);
  if (!row) throw new Error('that connection no longer exists');
  const given = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ''));
  const kept = row.sealed ? await vault.open(row.sealed) : {};
  const all = { ...kept, ...given };
  const sealed = Object.keys(all).length > 0 ? await vault.seal(all) : null;
  await guardWrite(`the connection "${row.label}"`, () => db.connections.update(id, { sealed, updated_at: new Date().toISOString() }));
  // Which fields changed, never their values.
  await recordAudit(db, { action: 'connection.edit', target: { kind: 'connection', id }, detail: { label: row.label, secrets_set: Object.keys(given).sort().join(', ') } });
}

/** Delete a connection and every recipe's binding to it. */
export async function deleteConnection(db: SousDb, id: string): Promise<void> {
  await assertMay(db, 'connections');
  const old = await db.transaction('rw', db.connections, db.connection_bindings, async () => {
    const row = await db.connections.get(id);
    await db.connections.delete(id);
    await db.connection_bindings.where('connection_id').equals(id).delete();
    return row;
  });
  if (old) await recordAudit(db, { action: 'connection.delete', target: { kind: 'connection', id }, detail: { connector: old.connector, label: old.label } });
}

export function listConnections(db: SousDb): Promise<ConnectionRow[]> {
  return db.connections.orderBy('connector').toArray();
}

/** Use this connection for the recipe's reference `ref` (what an import asks the person to choose). */
export async function bindConnection(db: SousDb, recipeId: string, ref: string, connectionId: string): Promise<void> {
  await assertMay(db, 'connections');
  await guardWrite('the connection choice', () => db.connection_bindings.put({ recipe_id: recipeId, ref, connection_id: connectionId }));
  await recordAudit(db, { action: 'connection.edit', target: { kind: 'connection', id: connectionId }, detail: { bound_recipe: recipeId, recipe_id: recipeId, ref } });
}

/** The engine's port: a step's connection, opened at call time only. */
export class DexieConnectionSecrets implements ConnectionSecrets {
  constructor(
    private readonly db: SousDb,
    private readonly vault: Vault,
    /** Told each time a connection is opened for a step (the audit trail's "connection used"). */
    private readonly onUse?: (use: { connection: ConnectionRow; recipeId: string; ref: string; jobId?: string }) => Promise<void>
  ) {}

  async resolve(ref: string, connector: string, recipeId: string, jobId?: string): Promise<Record<string, string> | undefined> {
    const binding = await this.db.connection_bindings.get([recipeId, ref]);
    if (!binding) return undefined;
    const row = await this.db.connections.get(binding.connection_id);
    if (!row || row.connector !== connector) return undefined;
    const secrets = row.sealed ? await this.vault.open(row.sealed) : {};
    await this.onUse?.({ connection: row, recipeId, ref, jobId });
    return { ...row.fields, ...secrets };
  }
}
