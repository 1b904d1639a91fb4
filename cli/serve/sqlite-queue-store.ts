/**
 * The trigger queue's QueueStore over SQLite, so an accepted webhook is on disk before its 202 and ids already
 * seen stay seen across a restart (`event_id PRIMARY KEY`, `INSERT OR IGNORE`, an autoincrement order column,
 * as src/lib/triggers/queue/types.ts suggests). Also the last due time of each schedule, for the catch-up run.
 */
import type Database from 'better-sqlite3';
import type { QueueEntry, QueueEntryPatch, QueueEntryState, QueueStore } from '../../src/lib/triggers/queue';

export class SqliteQueueStore implements QueueStore {
  private readonly statements;

  constructor(db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS queue (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS queue_state ON queue (state, seq);
      CREATE TABLE IF NOT EXISTS schedule_marks (recipe_id TEXT PRIMARY KEY, last_due TEXT NOT NULL);
    `);
    this.statements = {
      put: db.prepare('INSERT OR IGNORE INTO queue (event_id, state, data) VALUES (?, ?, ?)'),
      get: db.prepare<[string], { data: string }>('SELECT data FROM queue WHERE event_id = ?'),
      set: db.prepare('UPDATE queue SET state = ?, data = ? WHERE event_id = ?'),
      list: db.prepare<[string], { data: string }>('SELECT data FROM queue WHERE state = ? ORDER BY seq'),
      lastDue: db.prepare<[string], { last_due: string }>('SELECT last_due FROM schedule_marks WHERE recipe_id = ?'),
      markDue: db.prepare(
        'INSERT INTO schedule_marks (recipe_id, last_due) VALUES (?, ?) ON CONFLICT (recipe_id) DO UPDATE SET last_due = excluded.last_due'
      )
    };
    const update = db.transaction((eventId: string, patch: QueueEntryPatch) => {
      const row = this.statements.get.get(eventId);
      if (!row) throw new Error(`the queue has no event ${eventId}`);
      const next: QueueEntry = { ...(JSON.parse(row.data) as QueueEntry), ...patch };
      this.statements.set.run(next.state, JSON.stringify(next), eventId);
    });
    this.update = async (eventId, patch) => update(eventId, patch);
  }

  async put(entry: QueueEntry): Promise<boolean> {
    return this.statements.put.run(entry.event.event_id, entry.state, JSON.stringify(entry)).changes === 1;
  }

  async get(eventId: string): Promise<QueueEntry | undefined> {
    const row = this.statements.get.get(eventId);
    return row ? (JSON.parse(row.data) as QueueEntry) : undefined;
  }

  update: QueueStore['update'];

  async list(state: QueueEntryState): Promise<QueueEntry[]> {
    return this.statements.list.all(state).map((row) => JSON.parse(row.data) as QueueEntry);
  }

  /** When the recipe's schedule was last due (fired or caught up), or null when it never was. */
  lastDue(recipeId: string): Date | null {
    const row = this.statements.lastDue.get(recipeId);
    return row ? new Date(row.last_due) : null;
  }

  markDue(recipeId: string, due: Date): void {
    this.statements.markDue.run(recipeId, due.toISOString());
  }
}
