// Pure decisions, no browser edge involved; localStorage is an in-memory fake (./test-fakes).
import { describe, expect, it } from 'vitest';
import { dismissClearedNotice, noticeFrom, readClearedNotice, saveClearedNotice, wasCleared } from './cleared';
import { MemoryKeyValue } from './test-fakes';
import { NO_WORK, type Marker } from './schema';

const withWork: Marker = { v: 1, lineage: 'L1', at: '2026-12-01T10:00:00.000Z', counts: { ...NO_WORK, recipes: 3, jobs: 12 } };
const empty: Marker = { ...withWork, counts: NO_WORK };

describe('was storage cleared since the last visit', () => {
  it.each([
    ['no marker (a first visit, or an older Sous)', null, { id: 'L1', created: true }, false],
    ['a marker of no work, new database', empty, { id: 'L2', created: true }, false],
    ['work seen, the same database', withWork, { id: 'L1', created: false }, false],
    ['work seen, the database is new', withWork, { id: 'L2', created: true }, true],
    ['work seen, another database', withWork, { id: 'L2', created: false }, true]
  ])('%s: %s', (_name, marker, lineage, expected) => {
    expect(wasCleared(marker, lineage)).toBe(expected);
  });

  it('keeps the notice until it is dismissed', () => {
    const local = new MemoryKeyValue();
    const notice = noticeFrom(withWork, Date.parse('2026-12-07T09:00:00.000Z'));
    expect(notice).toEqual({ last_seen_at: withWork.at, counts: withWork.counts, found_at: '2026-12-07T09:00:00.000Z' });
    saveClearedNotice(local, notice);
    expect(readClearedNotice(local)).toEqual(notice);
    dismissClearedNotice(local);
    expect(readClearedNotice(local)).toBeNull();
    local.setItem('sous.storage.cleared', '{"not":"a notice"}');
    expect(readClearedNotice(local)).toBeNull();
  });
});
