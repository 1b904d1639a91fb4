/**
 * The connector SDK. A connector is data plus functions: id, label, the fields of its connection, and
 * actions with zod input and output schemas and an `execute`. The studio's forms come from the schemas.
 */
import { z } from 'zod';
import type { ActionContext, ActionRuntime, ConnectorLookup } from '../engine/ports';

/** What an action does to the world: only reads, or changes data somewhere. */
export type ActionEffect = 'read' | 'write';

export interface ActionDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  label: string;
  description?: string;
  /**
   * Whether the action reads or writes. Agents confirm before a write, MCP marks tools read-only or
   * destructive, and job recovery re-runs only what is harmless to repeat. Required (checked by
   * `defineConnector`): an action whose effect depends on its input declares the stronger one here and
   * refines it with `effectOf`.
   */
  effect: ActionEffect;
  /** Whether running it twice with the same input does no more than running it once. Required. */
  idempotent: boolean;
  /** For an action whose effect depends on its input (`http` by method): the effect of this input. */
  effectOf?(input: Record<string, unknown>): ActionEffect;
  /** Like `effectOf`, for `idempotent` (an `http` PUT is, a POST is not). */
  idempotentOf?(input: Record<string, unknown>): boolean;
  input: I;
  output: O;
  execute(input: z.infer<I>, ctx: ActionContext): Promise<z.infer<O>>;
  /** Whether an error may go away on its own (network errors, 429, 5xx); default: the error says. */
  retryable?(err: unknown): boolean;
}

export interface ConnectionField {
  name: string;
  label: string;
  secret: boolean;
  description?: string;
  /** The values it may take, shown as a choice. */
  options?: readonly string[];
}

export interface EventDef {
  label: string;
  /** The shape of what a job gets as `trigger` (for a polled event: one item of the list). */
  payload: z.ZodType;
  /** For an API that pushes nothing: how the studio checks it for new items (src/lib/triggers/poll/). */
  poll?: PollDef;
}

/**
 * A polled event: every `every`, list the items there are now; each item whose key was not seen before
 * starts one job, with the item as its `trigger`. The first poll after a recipe starts takes what is
 * there as seen (no burst of old items) unless `backlog` says otherwise.
 */
export interface PollDef {
  /** How often, like `30m`, `1h`, `1d` (units s, m, h, d); default `5m`; less than a minute counts as one. */
  every?: string;
  /** The name of the field that identifies an item (its value a string or number); default `id`. */
  key?: string;
  /** The first poll after a start starts a job for each item already there, too. Default false. */
  backlog?: boolean;
  /**
   * The items there are now, in the API's order. It calls out through the connector's own fetch (in the
   * studio: the proxy, with its address policy). Throws, in plain words, when the API cannot be read.
   */
  list(ctx: PollContext): Promise<unknown[]>;
}

/** What a poll's `list` is given: the trigger's connection (plain and opened secret fields) and when to give up. */
export interface PollContext {
  connection?: Readonly<Record<string, string>>;
  signal: AbortSignal;
}

/**
 * What "Check connection" answers, in plain words: `ok` true (it works), false (it does not, and the
 * message says why), or null (it cannot be told without doing something; `offer` names that something,
 * e.g. a test post, which the studio offers as a button and passes back as `CheckContext.offer`).
 */
export const CheckResultSchema = z.object({
  ok: z.boolean().nullable(),
  message: z.string(),
  offer: z.object({ id: z.string(), label: z.string() }).optional()
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

export interface CheckContext {
  signal: AbortSignal;
  /** The id of an offer a previous check made, which the person chose (e.g. "test_post"). */
  offer?: string;
}

export interface ConnectorDef {
  id: string;
  label: string;
  description?: string;
  /** Fields a connection to this connector holds; secret ones are encrypted at rest and never exported. */
  connection?: ConnectionField[];
  actions: Record<string, ActionDef<any, any>>;
  /** Try a connection (its plain and opened secret fields) without running a recipe; never echo a secret. */
  check?(connection: Readonly<Record<string, string>>, ctx: CheckContext): Promise<CheckResult>;
  events?: Record<string, EventDef>;
}

const CONNECTOR_ID = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;
const ACTION_ID = /^[a-z][a-z0-9_.-]*$/;

/** Declare a connector; its shape is checked here, once, so a mistake shows at start-up, not mid-job. */
export function defineConnector<T extends ConnectorDef>(def: T): T {
  if (!CONNECTOR_ID.test(def.id)) throw new Error(`connector id "${def.id}" must be like "http" or "sandbox.erp"`);
  for (const [name, action] of Object.entries(def.actions)) {
    if (!ACTION_ID.test(name)) throw new Error(`${def.id}: action name "${name}" is not valid`);
    if (!(action.input instanceof z.ZodType) || !(action.output instanceof z.ZodType)) {
      throw new Error(`${def.id}.${name}: input and output must be zod schemas`);
    }
    checkEffect(`${def.id}.${name}`, action);
  }
  return def;
}

/**
 * Every action says what it does to the world: an undeclared one would be run by an agent with no
 * confirmation card if anyone guessed "read", so a missing declaration stops the connector from loading.
 */
function checkEffect(where: string, action: Partial<ActionDef>): void {
  if (action.effect !== 'read' && action.effect !== 'write') {
    throw new Error(`${where}: declare effect: 'read' or 'write' (whether the action changes data); it has ${JSON.stringify(action.effect) ?? 'none'}`);
  }
  if (typeof action.idempotent !== 'boolean') {
    throw new Error(`${where}: declare idempotent: true or false (whether running it twice does no more than once); it has ${JSON.stringify(action.idempotent) ?? 'none'}`);
  }
  for (const key of ['effectOf', 'idempotentOf'] as const) {
    if (action[key] !== undefined && typeof action[key] !== 'function') throw new Error(`${where}: ${key} must be a function of the input`);
  }
}

/** The connectors of a workspace, looked up by the engine by id and action name. */
export class ConnectorRegistry implements ConnectorLookup {
  private readonly byId = new Map<string, ConnectorDef>();

  constructor(connectors: ConnectorDef[] = []) {
    for (const c of connectors) this.register(c);
  }

  register(connector: ConnectorDef): void {
    if (this.byId.has(connector.id)) throw new Error(`connector "${connector.id}" is registered twice`);
    this.byId.set(connector.id, connector);
  }

  has(connector: string): boolean {
    return this.byId.has(connector);
  }

  get(connector: string): ConnectorDef | undefined {
    return this.byId.get(connector);
  }

  list(): ConnectorDef[] {
    return [...this.byId.values()];
  }

  publicFields(connector: string): string[] {
    return (this.byId.get(connector)?.connection ?? []).filter((f) => f.secret === false).map((f) => f.name);
  }

  action(connector: string, action: string): ActionRuntime | undefined {
    const def = this.byId.get(connector)?.actions;
    return def && Object.hasOwn(def, action) ? def[action] : undefined;
  }
}
