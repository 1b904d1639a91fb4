/**
 * The server's end of the studio relay (see src/lib/agents/relay/protocol.ts): studio tabs connect with a
 * Server-Sent-Events stream, publish the recipes the person offers, and answer what is asked of them (run
 * a job, ask the person). The first tab to connect serves; when it goes, the oldest of the others takes
 * over. Who may connect at all is judged before this (mcp-endpoint.ts): the studio's own origin only.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UpMessageSchema, type Ask, type RelaySkill } from '../src/lib/agents/relay/protocol';
import { relayText } from './mcp-messages';
import { readLimitedBody } from './read-body';

export interface RelayOptions {
  /** Largest message a tab may post (a job, with its steps, can be large). */
  maxMessageBytes: number;
  /** How long an ask may take (a job that runs on, a person who does not answer) before it fails. */
  askTimeoutMs: number;
  /** Keep-alive comments on the stream, so proxies and browsers keep it open. */
  pingMs?: number;
  /** At most this many tabs connected at once (a runaway page cannot pile up streams). */
  maxPeers?: number;
}

interface Peer {
  id: string;
  res: ServerResponse;
  skills: RelaySkill[];
}

interface Pending {
  peer: string;
  settle: (answer: { value?: unknown; error?: string }) => void;
}

export interface McpRelay {
  /** `GET /mcp/relay` opens a tab's stream; `POST /mcp/relay?peer=ID` is a message from it. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The serving tab's offered skills; undefined when no studio tab is connected. */
  skills(): RelaySkill[] | undefined;
  /** Ask the serving tab; resolves with its answer, rejects with a plain message (no tab, it closed, time). */
  ask(ask: Ask, signal?: AbortSignal): Promise<unknown>;
  /** Told when the serving tab's skills (or which tab serves) change. */
  onChange(listener: () => void): () => void;
  close(): void;
}

/** A refusal at the edge, with its HTTP status and a message for whoever sent the request. */
export class RelayRefusal extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

export function createMcpRelay(options: RelayOptions): McpRelay {
  const peers = new Map<string, Peer>();
  const pending = new Map<string, Pending>();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  const serving = (): Peer | undefined => peers.values().next().value;
  const send = (peer: Peer, event: string, data: unknown) => peer.res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

  function open(req: IncomingMessage, res: ServerResponse): void {
    if (peers.size >= (options.maxPeers ?? 16)) throw new RelayRefusal(429, 'too many studio tabs are connected to the relay');
    const peer: Peer = { id: randomBytes(18).toString('base64url'), res, skills: [] };
    const first = peers.size === 0;
    peers.set(peer.id, peer);
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    send(peer, 'hello', { peer: peer.id, serving: first });
    if (first) changed();
    const ping = setInterval(() => res.write(': ping\n\n'), options.pingMs ?? 15_000);
    const gone = () => {
      clearInterval(ping);
      const wasServing = serving() === peer;
      if (!peers.delete(peer.id)) return;
      for (const call of [...pending.values()]) if (call.peer === peer.id) call.settle({ error: relayText('tabClosed') });
      if (!wasServing) return;
      const next = serving();
      if (next) send(next, 'serving', {});
      changed();
    };
    req.once('close', gone);
    res.once('close', gone);
  }

  async function message(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const peer = peers.get(new URL(req.url ?? '/', 'http://x').searchParams.get('peer') ?? '');
    if (!peer) throw new RelayRefusal(404, 'no relay stream with that peer id is open; reconnect');
    const parsed = UpMessageSchema.safeParse(await readJsonBody(req, options.maxMessageBytes));
    if (!parsed.success) throw new RelayRefusal(400, `not a relay message: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
    const msg = parsed.data;
    if (msg.type === 'skills') {
      peer.skills = msg.skills;
      if (serving() === peer) changed();
    } else {
      // Only the tab that was asked may answer, and only once.
      const call = pending.get(msg.id);
      if (call?.peer === peer.id) call.settle(msg.error !== undefined ? { error: msg.error } : { value: msg.value });
    }
    res.writeHead(204).end();
  }

  function ask(question: Ask, signal?: AbortSignal): Promise<unknown> {
    const peer = serving();
    if (!peer) return Promise.reject(new Error(relayText('noStudio')));
    const id = randomBytes(12).toString('base64url');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => settle({ error: relayText('timeout') }), options.askTimeoutMs);
      const onAbort = () => {
        if (peers.has(peer.id)) send(peer, 'cancel', { id });
        settle({ error: relayText('cancelled') });
      };
      function settle(answer: { value?: unknown; error?: string }) {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        pending.delete(id);
        if (answer.error !== undefined) reject(new Error(answer.error));
        else resolve(answer.value);
      }
      pending.set(id, { peer: peer.id, settle });
      signal?.addEventListener('abort', onAbort, { once: true });
      send(peer, 'ask', { id, ...question });
    });
  }

  return {
    async handle(req, res) {
      if (req.method === 'GET') return open(req, res);
      if (req.method === 'POST') return message(req, res);
      throw new RelayRefusal(405, 'the relay takes GET (the stream) and POST (messages) only');
    },
    skills: () => serving()?.skills,
    ask,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      for (const peer of peers.values()) peer.res.end();
    }
  };
}

/** A JSON request body, refused (413) as soon as it passes `max` bytes. */
export async function readJsonBody(req: IncomingMessage, max: number): Promise<unknown> {
  const body = await readLimitedBody(req, max);
  if (body === null) throw new RelayRefusal(413, `a message here may be ${max} bytes at most`);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new RelayRefusal(400, 'the body is not JSON');
  }
}
