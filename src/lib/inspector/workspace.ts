/**
 * What exists in this browser's workspace, for the inspector's choices and samples: chat channels, the
 * sandbox HR app's people and roles, the lookup tables. Reads only (the sandbox app is seeded on first use,
 * as its page would). Outside the app shell (no database in context) there is nothing to offer.
 */
import { dexieSandboxStores } from '../store/sandbox-apps';
import type { SousDb } from '../store/db';
import { chatChannels } from '../store/job-queries';
import { getDb } from '../ui/db-context';
import type { Workspace } from './choices';

/** The database in context; call during a component's initialisation. */
export function workspaceDb(): SousDb | undefined {
  try {
    return getDb();
  } catch {
    return undefined;
  }
}

export function workspaceStores(db = workspaceDb()) {
  return db ? dexieSandboxStores(db) : undefined;
}

export async function loadWorkspace(db: SousDb): Promise<Workspace> {
  const [channels, employees, tables] = await Promise.all([
    chatChannels(db).catch(() => []),
    dexieSandboxStores(db)
      .hr.list('employees')
      .catch(() => []),
    db.lookup_tables.toArray().catch(() => [])
  ]);
  const departments = employees.map((e) => e.department.toLowerCase()).filter((d) => /^[a-z0-9_.-]+$/.test(d));
  return {
    channels: [...channels.map((c) => c.channel), ...departments],
    people: employees.map((e) => ({ name: e.name, email: e.email })),
    roles: departments,
    tables: tables.map((table) => table.name)
  };
}
