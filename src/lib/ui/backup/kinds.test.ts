import { describe, expect, it } from 'vitest';
import { backedUpTables } from '../../backup';
import { countByKind, kindOf } from './kinds';

describe('the kinds a backup preview counts', () => {
  it.each([
    ['recipes', 'recipes'],
    ['recipe_versions', 'versions'],
    ['lookup_rows', 'rows'],
    ['chat', 'messages'],
    ['sandbox_mail', 'sandbox'],
    ['poll_cursors', 'other']
  ])('put the table %s under %s', (table, kind) => expect(kindOf(table)).toBe(kind));

  it('sum tables by kind, in the order shown, leaving out kinds with nothing', () => {
    expect(countByKind({ sandbox_vendors: 3, jobs: 2, sandbox_mail: 4, agents: 0, schedule_marks: 1, recipes: 1 })).toEqual([
      { kind: 'recipes', count: 1 },
      { kind: 'jobs', count: 2 },
      { kind: 'sandbox', count: 7 },
      { kind: 'other', count: 1 }
    ]);
    // Every table a backup holds is counted somewhere.
    const all = countByKind(Object.fromEntries(backedUpTables().map((t) => [t, 1])));
    expect(all.reduce((n, k) => n + k.count, 0)).toBe(backedUpTables().length);
  });
});
