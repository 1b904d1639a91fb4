/**
 * The kinds of things a backup holds, as a person counts them: tables of the database grouped under the
 * words the studio uses (recipes, jobs, table rows…), for the restore preview and its report.
 */
export const KINDS = ['recipes', 'versions', 'jobs', 'steps', 'tables', 'rows', 'connections', 'agents', 'conversations', 'messages', 'connectors', 'sandbox', 'other'] as const;
export type Kind = (typeof KINDS)[number];

const BY_TABLE: Readonly<Record<string, Kind>> = {
  recipes: 'recipes',
  recipe_versions: 'versions',
  jobs: 'jobs',
  job_steps: 'steps',
  lookup_tables: 'tables',
  lookup_rows: 'rows',
  connections: 'connections',
  agents: 'agents',
  conversations: 'conversations',
  chat: 'messages',
  custom_connectors: 'connectors'
};

export function kindOf(table: string): Kind {
  return BY_TABLE[table] ?? (table.startsWith('sandbox_') ? 'sandbox' : 'other');
}

/** Row counts by table, summed by kind; kinds with none are left out. */
export function countByKind(counts: Readonly<Record<string, number>>): { kind: Kind; count: number }[] {
  const sums = new Map<Kind, number>();
  for (const [table, count] of Object.entries(counts)) sums.set(kindOf(table), (sums.get(kindOf(table)) ?? 0) + count);
  return KINDS.filter((kind) => (sums.get(kind) ?? 0) > 0).map((kind) => ({ kind, count: sums.get(kind)! }));
}
