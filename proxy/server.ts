/**
 * The local server `npm start` runs: the built studio and the CORS proxy for other sites' APIs on one
 * port. It can also run as the proxy alone, for a team whose studio is served elsewhere.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ownHosts } from './gate';
import type { Resolver } from './guarded-agent';
import { createProxyHandler, type ProxyHandler } from './handler';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { createHostPolicy, type HostPolicy, type PolicyHosts } from './host-policy';
import { createHooksEndpoint, type HookLimits, type HooksEndpoint } from './hooks-endpoint';
import { defaultHooksDataDir, defaultHooksTokenFile, hooksTokenFor } from './hooks-setup';
import { openHookStore, type HookStore } from './hooks-store';
import type { LogSink } from './log';
import { createMcpEndpoint, MCP_PATH, type McpEndpoint } from './mcp-endpoint';
import { defaultMcpTokenFile, loadOrCreateMcpToken } from './mcp-token';
import { modelFiles } from './model-files';
import { createRoom, notServingRoom, type Room, type RoomOptions } from './room';
import { createRuntimeAllowlist } from './runtime-allow';
import { createSettingsEndpoint, type SettingsEndpoint } from './settings-endpoint';
import { staticFiles } from './static-files';
import { defaultTokenFile, loadOrCreateToken } from './token';

export interface ProxyOptions {
  /** The token; read from (or created in) `tokenFile` when not given. */
  token?: string;
  tokenFile?: string;
  /** Extra studio origins allowed to use the proxy. */
  origins?: readonly string[];
  /** Host names or CIDR ranges opened for on-premises systems. */
  allow?: readonly string[];
  /** Names this server is reached by besides its bind address (`proxy.corp.example[:port]`). */
  publicHosts?: readonly string[];
  limits?: Partial<Limits>;
  /** Extra trusted CA certificates (PEM) for upstream TLS. */
  extraCa?: readonly string[];
  resolve?: Resolver;
  log?: LogSink;
  now?: () => number;
  /** A policy's name and `hosts`: the proxy reaches only those host names (`--policy FILE`). */
  policy?: PolicyHosts;
}

export interface ServerOptions {
  /** The folder of the built app; leave out to run the proxy alone. */
  root?: string;
  host?: string;
  port?: number;
  /** The proxy's settings; `false` serves the studio only. */
  proxy?: ProxyOptions | false;
  /** A folder of on-device model files served read-only at /models/. */
  models?: string;
  /** The MCP endpoint for outside assistants (`/mcp`, relayed to the open studio); `false` or absent: none. */
  mcp?: McpOptions | false;
  /** Webhooks for the studio's started webhook recipes (`/hooks/PATH`, `/hooks-relay/*`); `false` or absent: none. */
  hooks?: HooksOptions | false;
  /** Serve the studio to a room (`--host 0.0.0.0`): read-only for other machines, with a token for the rest. */
  room?: RoomOptions | false;
}

export interface HooksOptions {
  /** The token; read from (or created in) `tokenFile` when not given. */
  token?: string;
  tokenFile?: string;
  /** Where received webhooks wait for the studio (`hooks.db`). */
  dataDir?: string;
  limits?: Partial<HookLimits>;
  pingMs?: number;
}

export interface McpOptions {
  /** The token; read from (or created in) `tokenFile` when not given. */
  token?: string;
  tokenFile?: string;
  askTimeoutMs?: number;
  /** MCP sessions kept at once (the oldest is closed past this). */
  maxSessions?: number;
}

export interface RunningServer {
  server: Server;
  url: string;
  /** The proxy token, when the proxy runs. */
  token?: string;
  /** The MCP endpoint, when it runs: its URL, its token, and whether this start made the token. */
  mcp?: { url: string; token: string; tokenFile?: string; created: boolean; endpoint: McpEndpoint };
  /** The webhooks, when they run: the URL paths go under, the token, and whether this start made it. */
  hooks?: { baseUrl: string; token: string; tokenFile: string; created: boolean; dataDir: string };
  /** The room, when served: its URLs and token. */
  room?: { urls: string[]; token: string };
  /** The policy's `hosts` the proxy enforces (also set from /proxy-settings/policy). */
  hostPolicy?: HostPolicy;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const serve = options.root ? staticFiles(options.root) : undefined;
  const models = options.models ? modelFiles(options.models) : undefined;
  const proxyOptions = options.proxy === false ? undefined : (options.proxy ?? {});
  const token = proxyOptions ? (proxyOptions.token ?? (await keptOrFreshToken(proxyOptions.tokenFile ?? defaultTokenFile()))) : undefined;
  let proxy: ProxyHandler | undefined;
  const mcpOptions = options.mcp || undefined;
  const mcpToken = mcpOptions ? await mcpTokenFor(mcpOptions) : undefined;
  let mcp: McpEndpoint | undefined;
  const hooksSetup = options.hooks ? await openHooks(options.hooks) : undefined;
  let hooks: HooksEndpoint | undefined;
  // The studio's own proxy settings (its "Allow" button) exist only where this server serves the studio.
  const opened = proxyOptions && options.root ? createRuntimeAllowlist() : undefined;
  let settings: SettingsEndpoint | undefined;
  const hostPolicy = proxyOptions ? createHostPolicy(proxyOptions.policy) : undefined;
  let room: Room | undefined;

  const server = createServer((req, res) => {
    (async () => {
      // A room's request without the token reaches only what is read-only: the refusal, the room, models, files.
      if (room?.refuse(req, res)) return;
      if (room?.handle(req, res)) return;
      if (models && (await models(req, res))) return;
      if (room?.readOnly(req)) return serve ? serve(req, res) : void res.writeHead(404).end();
      if (!room && serve && notServingRoom(req, res)) return;
      if (mcp && (await mcp.handle(req, res))) return;
      if (hooks && (await hooks.handle(req, res))) return;
      if (settings && (await settings.handle(req, res))) return;
      if (proxy && (await proxy.handle(req, res))) return;
      if (serve) return serve(req, res);
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('this server runs the Sous proxy only: /proxy?url=…\n');
    })().catch((err) => {
      console.error(`error serving ${req.url?.split('?')[0]}: ${err instanceof Error ? err.message : err}`);
      if (!res.headersSent) res.writeHead(500).end('internal error');
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  }).catch((err) => {
    hooksSetup?.store.close();
    throw err;
  });
  const { port } = server.address() as AddressInfo;
  if (options.room && options.root) room = createRoom(options.room, port);
  // In a room, the machine's own addresses are its names too (the trainer's tools with the room token).
  const publicHosts = [...(proxyOptions?.publicHosts ?? []), ...(room?.urls.map((u) => new URL(u).host) ?? [])];
  if (proxyOptions && token) {
    proxy = createProxyHandler({
      token,
      hosts: ownHosts(host, port, publicHosts),
      hostPolicy,
      origins: proxyOptions.origins,
      allow: proxyOptions.allow,
      opened,
      limits: { ...DEFAULT_LIMITS, ...proxyOptions.limits },
      resolve: proxyOptions.resolve,
      extraCa: proxyOptions.extraCa,
      log: proxyOptions.log,
      now: proxyOptions.now
    });
  }
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (opened) settings = createSettingsEndpoint({ hosts: ownHosts(host, port, publicHosts), allowlist: opened, hostPolicy, log: proxyOptions?.log });
  if (mcpOptions && mcpToken) {
    mcp = createMcpEndpoint({ token: mcpToken.token, tokenFile: mcpOptions.tokenFile, hosts: ownHosts(host, port, publicHosts), askTimeoutMs: mcpOptions.askTimeoutMs, maxSessions: mcpOptions.maxSessions });
  }
  if (hooksSetup) {
    const { token: hooksToken, store } = hooksSetup;
    const hookOptions = options.hooks || {};
    hooks = createHooksEndpoint({ token: hooksToken, store, hosts: ownHosts(host, port, publicHosts), limits: hookOptions.limits, pingMs: hookOptions.pingMs });
  }
  const close = async () => {
    // Open streams (the studio's relays, MCP sessions) would keep server.close waiting: end them first.
    await mcp?.close();
    hooks?.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if (mcp || hooks) server.closeAllConnections();
    });
    hooksSetup?.store.close();
    await proxy?.close();
  };
  const mcpInfo = mcp && mcpToken ? { url: `${url}${MCP_PATH}`, ...mcpToken, tokenFile: mcpOptions?.tokenFile, endpoint: mcp } : undefined;
  const hooksInfo = hooksSetup && { baseUrl: `${url}/hooks/`, token: hooksSetup.token, tokenFile: hooksSetup.tokenFile, created: hooksSetup.created, dataDir: hooksSetup.dataDir };
  return { server, url, token, mcp: mcpInfo, hooks: hooksInfo, room: room && { urls: room.urls, token: room.token }, hostPolicy, close };
}

/** The webhook token and store; without a store that can be written (no durable queue), no webhooks, said so. */
async function openHooks(options: HooksOptions): Promise<{ token: string; tokenFile: string; created: boolean; dataDir: string; store: HookStore } | undefined> {
  const tokenFile = options.tokenFile ?? defaultHooksTokenFile();
  const dataDir = options.dataDir ?? defaultHooksDataDir();
  let store: HookStore;
  try {
    store = await openHookStore(dataDir);
  } catch (err) {
    console.warn(`webhooks are off: their queue cannot be kept in ${dataDir} (${err instanceof Error ? err.message : err})`);
    return undefined;
  }
  return { ...(await hooksTokenFor({ token: options.token, tokenFile })), tokenFile, dataDir, store };
}

/** The MCP token as given, or the kept one (made at first start); one for this run only if it cannot be kept. */
async function mcpTokenFor(options: McpOptions): Promise<{ token: string; created: boolean }> {
  if (options.token) return { token: options.token, created: false };
  const file = options.tokenFile ?? defaultMcpTokenFile();
  try {
    return await loadOrCreateMcpToken(file);
  } catch (err) {
    console.warn(`could not keep the MCP token in ${file} (${err instanceof Error ? err.message : err}); using one for this run only`);
    return { token: randomBytes(32).toString('base64url'), created: true };
  }
}

/**
 * The kept token, or, where the config folder cannot be written (a read-only home in CI), one for this
 * run only: the studio fetches it from /proxy/token either way, so only a team's hand-copied token suffers.
 */
async function keptOrFreshToken(file: string): Promise<string> {
  try {
    return await loadOrCreateToken(file);
  } catch (err) {
    console.warn(`could not keep the proxy token in ${file} (${err instanceof Error ? err.message : err}); using one for this run only`);
    return randomBytes(32).toString('base64url');
  }
}
