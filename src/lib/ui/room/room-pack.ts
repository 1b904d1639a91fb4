/**
 * Fetching the pack the room serves (`/room/pack.sous-pack.json`, proxy/room.ts) from the server that
 * served this page, for the Packs page's import preview. Only its text comes back: the pack is read by
 * the same parser as a dropped file.
 */
import { MAX_PACK_BYTES } from '../../packs/schema';
import { ROOM_PACK_PATH } from './room-info';

export type RoomPack = { kind: 'text'; text: string } | { kind: 'none' } | { kind: 'failed'; error: string };

export async function fetchRoomPack(fetchFn: typeof fetch = (...args) => fetch(...args)): Promise<RoomPack> {
  let answer: Response;
  try {
    answer = await fetchFn(ROOM_PACK_PATH, { headers: { accept: 'application/json' }, cache: 'no-store' });
  } catch (err) {
    return { kind: 'failed', error: err instanceof Error ? err.message : String(err) };
  }
  // A server that is no room (vite, a static host) answers its index page in place of a missing file.
  if (answer.status === 404 || /html/.test(answer.headers.get('content-type') ?? '')) return { kind: 'none' };
  if (!answer.ok) return { kind: 'failed', error: `HTTP ${answer.status}` };
  const size = Number(answer.headers.get('content-length') ?? '0');
  if (size > MAX_PACK_BYTES) return { kind: 'failed', error: `larger than ${MAX_PACK_BYTES / 1024 / 1024} MB` };
  try {
    return { kind: 'text', text: await answer.text() };
  } catch (err) {
    return { kind: 'failed', error: err instanceof Error ? err.message : String(err) };
  }
}
