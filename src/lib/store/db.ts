/**
 * The studio's IndexedDB database, `sous`. Row types are derived from the zod schemas of the recipe format
 * and the chat connector, so a row can never drift from what the engine writes.
 *
 * A schema change adds a `this.version(n + 1).stores(...)` below the last one (never edits an old one),
 * with an `.upgrade()` that calls the same named migration the file import uses.
 */
import { Dexie, type Table } from 'dexie';
import { z } from 'zod';
import { JobSchema, RecipeSchema, SlugSchema, StepRecordSchema } from '../recipe';
import { ChatMessageSchema } from '../connectors/chat';
import { SealedSchema } from '../connections/vault-crypto';
import type { VaultRecord } from '../connections/vault';
import type { ReplayEntry } from '../ai/replay/replay-store';

export const DB_NAME = 'sous';

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
  saved_at: z.string()
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

/** One setting of the on-device model (its base URL, the active model), readable from the page and workers. */
export interface AiSettingRow {
  key: 'base_url' | 'active_model';
  value: string;
}

export class SousDb extends Dexie {
  recipes!: Table<RecipeRow, string>;
  recipe_versions!: Table<RecipeVersionRow, [string, number]>;
  jobs!: Table<JobRow, string>;
  job_steps!: Table<StepRow, [string, string]>;
  chat!: Table<ChatRow, string>;
  connections!: Table<ConnectionRow, string>;
  connection_bindings!: Table<ConnectionBindingRow, [string, string]>;
  vault!: Table<VaultRow, string>;
  ai_replays!: Table<ReplayEntry, string>;
  ai_settings!: Table<AiSettingRow, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      recipes: 'id, updated_at',
      recipe_versions: '[recipe_id+version]',
      jobs: 'id, status, [recipe_id+started_at]',
      job_steps: '[job_id+path], [job_id+seq]',
      chat: 'id, at'
    });
    // Version 2 adds connections (secrets sealed by the vault); nothing older changes, so no upgrade step.
    this.version(2).stores({
      connections: 'id, connector',
      connection_bindings: '[recipe_id+ref], connection_id',
      vault: 'id'
    });
    // Version 6 (the ai branch) adds recorded replays of AI steps and the model settings; nothing older changes.
    this.version(6).stores({
      ai_replays: 'key, recorded_at',
      ai_settings: 'key'
    });
  }
}
