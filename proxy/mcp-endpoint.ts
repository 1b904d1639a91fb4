/**
 * `/mcp`: the studio's tools for outside assistants over MCP's streamable HTTP transport (the SDK's
 * `StreamableHTTPServerTransport`, one per session), and the relay the open studio tab serves them through.
 *
 *   /mcp        POST · GET · DELETE   Host is ours · not a page load · no foreign Origin (403) · Bearer token (401)
 *   /mcp/relay  GET (stream) · POST   Host is ours · own Origin only · Sec-Fetch-Site: same-origin, or the token
 *   /mcp/token  GET                   Host is ours · Sec-Fetch-Site: same-origin (the studio shows it to its person)
 *
 * MCP's security guidance says a local server MUST check Origin (a web page could otherwise drive it
 * through the person's browser) and should bind to localhost and authenticate: the token does the
 * latter, and no CORS header is ever sent, so no other site can read an answer.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { RELAY_PATH, RELAY_TOKEN_PATH } from '../src/lib/agents/relay/protocol';
import { createGate } from './gate';
import { createMcpRelay, readJsonBody, RelayRefusal, type McpRelay } from './mcp-relay';
import { answerWithoutStudio, createSessionServer } from './mcp-session-server';
import { bearerMatches } from './mcp-token';

export const MCP_PATH = '/mcp';

export interface McpEndpointOptions {
  token: string;
  /** Where the token is kept, to tell the person (never the token itself in a log). */
  tokenFile?: string;
  /** `host:port` names the server answers to as itself (see gate.ts `ownHosts`). */
  hosts: readonly string[];
  /** Largest MCP request body and relay message. */
  maxBodyBytes?: number;
  /** How long a job (or the person's answer) may take before the call fails (the job goes on). */
  askTimeoutMs?: number;
  /** Sessions kept at once; the oldest is closed past this. */
  maxSessions?: number;
}

export interface McpEndpoint {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  relay: McpRelay;
  close(): Promise<void>;
}

interface Session {
  transport: StreamableHTTPServerTransport;
  server: Server;
}

const SAFE_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'cross-origin-resource-policy': 'same-origin' };

export function createMcpEndpoint(options: McpEndpointOptions): McpEndpoint {
  const gate = createGate({ hosts: options.hosts });
  const maxBody = options.maxBodyBytes ?? 4 * 1024 * 1024;
  const relay = createMcpRelay({ maxMessageBytes: 2 * maxBody, askTimeoutMs: options.askTimeoutMs ?? 10 * 60_000 });
  const sessions = new Map<string, Session>();
  relay.onChange(() => {
    for (const { server } of sessions.values()) void server.sendToolListChanged().catch(() => {});
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== MCP_PATH && !path.startsWith(`${MCP_PATH}/`)) return false;
    for (const [k, v] of Object.entries(SAFE_HEADERS)) res.setHeader(k, v);
    try {
      if (!gate.hostOk(req)) throw new RelayRefusal(403, 'this request names another host than this server; it is refused (DNS rebinding defence)');
      if (gate.isNavigation(req)) throw new RelayRefusal(403, 'this is the Sous MCP endpoint for assistants, not a page to open');
      const origin = gate.origin(req);
      if (origin.kind === 'refused' || (origin.kind === 'allowed' && !gate.ownOrigin(origin.origin))) {
        throw new RelayRefusal(403, `the origin ${origin.origin} may not use the Sous MCP endpoint`);
      }
      if (path === MCP_PATH) await mcp(req, res);
      else if (path === RELAY_PATH) await relayRoute(req, res);
      else if (path === RELAY_TOKEN_PATH) tokenRoute(req, res);
      else throw new RelayRefusal(404, `the MCP endpoint answers at ${MCP_PATH} only`);
    } catch (err) {
      if (!(err instanceof RelayRefusal)) throw err;
      if (res.headersSent) res.destroy();
      else refuse(res, err.status, err.message);
    }
    return true;
  }

  async function mcp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!bearerMatches(options.token, req.headers.authorization)) {
      res.setHeader('www-authenticate', 'Bearer realm="sous-mcp"');
      throw new RelayRefusal(401, `missing or wrong Authorization: Bearer token; it is kept in ${options.tokenFile ?? 'the MCP token file'} and shown in the studio`);
    }
    const method = req.method ?? 'GET';
    if (!['POST', 'GET', 'DELETE'].includes(method)) throw new RelayRefusal(405, 'MCP over streamable HTTP takes POST, GET and DELETE');
    const body = method === 'POST' ? await readJsonBody(req, maxBody) : undefined;
    const id = req.headers['mcp-session-id'];
    const known = typeof id === 'string' ? sessions.get(id) : undefined;
    if (known) return known.transport.handleRequest(req, res, body);
    if (typeof id === 'string') throw new RelayRefusal(404, 'no such MCP session (the server may have restarted): initialize again');
    if (method !== 'POST' || !isInitializeRequest(body)) throw new RelayRefusal(400, 'no session: start with an initialize request');
    const session = openSession();
    await session.transport.handleRequest(req, res, body);
  }

  function openSession(): Session {
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid) => {
        sessions.set(sid, session);
        // Past the cap the oldest session goes (taken out first: its close may tell us only later).
        for (const [oldId, old] of sessions) {
          if (sessions.size <= (options.maxSessions ?? 32)) break;
          sessions.delete(oldId);
          void old.transport.close();
        }
      }
    });
    const server = createSessionServer(relay);
    const session: Session = { transport, server };
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    // connect() puts its delivery on the transport at once (before its first await), so wrap it right after.
    void server.connect(transport);
    answerWithoutStudio(transport, relay);
    return session;
  }

  async function relayRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sameOrigin = req.headers['sec-fetch-site'] === 'same-origin';
    if (!sameOrigin && !bearerMatches(options.token, req.headers.authorization)) {
      throw new RelayRefusal(403, 'only the studio served from this same origin may serve the relay');
    }
    await relay.handle(req, res);
  }

  /** As /proxy/token (see handler.ts): only a same-origin page, the studio itself, gets it; no CORS. */
  function tokenRoute(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') throw new RelayRefusal(405, `GET ${RELAY_TOKEN_PATH} only`);
    if (req.headers['sec-fetch-site'] !== 'same-origin') throw new RelayRefusal(403, 'the MCP token is handed only to the studio served from this same origin');
    const url = `http://${req.headers.host}${MCP_PATH}`;
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ token: options.token, url, file: options.tokenFile ?? null }));
  }

  return {
    handle,
    relay,
    async close() {
      relay.close();
      await Promise.all([...sessions.values()].map((s) => s.transport.close()));
      sessions.clear();
    }
  };
}

function refuse(res: ServerResponse, status: number, message: string): void {
  // JSON-RPC's shape, as the SDK's own transport answers, so an MCP client shows the message.
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: status === 401 ? -32001 : -32000, message }, id: null }));
}
