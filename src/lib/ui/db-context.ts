/**
 * The studio's database handle for reading (live queries), shared like the engine client: one per tab,
 * opened by the app shell. Everything that runs a job writes through the worker, not through this.
 */
import { createContext } from 'svelte';
import type { SousDb } from '../store/db';

const [getDbContext, setDbContext, hasDbContext] = createContext<SousDb>();

/** The database the app shell opened; call it during a component's initialisation. */
export function getDb(): SousDb {
  if (!hasDbContext()) throw new Error('getDb() was called outside the app shell, which opens the database');
  return getDbContext();
}

export function provideDb(db: SousDb): SousDb {
  return setDbContext(db);
}
