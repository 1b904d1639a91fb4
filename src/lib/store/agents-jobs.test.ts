// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ancestorsOf, flattenFamily, jobFamily } from './agents-jobs';
import { freshDb } from './test-db';
import type { JobRow, SousDb } from './db';

let db: SousDb;
afterEach(() => db?.delete());

const job = (id: string, parent: string | null, at: string, extra: Partial<JobRow> = {}): JobRow => ({
  id,
  recipe_id: `r-${id}`,
  recipe_version: 1,
  status: 'succeeded',
  trigger: {},
  started_at: `2030-01-01T00:00:0${at}.000Z`,
  finished_at: null,
  parent_job: parent,
  ...extra
});

describe('a job family', () => {
  it('is the same tree from any of its jobs: first ancestor down, children oldest first', async () => {
    db = freshDb();
    await db.jobs.bulkPut([
      job('root', null, '0', { agent: 'desk' }),
      job('b', 'root', '2', { agent: 'stock-genie', handed_by: 'desk' }),
      job('a', 'root', '1', { agent: 'orders-genie', handed_by: 'desk' }),
      job('a1', 'a', '3'),
      job('other', null, '4')
    ]);
    for (const from of ['root', 'a', 'a1', 'b']) {
      const tree = await jobFamily(db, from);
      expect(flattenFamily(tree!).map((j) => j.id)).toEqual(['root', 'a', 'a1', 'b']);
    }
    expect(flattenFamily((await jobFamily(db, 'other'))!).map((j) => j.id)).toEqual(['other']);
    expect(await jobFamily(db, 'nope')).toBeUndefined();
    expect((await ancestorsOf(db, (await db.jobs.get('a1'))!)).map((j) => j.id)).toEqual(['a', 'root']);
  });

  it('ends at a loop of parents instead of going round it', async () => {
    db = freshDb();
    await db.jobs.bulkPut([job('x', 'y', '0'), job('y', 'x', '1')]);
    expect((await ancestorsOf(db, (await db.jobs.get('x'))!)).map((j) => j.id)).toEqual(['y']);
    expect(flattenFamily((await jobFamily(db, 'x'))!).map((j) => j.id)).toEqual(['y', 'x']);
  });
});
