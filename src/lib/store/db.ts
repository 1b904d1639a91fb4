/**
 * The studio's IndexedDB database, `sous`. Row types are derived from the zod schemas of the recipe format
 * and the chat connector, so a row can never drift from what the engine writes.
 *
 * A schema change appends a version to SCHEMA_VERSIONS (never edits an old one), with an `upgrade` that
 * calls the same named migration the file import uses, and a fixture of what it stores in tests/fixtures/db/.
 */
import { Dexie, type Table, type Transaction } from 'dexie';
import { z } from 'zod';
import { JobSchema, RecipeSchema, SlugSchema, StepRecordSchema } from '../recipe';
import { ChatMessageSchema } from '../connectors/chat';
import { SealedSchema } from '../connections/vault-crypto';
import type { VaultRecord } from '../connections/vault';
import type { Invoice, PurchaseOrder, Vendor } from '../connectors/sandbox/erp-schemas';
import type { Employee, Leave, Payslip } from '../connectors/sandbox/hr-schemas';
import type { Order, Stock } from '../connectors/sandbox/orders-schemas';
import type { Mail } from '../connectors/sandbox/mail-schemas';
import type { TableDef, TableRow } from '../connectors/tables/schema';
import type { CustomConnectorRow } from './custom-connectors';
import type { ReplayEntry } from '../ai/replay/replay-store';
import type { AgentRow } from './agents';
import type { ConversationRow } from './conversations';
import type { QueueEntry } from '../triggers/queue/types';
import type { AuditRow } from '../audit/schema';
import { RoleSchema } from '../access/roles';
import { ExerciseSchema } from '../exercises/schema';

export const DB_NAME = 'sous';

/** A trigger queue entry as stored: `seq` keeps acceptance order; `recipe_id` copied out for its index. */
export type TriggerEventRow = QueueEntry & { event_id: string; recipe_id: string; seq: number };

/** One row per recipe: what the list shows. Every saved version lives in `recipe_versions`. */
export const RecipeRowSchema = z.object({
  id: SlugSchema,
  name: z.string(),
  /** The newest saved version, 1-based. */
  version: z.number().int().min(1),
  updated_at: z.string()
});
export type RecipeRow = z.infer<typeof RecipeRowSchema>;

export const RecipeVersionRowSchema = z.object({
  recipe_id: SlugSchema,
  version: z.number().int().min(1),
  recipe: RecipeSchema,
  saved_at: z.string(),
  /** What the person said of this version when saving it (issue 15). */
  note: z.string().max(500).optional()
});
export type RecipeVersionRow = z.infer<typeof RecipeVersionRowSchema>;

/** A job without its steps: those are rows of `job_steps`, so one step's write never rewrites the job. */
export const JobRowSchema = JobSchema.omit({ steps: true });
export type JobRow = z.infer<typeof JobRowSchema>;

/** `seq` keeps the order in which a job's steps were first recorded (the key [job_id+path] sorts by path). */
export const StepRowSchema = StepRecordSchema.extend({ job_id: z.string(), seq: z.number().int().min(0) });
export type StepRow = z.infer<typeof StepRowSchema>;

export type ChatRow = z.infer<typeof ChatMessageSchema>;

/** A connection: its plain fields (a base URL, a header name) and its secret ones sealed by the vault. */
export const ConnectionRowSchema = z.object({
  id: z.string(),
  connector: z.string(),
  label: z.string().min(1),
  fields: z.record(z.string(), z.string()),
  sealed: SealedSchema.nullable(),
  created_at: z.string(),
  updated_at: z.string()
});
export type ConnectionRow = z.infer<typeof ConnectionRowSchema>;

/** Which connection a recipe's named reference (`connections.erp`) uses on this machine. */
export const ConnectionBindingRowSchema = z.object({ recipe_id: z.string(), ref: z.string(), connection_id: z.string() });
export type ConnectionBindingRow = z.infer<typeof ConnectionBindingRowSchema>;

/** The vault's one row: its mode, salt and check value, or its non-extractable device key. */
export interface VaultRow {
  id: 'vault';
  record: VaultRecord;
}

/** Small facts of the sandbox apps: which app was seeded, who the person acts as on the HR page. */
export interface SandboxMetaRow {
  id: string;
  value: unknown;
}

/** One setting of the on-device model (its base URL, the active model), readable from the page and workers. */
export interface AiSettingRow {
  key: 'base_url' | 'active_model';
  value: string;
}

/** A recipe the person offers to outside assistants (MCP); none is offered until the person says so. */
export interface McpOfferRow {
  recipe_id: string;
  offered_at: string;
}

/**
 * Whether a recipe runs by itself (issue 11): only a `started` recipe's trigger fires, and it runs
 * `active_version`; a save after starting is a draft (a newer version) that test runs use until it is made
 * active. No row: stopped, as every new or imported recipe is.
 */
export const RecipeStateRowSchema = z.object({
  recipe_id: SlugSchema,
  state: z.enum(['started', 'stopped']),
  /** The version triggers run; null while stopped and never started. */
  active_version: z.number().int().min(1).nullable(),
  changed_at: z.string()
});
export type RecipeStateRow = z.infer<typeof RecipeStateRowSchema>;

/** The last due time each started schedule fired for, so no due time fires twice (tabs, reloads). */
export interface ScheduleMarkRow {
  recipe_id: string;
  /** ISO 8601 of the last due time a run was queued for. */
  last_due: string;
}

/** What a polled API event has already seen, per started recipe and event, so each item starts one job. */
export interface PollCursorRow {
  /** `RECIPE_ID EVENT` (the recipe's id, a space, the connector's event name). */
  key: string;
  /** The keys of items already seen, newest last (bounded by the poller). */
  seen: string[];
  /** When the first poll took what was already there as seen (so starting a recipe fires no backlog). */
  primed_at: string;
}

/** A PIN as stored: a salted hash from a slow KDF, never the PIN itself (src/lib/store/people.ts). */
export const PinHashSchema = z.object({ kdf: z.string(), salt: z.string(), hash: z.string(), params: z.record(z.string(), z.number()) });
export type PinHash = z.infer<typeof PinHashSchema>;

/** A person of this workspace and their role; an admin's PIN proves it is them (issue 15's roles). */
export const PersonRowSchema = z.object({
  id: z.string(),
  name: z.string().min(1).max(100),
  role: RoleSchema,
  pin: PinHashSchema.nullable(),
  created_at: z.string()
});
export type PersonRow = z.infer<typeof PersonRowSchema>;

/** One governance fact by key: the imported policy, its lock, who is using the studio now. */
export const GovernanceRowSchema = z.object({ key: z.string(), value: z.unknown() });
export type GovernanceRow = z.infer<typeof GovernanceRowSchema>;

/** A workshop exercise installed from a pack: the task shown beside the editor of its recipe. */
export const ExerciseRowSchema = z.object({
  id: z.string(),
  pack_id: z.string(),
  pack_name: z.string(),
  exercise: ExerciseSchema,
  /** The pack as imported (canonical JSON): a check runs in the world it describes, as `sous grade` does. */
  pack: z.string(),
  installed_at: z.string(),
  /** The participant's last one-click check: which saved version, how many tests passed, when. */
  last_check: z.object({ version: z.number().int().min(1), passed: z.number().int().min(0), total: z.number().int().min(0), at: z.string() }).optional()
});
export type ExerciseRow = z.infer<typeof ExerciseRowSchema>;

export class SousDb extends Dexie {
  recipes!: Table<RecipeRow, string>;
  recipe_versions!: Table<RecipeVersionRow, [string, number]>;
  jobs!: Table<JobRow, string>;
  job_steps!: Table<StepRow, [string, string]>;
  chat!: Table<ChatRow, string>;
  connections!: Table<ConnectionRow, string>;
  connection_bindings!: Table<ConnectionBindingRow, [string, string]>;
  vault!: Table<VaultRow, string>;
  sandbox_vendors!: Table<Vendor, string>;
  sandbox_invoices!: Table<Invoice, string>;
  sandbox_purchase_orders!: Table<PurchaseOrder, string>;
  sandbox_employees!: Table<Employee, string>;
  sandbox_leave!: Table<Leave, string>;
  sandbox_payslips!: Table<Payslip, string>;
  sandbox_orders!: Table<Order, string>;
  sandbox_stock!: Table<Stock, string>;
  sandbox_mail!: Table<Mail, string>;
  sandbox_meta!: Table<SandboxMetaRow, string>;
  /** Lookup tables (the `tables` connector; src/lib/store/tables.ts); `tables` itself is Dexie's own. */
  lookup_tables!: Table<TableDef, string>;
  lookup_rows!: Table<TableRow, string>;
  custom_connectors!: Table<CustomConnectorRow, string>;
  ai_replays!: Table<ReplayEntry, string>;
  ai_settings!: Table<AiSettingRow, string>;
  /** Agents (sous.agent/v1 files) and the conversations people have with them (src/lib/store/agents.ts, conversations.ts). */
  agents!: Table<AgentRow, string>;
  conversations!: Table<ConversationRow, string>;
  /** The recipes the person offers to outside assistants over MCP (src/lib/agents/relay/offers.ts). */
  mcp_offers!: Table<McpOfferRow, string>;
  /** Started or stopped, and the active version (src/lib/store/recipe-states.ts). */
  recipe_states!: Table<RecipeStateRow, string>;
  /** The trigger queue's events (schedule ticks, webhooks), keyed by event id (src/lib/store/trigger-events.ts). */
  trigger_events!: Table<TriggerEventRow, string>;
  schedule_marks!: Table<ScheduleMarkRow, string>;
  poll_cursors!: Table<PollCursorRow, string>;
  /** The append-only audit trail, by its sequence number (src/lib/store/audit.ts). */
  audit!: Table<AuditRow, number>;
  /** The workspace's people and roles, the policy and its lock (src/lib/store/people.ts, governance.ts). */
  people!: Table<PersonRow, string>;
  governance!: Table<GovernanceRow, string>;
  /** Workshop exercises installed from packs, by exercise id (src/lib/store/exercises.ts). */
  exercises!: Table<ExerciseRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

/**
 * Every schema the database has had, oldest first. A change appends one (never edits an old one), with an
 * `upgrade` when rows already stored must change. Kept as data so the upgrade tests can open a database
 * exactly as each earlier version of Sous left it (src/lib/store/upgrades.test.ts).
 */
export const SCHEMA_VERSIONS: ReadonlyArray<{ version: number; stores: Record<string, string>; upgrade?: (tx: Transaction) => Promise<void> }> = [
  {
    version: 1,
    stores: {
      recipes: 'id, updated_at',
      recipe_versions: '[recipe_id+version]',
      jobs: 'id, status, [recipe_id+started_at]',
      job_steps: '[job_id+path], [job_id+seq]',
      chat: 'id, at'
    }
  },
  // Version 2 adds connections (secrets sealed by the vault); nothing older changes, so no upgrade step.
  {
    version: 2,
    stores: {
      connections: 'id, connector',
      connection_bindings: '[recipe_id+ref], connection_id',
      vault: 'id'
    }
  },
  // Version 3 adds the sandbox apps' records (seeded on first use, see store/sandbox-store.ts).
  {
    version: 3,
    stores: {
      sandbox_vendors: 'id, name',
      sandbox_invoices: 'id, vendor_id, status',
      sandbox_purchase_orders: 'id, vendor_id',
      sandbox_employees: 'id, email',
      sandbox_leave: 'id, employee_id',
      sandbox_payslips: 'id, employee_id',
      sandbox_orders: 'id',
      sandbox_stock: 'id',
      sandbox_mail: 'id, received_at',
      sandbox_meta: 'id'
    }
  },
  // Version 4 adds lookup tables; new tables only, so no upgrade step.
  {
    version: 4,
    stores: {
      lookup_tables: 'id, name',
      // `keys`: one "table, column, value" key per cell (multi-entry), so a lookup reads only its matches.
      lookup_rows: 'id, [table_id+seq], *keys'
    }
  },
  // Version 5 adds imported connectors (OpenAPI documents).
  { version: 5, stores: { custom_connectors: 'id, [id+imported_at]' } },
  // Version 6 adds recorded replays of AI steps and the model settings; nothing older changes.
  { version: 6, stores: { ai_replays: 'key, recorded_at', ai_settings: 'key' } },
  // Version 7 adds agents and their conversations (`*agents`, `*jobs`: who is in one, and every job it
  // started or waits on, so an answered approval finds its conversations), and indexes jobs by
  // `parent_job` for the job page's tree; and the recipes offered to assistants over MCP. New tables and
  // an index only, so no upgrade step.
  {
    version: 7,
    stores: {
      jobs: 'id, status, [recipe_id+started_at], parent_job',
      agents: 'id, updated_at',
      conversations: 'id, kind, *agents, *jobs, updated_at',
      mcp_offers: 'recipe_id'
    }
  },
  // Version 8 makes recipes started or stopped (only started ones' triggers fire), and adds the trigger
  // queue's events, the schedules' last due times and what polled API events have seen. Before it, every
  // saved event or document recipe fired, so those are started at their newest version: nothing a person
  // relied on stops silently.
  {
    version: 8,
    stores: {
      recipe_states: 'recipe_id, state',
      trigger_events: 'event_id, state, seq, [recipe_id+seq]',
      schedule_marks: 'recipe_id',
      poll_cursors: 'key'
    },
    upgrade: (tx) => startFiringRecipes(tx)
  },
  // Version 9 adds governance (issue 15): the audit trail, the workspace's people, the policy and its lock,
  // and workshop exercises installed from packs. A version's optional `note` needs no index. New tables
  // only, so no upgrade step.
  {
    version: 9,
    stores: {
      audit: 'seq, at, action, actor.id, [target.kind+target.id]',
      people: 'id',
      governance: 'key',
      exercises: 'id, pack_id'
    }
  }
];

/** The v8 upgrade: recipes that fired on events before lifecycles existed are started at their newest version. */
async function startFiringRecipes(tx: Transaction): Promise<void> {
  const at = new Date().toISOString();
  const rows = (await tx.table('recipes').toArray()) as RecipeRow[];
  for (const row of rows) {
    const saved = (await tx.table('recipe_versions').get([row.id, row.version])) as RecipeVersionRow | undefined;
    const kind = saved?.recipe?.trigger?.kind;
    if (kind === 'event' || kind === 'document') {
      await tx.table('recipe_states').put({ recipe_id: row.id, state: 'started', active_version: row.version, changed_at: at } satisfies RecipeStateRow);
    }
  }
}
