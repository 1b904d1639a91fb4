/**
 * Which audit entries the page shows: by action, person, recipe, a date range and free text. Pure, so the
 * page's list and its CSV export apply the very same filter.
 */
import { z } from 'zod';
import { AuditActionSchema, type AuditRow } from './schema';

export const AuditFilterSchema = z.object({
  action: AuditActionSchema.or(z.literal('')).default(''),
  /** An actor's id. */
  person: z.string().default(''),
  /** A recipe's id: its own entries and the jobs run from it. */
  recipe: z.string().default(''),
  /** yyyy-mm-dd, inclusive, in UTC. */
  from: z.string().default(''),
  to: z.string().default(''),
  text: z.string().default('')
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const NO_FILTER: AuditFilter = AuditFilterSchema.parse({});

function haystack(row: AuditRow): string {
  return [row.action, row.actor.name, row.target.kind, row.target.id, row.target.job ?? '', ...Object.entries(row.detail).map(([k, v]) => `${k} ${v ?? ''}`)]
    .join(' ')
    .toLowerCase();
}

export function matchesFilter(row: AuditRow, filter: AuditFilter): boolean {
  if (filter.action && row.action !== filter.action) return false;
  if (filter.person && row.actor.id !== filter.person) return false;
  if (filter.recipe && !(row.target.kind === 'recipe' && row.target.id === filter.recipe) && row.detail.recipe_id !== filter.recipe) return false;
  const day = row.at.slice(0, 10);
  if (filter.from && day < filter.from) return false;
  if (filter.to && day > filter.to) return false;
  const text = filter.text.trim().toLowerCase();
  if (text && !haystack(row).includes(text)) return false;
  return true;
}

/** The matching entries, newest first. */
export function filterAudit(rows: readonly AuditRow[], filter: AuditFilter): AuditRow[] {
  return rows.filter((r) => matchesFilter(r, filter)).sort((a, b) => b.seq - a.seq);
}
