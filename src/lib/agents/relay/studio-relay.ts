/**
 * The open studio tab as the MCP relay's peer: its worker runs the jobs, its confirm dialog asks the
 * person, and the offered skills are published again whenever the recipes or the offered set change.
 * Started once per tab by the app shell; the first tab to connect serves, the others stand by.
 */
import { liveQuery } from 'dexie';
import { studioCatalog } from '../../connectors/catalog';
import type { ActionRuntime, ConnectorLookup } from '../../engine/ports';
import type { SousDb } from '../../store/db';
import type { ConfirmQueue } from './confirm-queue.svelte';
import { relayWords } from './messages';
import { connectRelay, type RelayState } from './relay-client';
import { studioPorts } from './studio-ports';

export interface StudioRelayDeps {
  db: SousDb;
  engine: { run(recipeId: string, input: unknown): Promise<string> };
  confirms: ConfirmQueue;
  onState?(state: RelayState): void;
  base?: string;
}

/**
 * The studio's connector catalogue as the effect lookup (the same declarations the worker runs with),
 * asked afresh each time so an imported connector counts as soon as it is imported.
 */
export function catalogLookup(): ConnectorLookup {
  return {
    has: (id) => studioCatalog().hasConnector(id),
    action: (c, a) => studioCatalog().action(c, a) as ActionRuntime | undefined
  };
}

export function startStudioRelay(deps: StudioRelayDeps): () => void {
  const ports = studioPorts({
    db: deps.db,
    connectors: catalogLookup(),
    run: (id, input) => deps.engine.run(id, input),
    confirm: (question, signal) => deps.confirms.ask(question, signal)
  });
  const connection = connectRelay(ports, { base: deps.base ?? location.origin, onState: deps.onState });
  // Any change to the recipes or to what is offered: publish again (the first run is the hello's).
  let first = true;
  const watch = liveQuery(async () => [await deps.db.recipes.toArray(), await deps.db.mcp_offers.toArray()]).subscribe({
    next: () => {
      if (!first) void connection.publish();
      first = false;
    },
    error: () => {}
  });
  return () => {
    watch.unsubscribe();
    connection.close();
  };
}
