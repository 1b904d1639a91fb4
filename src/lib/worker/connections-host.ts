/**
 * Connections as the worker holds them: the vault lives here, beside the engine that needs the secrets,
 * so an opened secret never travels to the page. The page sets the vault up, unlocks it and manages
 * connections through these calls; it can read connection rows (never secrets) from the database itself.
 */
import { Vault } from '../connections/vault';
import { connectionUseRecorder } from '../store/audit';
import { checkConnection } from '../connectors/check';
import type { CheckResult, ConnectorDef } from '../connectors/sdk';
import {
  bindConnection,
  createConnection,
  createVault,
  deleteConnection,
  DexieConnectionSecrets,
  readVaultRecord,
  renameConnection,
  setConnectionSecrets,
  type ConnectionDraft,
  type SousDb
} from '../store';

export type VaultState = 'none' | 'locked' | 'unlocked';

export interface ConnectionsHostOptions {
  /** The connectors whose `check` answers "Check connection" (asked lazily: the engine host is made later). */
  connector?: (id: string) => ConnectorDef | undefined;
}

export function createConnectionsHost(db: SousDb, options: ConnectionsHostOptions = {}) {
  let vault = new Vault();
  const recordUse = connectionUseRecorder(db);

  /** A vault without a passphrase opens by itself: its key never leaves this browser anyway. */
  async function openDeviceVault(): Promise<void> {
    const record = await readVaultRecord(db);
    if (record?.mode === 'device' && !vault.unlocked) await vault.unlock(record);
  }

  const needUnlocked = () => {
    if (!vault.unlocked) throw new Error('connections are locked: unlock them with your passphrase first');
    return vault;
  };

  return {
    /** The engine's port; it asks the current vault each time, so unlocking later takes effect at once. */
    secrets: {
      resolve: (ref: string, connector: string, recipeId: string, jobId?: string) => new DexieConnectionSecrets(db, vault, recordUse).resolve(ref, connector, recipeId, jobId)
    },
    openDeviceVault,
    api: {
      async vaultState(): Promise<VaultState> {
        await openDeviceVault();
        if (vault.unlocked) return 'unlocked';
        return (await readVaultRecord(db)) ? 'locked' : 'none';
      },
      /** `null` for no passphrase (a device key). */
      async setupVault(passphrase: string | null): Promise<void> {
        vault = await createVault(db, passphrase);
      },
      async unlockVault(passphrase: string): Promise<void> {
        const record = await readVaultRecord(db);
        if (!record) throw new Error('there is no vault yet: set one up first');
        await vault.unlock(record, passphrase);
      },
      async lockVault(): Promise<void> {
        const record = await readVaultRecord(db);
        // A device vault would open again by itself; locking it would only mislead.
        if (record?.mode === 'passphrase') vault.lock();
      },
      async createConnection(draft: ConnectionDraft): Promise<string> {
        return (await createConnection(db, needUnlocked(), draft)).id;
      },
      renameConnection: (id: string, label: string) => renameConnection(db, id, label),
      /** New secret values for a connection, sealed here; a field left empty keeps its value. */
      async setConnectionSecrets(id: string, secrets: Record<string, string>): Promise<void> {
        await openDeviceVault();
        await setConnectionSecrets(db, needUnlocked(), id, secrets);
      },
      deleteConnection: (id: string) => deleteConnection(db, id),
      bindConnection: (recipeId: string, ref: string, connectionId: string) => bindConnection(db, recipeId, ref, connectionId),
      /**
       * Try a connection with its connector's check, here where its secrets are opened; the page gets
       * only the plain-word answer. `offer` is what a previous answer offered (e.g. a test post).
       */
      async checkConnection(id: string, offer?: string): Promise<CheckResult> {
        const row = await db.connections.get(id);
        if (!row) return { ok: false, message: 'That connection no longer exists.' };
        await openDeviceVault();
        if (row.sealed && !vault.unlocked) return { ok: false, message: 'Connections are locked: unlock them with your passphrase first.' };
        const secrets = row.sealed ? await vault.open(row.sealed) : {};
        return checkConnection(options.connector?.(row.connector), { ...row.fields, ...secrets }, { offer });
      }
    }
  };
}
