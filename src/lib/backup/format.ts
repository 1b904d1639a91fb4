/**
 * The backup file: one JSON object holding every row of the studio's database that a person's work lives
 * in (tables.ts says which), with the schema version the rows are in, so a later Sous can bring them up
 * through the same migrations its database uses.
 *
 *   { "format": "sous-backup", "version": 1, "schema": 8, "created_at": "2026-12-07T12:00:00.000Z",
 *     "tables": { "recipes": [ … ], "jobs": [ … ], … } }
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'sous-backup';
/** The version of the file's envelope (not of the rows: that is `schema`). */
export const BACKUP_VERSION = 1;

/** A connection in a backup carries this instead of its sealed secrets. */
export const SECRETS_LEFT_OUT = 'left-out';

export const BackupEnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** The database schema version (db.ts SCHEMA_VERSIONS) the rows were read at. */
  schema: z.number().int().min(1),
  created_at: z.iso.datetime(),
  app_version: z.string().max(100).optional(),
  tables: z.record(z.string(), z.array(z.unknown()))
});
export type BackupEnvelope = z.infer<typeof BackupEnvelopeSchema>;

/** How many rows of each table, and which connections come without their secrets. */
export interface BackupSummary {
  created_at: string;
  schema: number;
  counts: Record<string, number>;
  /** The connections whose secrets must be entered again after a restore. */
  needs_secrets: { id: string; label: string; connector: string }[];
}

/** Progress of a long read or write: rows done of rows in all. */
export type Progress = (done: number, total: number) => void;

/** `sous-backup-2026-12-07.json`, by the local date. */
export function backupFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `sous-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
