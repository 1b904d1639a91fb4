/**
 * Which tables of the studio's database a backup holds, how each row is checked on the way back in, and
 * each table's primary key (read from SCHEMA_VERSIONS, so a new schema version cannot drift from it).
 *
 * Every table holds a person's work or a choice they made, so every table is backed up but one:
 * - `vault`: its salt, check value or non-extractable device key belong to this browser; restored
 *   elsewhere it would only lock the connections (and a device key cannot leave the browser anyway).
 * Connections are kept without their sealed secrets (see write.ts): sealed under this browser's vault
 * key, they open nowhere else, and a secret must never leave the machine in a file.
 * Trigger events, schedule marks and poll cursors are kept too: without them a restore would re-fire a
 * schedule's last due time or every item a polled API already started a job for.
 */
import { z } from 'zod';
import {
  ConnectionBindingRowSchema,
  ConnectionRowSchema,
  JobRowSchema,
  RecipeRowSchema,
  RecipeStateRowSchema,
  RecipeVersionRowSchema,
  SCHEMA_VERSIONS,
  ExerciseRowSchema,
  StepRowSchema
} from '../store/db';
import { ChatMessageSchema } from '../connectors/chat';
import { InvoiceSchema, PurchaseOrderSchema, VendorSchema } from '../connectors/sandbox/erp-schemas';
import { EmployeeSchema, LeaveSchema, PayslipSchema } from '../connectors/sandbox/hr-schemas';
import { OrderSchema, StockSchema } from '../connectors/sandbox/orders-schemas';
import { StoredMailSchema } from '../connectors/sandbox/mail-schemas';
import { TableDefSchema, TableRowSchema } from '../connectors/tables/schema';
import { CustomConnectorRowSchema } from '../store/custom-connectors';
import { ReplayEntrySchema } from '../ai/replay/replay-store';
import { AgentRowSchema } from '../store/agents';
import { ConversationRowSchema } from '../store/conversations';
import { AuditRowSchema } from '../audit/schema';

/** Tables never written to a backup, with the reason (shown by tests and the README). */
export const LEFT_OUT: Readonly<Record<string, string>> = {
  vault: "this browser's own key for the connection secrets; it opens nothing elsewhere",
  people: "who may do what on this machine, with their PINs' hashes: a restore elsewhere must not bring an admin in",
  governance: "this machine's policy lock and who is using it now: a restore must not unlock or change either"
};

const TriggerEventRowSchema = z.object({
  event_id: z.string(),
  recipe_id: z.string(),
  seq: z.number(),
  state: z.enum(['pending', 'started', 'finished', 'skipped']),
  accepted_at: z.string(),
  skipped: z.number(),
  event: z.object({}).loose()
});

/**
 * How a row of each backed-up table is checked before it is written. A row is written as it is in the file
 * (not as parsed), so fields a schema does not name (a lookup row's index keys) come back too.
 */
export const ROW_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  recipes: RecipeRowSchema,
  recipe_versions: RecipeVersionRowSchema,
  recipe_states: RecipeStateRowSchema,
  jobs: JobRowSchema,
  job_steps: StepRowSchema,
  chat: ChatMessageSchema,
  connections: ConnectionRowSchema,
  connection_bindings: ConnectionBindingRowSchema,
  sandbox_vendors: VendorSchema,
  sandbox_invoices: InvoiceSchema,
  sandbox_purchase_orders: PurchaseOrderSchema,
  sandbox_employees: EmployeeSchema,
  sandbox_leave: LeaveSchema,
  sandbox_payslips: PayslipSchema,
  sandbox_orders: OrderSchema,
  sandbox_stock: StockSchema,
  sandbox_mail: StoredMailSchema,
  sandbox_meta: z.object({ id: z.string(), value: z.unknown() }),
  lookup_tables: TableDefSchema,
  lookup_rows: TableRowSchema,
  custom_connectors: CustomConnectorRowSchema,
  ai_replays: ReplayEntrySchema,
  ai_settings: z.object({ key: z.enum(['base_url', 'active_model']), value: z.string() }),
  agents: AgentRowSchema,
  conversations: ConversationRowSchema,
  mcp_offers: z.object({ recipe_id: z.string(), offered_at: z.string() }),
  trigger_events: TriggerEventRowSchema,
  schedule_marks: z.object({ recipe_id: z.string(), last_due: z.string() }),
  poll_cursors: z.object({ key: z.string(), seen: z.array(z.string()), primed_at: z.string() }),
  audit: AuditRowSchema,
  exercises: ExerciseRowSchema
};

/** The newest schema version, the one this Sous opens its database at. */
export const LATEST_SCHEMA = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;

/** Each table's primary key path as of schema `version`: `id`, or `['recipe_id', 'version']` for `[recipe_id+version]`. */
export function primaryKeys(version = LATEST_SCHEMA): Map<string, string | string[]> {
  const keys = new Map<string, string | string[]>();
  for (const schema of SCHEMA_VERSIONS) {
    if (schema.version > version) break;
    for (const [table, spec] of Object.entries(schema.stores)) {
      const first = spec.split(',')[0].trim();
      keys.set(table, first.startsWith('[') ? first.slice(1, -1).split('+') : first);
    }
  }
  return keys;
}

/** The tables a backup of schema `version` may hold, in the order they are written. */
export function backedUpTables(version = LATEST_SCHEMA): string[] {
  return [...primaryKeys(version).keys()].filter((table) => !(table in LEFT_OUT));
}
