/**
 * The connector catalogue the studio's UI reads: every connector's definition with its actions' zod
 * schemas, and their JSON Schemas for generated forms and data pills. It never runs an action: actions run
 * in the engine's worker, so the catalogue's chat sink refuses to post.
 */
import { z } from 'zod';
import type { ChatSink } from './chat';
import { builtinConnectors } from './builtin';
import { noEvents, type SandboxDeps } from './sandbox';
import type { SandboxStore } from './sandbox/store';
import type { ActionDef, ConnectorDef } from './sdk';

/** The JSON Schema (draft 2020-12) that `z.toJSONSchema` gives. */
export type JsonSchema = z.core.JSONSchema.BaseSchema;

/** A chat sink for a catalogue: a catalogue describes actions, it does not run them. */
export const catalogueChat: ChatSink = {
  async post() {
    throw new Error('the catalogue does not run actions: actions run in the engine worker');
  }
};

/** Sandbox stores for a catalogue: it describes the sandbox apps' actions, it never reads their records. */
function catalogueStore<C extends Record<string, { id: string }>>(): SandboxStore<C> {
  const refuse = async (): Promise<never> => {
    throw new Error('the catalogue does not run actions: actions run in the engine worker');
  };
  return { list: refuse, get: refuse, put: refuse, delete: refuse, transaction: refuse, reset: refuse };
}

export const catalogueSandbox: SandboxDeps = {
  stores: { erp: catalogueStore(), hr: catalogueStore(), orders: catalogueStore(), mail: catalogueStore() },
  events: noEvents
};

export class ConnectorCatalog {
  private readonly byId: Map<string, ConnectorDef>;
  private readonly schemas = { input: new WeakMap<z.ZodType, JsonSchema>(), output: new WeakMap<z.ZodType, JsonSchema>() };

  constructor(connectors: ConnectorDef[]) {
    this.byId = new Map(connectors.map((c) => [c.id, c]));
  }

  connectors(): ConnectorDef[] {
    return [...this.byId.values()];
  }

  connector(id: string): ConnectorDef | undefined {
    return this.byId.get(id);
  }

  hasConnector(id: string): boolean {
    return this.byId.has(id);
  }

  action(connector: string, action: string): ActionDef | undefined {
    const actions = this.byId.get(connector)?.actions;
    return actions && Object.hasOwn(actions, action) ? actions[action] : undefined;
  }

  /** The names of the events a connector raises (sandbox records, polled lists); undefined for an unknown connector. */
  events(connector: string): string[] | undefined {
    const def = this.byId.get(connector);
    return def && Object.keys(def.events ?? {});
  }

  /** The JSON Schema of what an action takes (defaults make a field optional); undefined for an unknown action. */
  inputSchema(connector: string, action: string): JsonSchema | undefined {
    const def = this.action(connector, action);
    return def && this.toJson(def.input, 'input');
  }

  /** The JSON Schema of what an action gives, for data pills. */
  outputSchema(connector: string, action: string): JsonSchema | undefined {
    const def = this.action(connector, action);
    return def && this.toJson(def.output, 'output');
  }

  private toJson(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    let json = this.schemas[io].get(schema);
    if (!json) {
      // `unrepresentable: 'any'`: a date or a transform becomes a free value rather than a crash.
      json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
      this.schemas[io].set(schema, json);
    }
    return json;
  }
}

let imported: ConnectorDef[] = [];
let shared: ConnectorCatalog | undefined;

/**
 * The connectors imported in this workspace (from OpenAPI documents): the studio sets them when it starts
 * and after an import or a delete, so catalogues made from then on list them.
 */
export function setImportedConnectors(connectors: ConnectorDef[]): void {
  imported = connectors;
  shared = undefined;
}

export function importedConnectors(): readonly ConnectorDef[] {
  return imported;
}

/** The built-in connectors, the sandbox apps, the imported ones (and any others given), for the studio's forms. */
export function createCatalog(extra: ConnectorDef[] = []): ConnectorCatalog {
  return new ConnectorCatalog([...builtinConnectors({ chat: catalogueChat, sandbox: catalogueSandbox }).list(), ...imported, ...extra]);
}

/** One catalogue shared by callers that keep none of their own (lint), made again after an import. */
export function studioCatalog(): ConnectorCatalog {
  return (shared ??= createCatalog());
}

/** Convenience for callers that hold a catalogue: the input JSON Schema of an action. */
export function actionInputSchema(catalog: ConnectorCatalog, connector: string, action: string): JsonSchema | undefined {
  return catalog.inputSchema(connector, action);
}
