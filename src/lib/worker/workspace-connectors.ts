/**
 * The connectors a workspace's jobs can use: the built-in ones, and those imported from OpenAPI documents
 * (kept in IndexedDB). `sync` brings the imported ones up to date (another tab may have imported or
 * deleted one); it reads a document only when its import time changed.
 */
import type { ActionRuntime, ConnectorLookup } from '../engine/ports';
import type { HttpOptions } from '../connectors/http';
import { buildOpenApiConnector } from '../connectors/openapi';
import type { ConnectorDef, ConnectorRegistry } from '../connectors/sdk';
import { customConnectorStamps, getCustomConnector, type SousDb } from '../store';

export class WorkspaceConnectors implements ConnectorLookup {
  private readonly imported = new Map<string, { stamp: string; def: ConnectorDef }>();

  constructor(
    private readonly builtin: ConnectorRegistry,
    private readonly db: SousDb,
    private readonly http: HttpOptions,
    private readonly report: (problem: string) => void
  ) {}

  async sync(): Promise<void> {
    const stamps = await customConnectorStamps(this.db);
    for (const id of this.imported.keys()) if (!stamps.has(id)) this.imported.delete(id);
    for (const [id, stamp] of stamps) {
      if (this.imported.get(id)?.stamp === stamp || this.builtin.has(id)) continue;
      const row = await getCustomConnector(this.db, id);
      if (!row) continue;
      try {
        this.imported.set(id, { stamp, def: buildOpenApiConnector({ id, label: row.label, document: row.document }, this.http) });
      } catch (err) {
        this.imported.delete(id);
        this.report(`the imported connector "${row.label}" could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  has(connector: string): boolean {
    return this.builtin.has(connector) || this.imported.has(connector);
  }

  get(connector: string): ConnectorDef | undefined {
    return this.builtin.get(connector) ?? this.imported.get(connector)?.def;
  }

  /** The connection fields declared not secret, which errors may show as they are. */
  publicFields(connector: string): string[] {
    return (this.get(connector)?.connection ?? []).filter((f) => f.secret === false).map((f) => f.name);
  }

  action(connector: string, action: string): ActionRuntime | undefined {
    if (this.builtin.has(connector)) return this.builtin.action(connector, action);
    const actions = this.imported.get(connector)?.def.actions;
    return actions && Object.hasOwn(actions, action) ? actions[action] : undefined;
  }

  list(): ConnectorDef[] {
    return [...this.builtin.list(), ...[...this.imported.values()].map((i) => i.def)];
  }
}
