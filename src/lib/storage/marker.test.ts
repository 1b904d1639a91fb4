// The browser's localStorage and document.cookie are in-memory fakes (./test-fakes); the marker code is real.
import { describe, expect, it } from 'vitest';
import { cookieValue, MARKER_COOKIE, MARKER_KEY, readMarker, writeMarker } from './marker';
import { MemoryCookieJar, MemoryKeyValue } from './test-fakes';
import { NO_WORK, type Marker } from './schema';

const older: Marker = { v: 1, lineage: 'L1', at: '2026-12-01T10:00:00.000Z', counts: { ...NO_WORK, recipes: 3, jobs: 12 } };
const newer: Marker = { v: 1, lineage: 'L1', at: '2026-12-05T10:00:00.000Z', counts: { ...NO_WORK, recipes: 4, jobs: 20 } };

function both() {
  return { local: new MemoryKeyValue(), cookies: new MemoryCookieJar() };
}

describe('the marker outside IndexedDB', () => {
  it('is written to localStorage and a cookie, and read back', () => {
    const edges = both();
    writeMarker(edges, older);
    expect(readMarker(edges)).toEqual(older);
    expect(JSON.parse(edges.local.getItem(MARKER_KEY)!)).toEqual(older);
    expect(JSON.parse(decodeURIComponent(cookieValue(edges.cookies.cookie, MARKER_COOKIE)!))).toEqual(older);
  });

  it.each([
    ['only the cookie is left (localStorage cleared)', (e: ReturnType<typeof both>) => e.local.map.clear(), older],
    ['only localStorage is left (cookies cleared)', (e: ReturnType<typeof both>) => e.cookies.jar.clear(), older],
    ['both are gone', (e: ReturnType<typeof both>) => (e.local.map.clear(), e.cookies.jar.clear()), null]
  ])('survives when %s', (_name, clear, expected) => {
    const edges = both();
    writeMarker(edges, older);
    clear(edges);
    expect(readMarker(edges)).toEqual(expected);
  });

  it('takes the newer copy when the two differ', () => {
    const edges = both();
    writeMarker(edges, older);
    edges.local.setItem(MARKER_KEY, JSON.stringify(newer));
    expect(readMarker(edges)).toEqual(newer);
    writeMarker(edges, older);
    edges.cookies.cookie = `${MARKER_COOKIE}=${encodeURIComponent(JSON.stringify(newer))}`;
    expect(readMarker(edges)).toEqual(newer);
  });

  it.each([
    ['not JSON', '{nope'],
    ['another shape', JSON.stringify({ v: 2, at: 'yesterday' })],
    ['negative counts', JSON.stringify({ ...older, counts: { ...older.counts, jobs: -1 } })]
  ])('ignores a copy that is %s', (_name, text) => {
    const edges = both();
    edges.local.setItem(MARKER_KEY, text);
    edges.cookies.cookie = `${MARKER_COOKIE}=%E0%A4%A`; // a broken percent-encoding
    expect(readMarker(edges)).toBeNull();
  });

  it('finds its cookie among others', () => {
    expect(cookieValue('a=1; sous_marker=xyz; b=2', 'sous_marker')).toBe('xyz');
    expect(cookieValue('xsous_marker=1', 'sous_marker')).toBeUndefined();
  });

  it('works with no storage at all', () => {
    expect(() => writeMarker({}, older)).not.toThrow();
    expect(readMarker({})).toBeNull();
  });
});
