/**
 * Questions the copilot asks of its catalogue (is this action there? this event?), and the catalogue as
 * lint sees it, so a draft is checked against exactly what the workspace has.
 */
import type { LintCatalog, InputSchema } from '../../lint/lint';
import type { CatalogEntry } from './draft-result';

export class CatalogView implements LintCatalog {
  private readonly byId: Map<string, CatalogEntry>;

  constructor(readonly entries: CatalogEntry[]) {
    this.byId = new Map(entries.map((e) => [e.connector, e]));
  }

  hasConnector(id: string): boolean {
    return this.byId.has(id);
  }

  hasAction(connector: string, action: string): boolean {
    return this.byId.get(connector)?.actions.some((a) => a.name === action) ?? false;
  }

  hasEvent(connector: string, event: string): boolean {
    return this.byId.get(connector)?.events?.includes(event) ?? false;
  }

  label(connector: string): string {
    return this.byId.get(connector)?.label ?? connector;
  }

  actionLabel(connector: string, action: string): string | undefined {
    return this.byId.get(connector)?.actions.find((a) => a.name === action)?.label;
  }

  /** A catalogue entry names its inputs but not which are required, so none is checked as required. */
  inputSchema(connector: string, action: string): InputSchema | undefined {
    const def = this.byId.get(connector)?.actions.find((a) => a.name === action);
    return def && { properties: Object.fromEntries(def.inputs.map((name) => [name, {}])), required: [] };
  }
}
