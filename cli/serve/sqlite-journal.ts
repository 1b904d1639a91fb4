/**
 * The engine's Journal port over SQLite (better-sqlite3), so `sous serve` keeps its jobs across a kill and a
 * restart. One row per job and one per step record (keyed by job id and record path, as the port asks);
 * each row keeps the record as JSON next to the columns queries need. WAL mode; `sous serve` opens it with
 * `synchronous = NORMAL` (see `openDatabase`): a write the engine has awaited survives a kill of the process.
 */
import Database from 'better-sqlite3';
import type { Journal } from '../../src/lib/engine';
import type { Job, StepRecord } from '../../src/lib/recipe';


type JobFields = Omit<Job, 'steps'>;

export interface JobQuery {
  limit: number;
  recipe?: string;
}

export class SqliteJournal implements Journal {
  private readonly db: Database.Database;
  private readonly statements;

  /** On an open database (see `openDatabase`); a path opens its own. */
  constructor(db: Database.Database | string) {
    this.db = typeof db === 'string' ? openDatabase(db) : db;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS jobs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        recipe_id TEXT NOT NULL,
        status TEXT NOT NULL,
        started_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS jobs_recipe ON jobs (recipe_id, started_at);
      CREATE INDEX IF NOT EXISTS jobs_started ON jobs (started_at);
      CREATE TABLE IF NOT EXISTS steps (
        job_id TEXT NOT NULL,
        path TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (job_id, path)
      );
    `);
    this.statements = {
      insertJob: this.db.prepare('INSERT INTO jobs (id, recipe_id, status, started_at, data) VALUES (?, ?, ?, ?, ?)'),
      getJob: this.db.prepare<[string], { data: string }>('SELECT data FROM jobs WHERE id = ?'),
      setJob: this.db.prepare('UPDATE jobs SET recipe_id = ?, status = ?, started_at = ?, data = ? WHERE id = ?'),
      // A replaced record keeps its first position, as a Map's set does (MemoryJournal).
      putStep: this.db.prepare(
        `INSERT INTO steps (job_id, path, seq, data)
         VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM steps WHERE job_id = ?), ?)
         ON CONFLICT (job_id, path) DO UPDATE SET data = excluded.data`
      ),
      steps: this.db.prepare<[string], { data: string }>('SELECT data FROM steps WHERE job_id = ? ORDER BY seq'),
      list: this.db.prepare<[number], { id: string }>('SELECT id FROM jobs ORDER BY started_at DESC, seq DESC LIMIT ?'),
      listRecipe: this.db.prepare<[string, number], { id: string }>(
        'SELECT id FROM jobs WHERE recipe_id = ? ORDER BY started_at DESC, seq DESC LIMIT ?'
      ),
      unfinished: this.db.prepare<[], { id: string }>("SELECT id FROM jobs WHERE status IN ('queued', 'running') ORDER BY seq")
    };
  }

  async createJob(job: Job): Promise<void> {
    const { steps, ...fields } = job;
    this.db.transaction(() => {
      this.statements.insertJob.run(job.id, fields.recipe_id, fields.status, fields.started_at, JSON.stringify(fields));
      for (const record of steps) this.statements.putStep.run(job.id, record.path, job.id, JSON.stringify(record));
    })();
  }

  async updateJob(id: string, patch: Partial<Omit<Job, 'id' | 'steps'>>): Promise<void> {
    this.db.transaction(() => {
      const row = this.statements.getJob.get(id);
      if (!row) throw new Error(`no job ${id}`);
      const next: JobFields = { ...(JSON.parse(row.data) as JobFields), ...patch };
      this.statements.setJob.run(next.recipe_id, next.status, next.started_at, JSON.stringify(next), id);
    })();
  }

  async putStep(jobId: string, record: StepRecord): Promise<void> {
    if (!this.statements.getJob.get(jobId)) throw new Error(`no job ${jobId}`);
    this.statements.putStep.run(jobId, record.path, jobId, JSON.stringify(record));
  }

  async loadJob(id: string): Promise<Job | undefined> {
    const row = this.statements.getJob.get(id);
    if (!row) return undefined;
    const steps = this.statements.steps.all(id).map((s) => JSON.parse(s.data) as StepRecord);
    return { ...(JSON.parse(row.data) as JobFields), steps };
  }

  /** Full jobs, newest first (by start time, then by creation). */
  async listJobs(query: JobQuery): Promise<Job[]> {
    const rows = query.recipe === undefined ? this.statements.list.all(query.limit) : this.statements.listRecipe.all(query.recipe, query.limit);
    return this.loadAll(rows);
  }

  /** Jobs a kill left `queued` or `running`, oldest first. */
  async unfinishedJobs(): Promise<Job[]> {
    return this.loadAll(this.statements.unfinished.all());
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private async loadAll(rows: { id: string }[]): Promise<Job[]> {
    const jobs: Job[] = [];
    for (const { id } of rows) {
      const job = await this.loadJob(id);
      if (job) jobs.push(job);
    }
    return jobs;
  }
}

/**
 * A SQLite file in WAL mode, with full syncs unless told otherwise. `NORMAL` (no fsync per commit) is for
 * the job journal's many small writes: in WAL mode it is still safe across a process kill (SIGKILL), and
 * only a power loss may roll back its last commits (a step then runs again); the next FULL commit on the
 * same file (the queue's) makes everything before it durable too.
 */
export function openDatabase(file: string, synchronous: 'FULL' | 'NORMAL' = 'FULL'): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('busy_timeout = 5000');
  return db;
}
