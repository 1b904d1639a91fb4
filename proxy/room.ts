/**
 * Serving the room (issue 15, workshops): `--host 0.0.0.0 [--pack FILE]` lets a room of laptops load the
 * studio, the pack and the model files from the trainer's. The room is read-only: a peer that is not this
 * machine may only GET or HEAD the studio's files, `/room.json`, the pack and `/models/`; the proxy, its
 * settings, MCP, webhooks and the token routes are refused (`room_read_only`) unless the request carries
 * the room token, made at each start and printed for the trainer only. Without that rule any participant
 * could drive the trainer's proxy into the trainer's network, or read the tokens meant for the studio.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { parsePackText } from '../src/lib/packs';
import { ROOM_INFO_PATH, ROOM_PACK_PATH, ROOM_TOKEN_HEADER, type RoomInfo } from '../src/lib/ui/room/room-info';
import { errorBody } from './errors';
import { replyJson } from './json-reply';
import { tokenMatches } from './token';

export interface RoomPack {
  name: string;
  /** The file's bytes as given, served as they are. */
  text: string;
}

export interface RoomOptions {
  /** IPv4 addresses the room reaches this machine at; default: every non-internal one. */
  addresses?: readonly string[];
  pack?: RoomPack;
  /** Fixed for tests; else a fresh one for this start. */
  token?: string;
  /** Whether a request comes from a participant's machine; default: its peer is not a loopback address. */
  isRoomClient?: (req: IncomingMessage) => boolean;
}

export interface Room {
  urls: string[];
  token: string;
  /** Whether this request comes from the room without the room token. */
  readOnly(req: IncomingMessage): boolean;
  /** Refuse what a read-only request may not do; true when it was refused. */
  refuse(req: IncomingMessage, res: ServerResponse): boolean;
  /** Answer /room.json and the pack; false when the path is neither. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

/** The machine's own IPv4 addresses on its networks, in the order the system lists them. */
export function roomAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

export function isLoopbackPeer(req: IncomingMessage): boolean {
  const peer = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  return peer === '::1' || peer.startsWith('127.');
}

/** Read and check the pack at start, so a broken file stops the server instead of the room's imports. */
export async function loadRoomPack(file: string): Promise<{ ok: true; pack: RoomPack } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { ok: false, message: `--pack ${file}: ${err instanceof Error ? err.message : err}` };
  }
  const parsed = parsePackText(text);
  if (!parsed.ok) return { ok: false, message: `--pack ${file} is not a valid pack:\n${parsed.issues.slice(0, 10).map((i) => `  ${i.path || '(file)'}: ${i.message}`).join('\n')}` };
  return { ok: true, pack: { name: parsed.pack.name, text } };
}

/** The server's own routes a room may never use without the token, whatever the method. */
const SERVICE_ROUTE = /^\/(proxy|mcp|hooks)(\/|-|$)/;

export function createRoom(options: RoomOptions, port: number): Room {
  const token = options.token ?? randomBytes(18).toString('base64url');
  const isRoomClient = options.isRoomClient ?? ((req: IncomingMessage) => !isLoopbackPeer(req));
  const urls = (options.addresses ?? roomAddresses()).map((a) => `http://${a.includes(':') ? `[${a}]` : a}:${port}/room`);
  const readOnly = (req: IncomingMessage) => isRoomClient(req) && !tokenMatches(token, req.headers[ROOM_TOKEN_HEADER]);

  function refuse(req: IncomingMessage, res: ServerResponse): boolean {
    if (!readOnly(req)) return false;
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if ((method === 'GET' || method === 'HEAD') && !SERVICE_ROUTE.test(path)) return false;
    const what = SERVICE_ROUTE.test(path) ? `${path} is the trainer's` : `${method} is not a read`;
    const text = errorBody('room_read_only', `the room is read-only: ${what}; only the trainer's machine, or a request with the room token, may use it`);
    res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'x-sous-proxy-error': 'room_read_only', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(method === 'HEAD' ? undefined : text);
    return true;
  }

  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === ROOM_INFO_PATH) {
      const info: RoomInfo = { serving: true, urls, pack: options.pack?.name, trainer: !readOnly(req) };
      replyJson(res, 200, info);
      return true;
    }
    if (path !== ROOM_PACK_PATH) return false;
    if (!options.pack) replyJson(res, 404, { error: { code: 'not_found', message: 'this room was started without a pack (--pack FILE)' } });
    else {
      const body = Buffer.from(options.pack.text, 'utf8');
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : body);
    }
    return true;
  }

  return { urls, token, readOnly, refuse, handle };
}

/** /room.json where the server runs but not for a room. */
export function notServingRoom(req: IncomingMessage, res: ServerResponse): boolean {
  if (new URL(req.url ?? '/', 'http://x').pathname !== ROOM_INFO_PATH) return false;
  const info: RoomInfo = { serving: false, urls: [], trainer: true };
  replyJson(res, 200, info);
  return true;
}
