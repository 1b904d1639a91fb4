/**
 * What `GET /room.json` answers (proxy/room.ts), shared by the server and the Room page; no Node imports.
 * `serving` is false where the local server runs but not for a room; `trainer` says the request came from
 * the machine that serves the room (or carried the room token), so the page shows the URL and QR code.
 */
import { z } from 'zod';

export const ROOM_INFO_PATH = '/room.json';
export const ROOM_PACK_PATH = '/room/pack.sous-pack.json';
export const ROOM_TOKEN_HEADER = 'x-sous-room-token';
/** How a trainer starts it, shown where the studio is not served to a room. */
export const ROOM_START_COMMAND = 'npm start -- --host 0.0.0.0 --pack FILE';

export const RoomInfoSchema = z.object({
  serving: z.boolean(),
  /** The room's address on each network this machine is on, e.g. `http://192.168.1.20:5177/room`. */
  urls: z.array(z.string().max(200)).max(32),
  /** The name of the pack served at ROOM_PACK_PATH, when one was given. */
  pack: z.string().max(200).optional(),
  trainer: z.boolean()
});
export type RoomInfo = z.infer<typeof RoomInfoSchema>;

export type RoomState = { kind: 'room'; info: RoomInfo } | { kind: 'not_served' };

/** Ask the server that served this page; anything but a valid answer (vite dev, a static host) is "not served". */
export async function loadRoomInfo(fetchFn: typeof fetch = (...args) => fetch(...args)): Promise<RoomState> {
  try {
    const answer = await fetchFn(ROOM_INFO_PATH, { headers: { accept: 'application/json' }, cache: 'no-store' });
    if (!answer.ok || !/json/.test(answer.headers.get('content-type') ?? '')) return { kind: 'not_served' };
    const parsed = RoomInfoSchema.safeParse(await answer.json());
    return parsed.success && parsed.data.serving ? { kind: 'room', info: parsed.data } : { kind: 'not_served' };
  } catch {
    return { kind: 'not_served' };
  }
}
