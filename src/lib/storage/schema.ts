/**
 * What Sous remembers about its own storage outside IndexedDB (localStorage and a cookie), so that it can
 * tell a person when the browser cleared their work: typed by zod, since these are read back from places
 * anything else on the origin (or an older Sous) may have written.
 */
import { z } from 'zod';

/** How much real work the database holds, per kind: what a cleared warning names. */
export const WorkCountsSchema = z.object({
  recipes: z.number().int().min(0),
  jobs: z.number().int().min(0),
  tables: z.number().int().min(0),
  table_rows: z.number().int().min(0),
  connections: z.number().int().min(0),
  agents: z.number().int().min(0)
});
export type WorkCounts = z.infer<typeof WorkCountsSchema>;
export type WorkKind = keyof WorkCounts;
export const WORK_KINDS: readonly WorkKind[] = ['recipes', 'jobs', 'tables', 'table_rows', 'connections', 'agents'];

export const NO_WORK: WorkCounts = { recipes: 0, jobs: 0, tables: 0, table_rows: 0, connections: 0, agents: 0 };

export function totalWork(counts: WorkCounts): number {
  return WORK_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
}

export function sameCounts(a: WorkCounts, b: WorkCounts): boolean {
  return WORK_KINDS.every((kind) => a[kind] === b[kind]);
}

/**
 * The last time work was seen, and how much. `lineage` names the database it was counted in (a random id
 * kept inside IndexedDB): a database that lost it, or holds another, is not the one the marker saw.
 */
export const MarkerSchema = z.object({
  v: z.literal(1),
  lineage: z.string().min(1).max(64),
  at: z.iso.datetime(),
  counts: WorkCountsSchema
});
export type Marker = z.infer<typeof MarkerSchema>;

/** A clearing found and not yet dismissed: shown on every visit until the person dismisses it. */
export const ClearedNoticeSchema = z.object({
  /** When work was last seen before the clearing. */
  last_seen_at: z.iso.datetime(),
  counts: WorkCountsSchema,
  found_at: z.iso.datetime()
});
export type ClearedNotice = z.infer<typeof ClearedNoticeSchema>;

/** That Sous asked the browser to keep its data (once), and the answer. */
export const PersistAskSchema = z.object({ asked_at: z.iso.datetime(), kept: z.boolean() });
export type PersistAsk = z.infer<typeof PersistAskSchema>;
