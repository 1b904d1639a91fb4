/**
 * A pack (`NAME.sous-pack.json`, docs/pack-format.md): everything a scenario needs in one file. The
 * recipes and agents inside are whole files of their own formats, checked by their own parsers
 * (parse.ts); this schema holds the pack's own keys, in the order an export writes them.
 */
import { z } from 'zod';
import { SlugSchema } from '../recipe';
import { ColumnSchema, RowValuesSchema, TableNameSchema } from '../connectors/tables/schema';
import { ExerciseSchema } from '../exercises/schema';

export const PACK_FORMAT = 'sous.pack/v1';
/** Seed data and tables make packs larger than a recipe file may be. */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;

export const PackTableSchema = z.strictObject({
  name: TableNameSchema,
  columns: z.array(ColumnSchema).min(1).max(200),
  rows: z.array(RowValuesSchema).max(100_000).default([])
});
export type PackTable = z.infer<typeof PackTableSchema>;

export const SANDBOX_APPS = ['erp', 'hr', 'orders', 'mail'] as const;
export type SandboxApp = (typeof SANDBOX_APPS)[number];

const SeedRecordSchema = z.looseObject({ id: z.string().min(1).max(200) });
/** By app, its collections' records; an app named here starts from these instead of its own seed. */
export const PackSandboxSchema = z.partialRecord(z.enum(SANDBOX_APPS), z.record(z.string().min(1).max(100), z.array(SeedRecordSchema).max(100_000)));
export type PackSandbox = z.infer<typeof PackSandboxSchema>;

/** The pack's own keys; `recipes`, `agents` and `policy` are read by their formats' parsers after it. */
export const PackFileSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  id: SlugSchema,
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
  recipes: z.array(z.unknown()).max(1000).optional(),
  agents: z.array(z.unknown()).max(200).optional(),
  tables: z.array(PackTableSchema).max(200).optional(),
  sandbox: PackSandboxSchema.optional(),
  exercises: z.array(ExerciseSchema).max(200).optional(),
  policy: z.unknown().optional(),
  meta: z.record(z.string(), z.unknown()).optional()
});
