/**
 * The marker: when work was last seen and how much, kept in localStorage AND a first-party cookie, outside
 * IndexedDB, because the browser's eviction of IndexedDB leaves both, and clearing some site data leaves one.
 * Read back, the newer of the two valid copies wins.
 */
import { quietly, type CookieJar, type KeyValue, type StorageEdges } from './edges';
import { MarkerSchema, type Marker } from './schema';

export const MARKER_KEY = 'sous.storage.marker';
export const MARKER_COOKIE = 'sous_marker';
/** Chromium caps a cookie's life at 400 days; a visit writes it again. */
const COOKIE_MAX_AGE_S = 400 * 24 * 3600;

export function readMarker(edges: Pick<StorageEdges, 'local' | 'cookies'>): Marker | null {
  const copies = [fromLocal(edges.local), fromCookie(edges.cookies)].filter((m): m is Marker => m !== null);
  if (copies.length === 0) return null;
  return copies.reduce((newest, m) => (Date.parse(m.at) > Date.parse(newest.at) ? m : newest));
}

export function writeMarker(edges: Pick<StorageEdges, 'local' | 'cookies'>, marker: Marker): void {
  const text = JSON.stringify(marker);
  if (edges.local) quietly(() => edges.local!.setItem(MARKER_KEY, text));
  if (edges.cookies) {
    quietly(() => (edges.cookies!.cookie = `${MARKER_COOKIE}=${encodeURIComponent(text)}; Max-Age=${COOKIE_MAX_AGE_S}; Path=/; SameSite=Strict`));
  }
}

function parse(text: string | null | undefined): Marker | null {
  if (!text) return null;
  try {
    const got = MarkerSchema.safeParse(JSON.parse(text));
    return got.success ? got.data : null;
  } catch {
    return null;
  }
}

function fromLocal(local: KeyValue | undefined): Marker | null {
  if (!local) return null;
  try {
    return parse(local.getItem(MARKER_KEY));
  } catch {
    return null;
  }
}

function fromCookie(jar: CookieJar | undefined): Marker | null {
  if (!jar) return null;
  const value = cookieValue(jar.cookie, MARKER_COOKIE);
  if (value === undefined) return null;
  try {
    return parse(decodeURIComponent(value));
  } catch {
    return null;
  }
}

/** One cookie's value from `document.cookie`'s `a=1; b=2`. */
export function cookieValue(all: string, name: string): string | undefined {
  for (const pair of all.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}
