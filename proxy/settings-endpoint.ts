/**
 * `/proxy-settings/*`: the studio changes what the proxy may reach, while the server runs, without a
 * command line. Today one setting: exact `host:port` pairs opened for this studio (proxy/runtime-allow.ts).
 *
 *   GET    /proxy-settings/token   the per-server token, to the studio served from this same origin only
 *   GET    /proxy-settings/allow   { allowed: ["127.0.0.1:8080", …] }
 *   POST   /proxy-settings/allow   { "host": "127.0.0.1:8080" } → { entry, allowed }
 *   DELETE /proxy-settings/allow?host=127.0.0.1:8080 → { allowed }
 *   GET    /proxy-settings/policy  { policy: { name, hosts } | null }
 *   POST   /proxy-settings/policy  { "name": "…", "hosts": ["api.example.org", "*.corp.example"] } → { policy }
 *   DELETE /proxy-settings/policy  → { policy: null }   (the proxy's own --policy, if any, is not restored)
 *
 * Why no web page can widen the proxy: every route wants `Host` to be this server (DNS rebinding), refuses
 * page loads, and wants the studio's own origin: a write must carry an own `Origin` (browsers always send
 * one with a POST or DELETE from a page) and, when the browser says where it comes from, `Sec-Fetch-Site:
 * same-origin`; a read without Origin must be `Sec-Fetch-Site: same-origin`. Past that, the token: made
 * at start (never written anywhere), handed only to a same-origin request, so a page on another origin (or
 * another port of localhost) can neither read it nor send it. Writes must be JSON, which another origin
 * cannot send without a CORS preflight, and no CORS header is ever answered.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGate } from './gate';
import { readLimitedBody } from './read-body';
import { PolicyHostsSchema, type HostPolicy } from './host-policy';
import type { RuntimeAllowlist } from './runtime-allow';
import { tokenMatches } from './token';
import { Refusal, replyJson } from './json-reply';

export const SETTINGS_PREFIX = '/proxy-settings/';
export const SETTINGS_TOKEN_HEADER = 'x-sous-settings-token';
const MAX_BODY = 4096;
/** A policy may list 1000 names of 200 characters. */
const MAX_POLICY_BODY = 256 * 1024;

export interface SettingsOptions {
  /** `host:port` names this server answers to as itself (see `ownHosts`). */
  hosts: readonly string[];
  allowlist: RuntimeAllowlist;
  /** The policy's `hosts` the proxy enforces; without it, no /proxy-settings/policy route. */
  hostPolicy?: HostPolicy;
  /** Fixed for tests; else a fresh one for this server's life. */
  token?: string;
  /** Told of each change, for the server's log. */
  log?: (line: string) => void;
}

export interface SettingsEndpoint {
  token: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}


export function createSettingsEndpoint(options: SettingsOptions): SettingsEndpoint {
  const gate = createGate({ hosts: options.hosts });
  const token = options.token ?? randomBytes(32).toString('base64url');
  const { allowlist } = options;
  const log = options.log ?? ((line: string) => console.log(line));

  function studioOnly(req: IncomingMessage, write: boolean): void {
    if (!gate.hostOk(req)) throw new Refusal(403, 'this request names another host than this server; it is refused (DNS rebinding defence)');
    if (gate.isNavigation(req)) throw new Refusal(403, "these are the studio's proxy settings, not a page to open");
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (origin !== undefined && !gate.ownOrigin(origin)) throw new Refusal(403, `the origin ${origin} may not change this proxy's settings`);
    if (write && origin === undefined) throw new Refusal(403, "only the studio served from this server may change the proxy's settings (no Origin)");
    if (site !== undefined ? site !== 'same-origin' : !write) throw new Refusal(403, "only the studio served from this same origin may use the proxy's settings");
  }

  function tokenOk(req: IncomingMessage): void {
    if (!tokenMatches(token, req.headers[SETTINGS_TOKEN_HEADER])) {
      throw new Refusal(401, `missing or wrong ${SETTINGS_TOKEN_HEADER} header: the studio gets it from GET ${SETTINGS_PREFIX}token`);
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const path = url.pathname.slice(SETTINGS_PREFIX.length);
    const write = method !== 'GET' && method !== 'HEAD';
    studioOnly(req, write);
    if (path === 'token' && method === 'GET') return replyJson(res, 200, { token });
    if (path === 'policy' && options.hostPolicy) {
      tokenOk(req);
      return policyRoute(req, res, options.hostPolicy);
    }
    if (path !== 'allow') throw new Refusal(404, `the proxy's settings are GET ${SETTINGS_PREFIX}token and GET, POST, DELETE ${SETTINGS_PREFIX}allow and ${SETTINGS_PREFIX}policy`);
    tokenOk(req);
    if (method === 'GET') return replyJson(res, 200, { allowed: allowlist.list() });
    if (method === 'POST') {
      const added = allowlist.add(await hostFromBody(req));
      if (!added.ok) throw new Refusal(400, added.message);
      log(`the studio allowed ${added.entry} until this server stops`);
      return replyJson(res, 200, { entry: added.entry, allowed: allowlist.list() });
    }
    if (method === 'DELETE') {
      const entry = url.searchParams.get('host') ?? '';
      if (!allowlist.remove(entry)) throw new Refusal(404, `${entry || 'that'} is not allowed from the studio`);
      log(`the studio no longer allows ${entry}`);
      return replyJson(res, 200, { allowed: allowlist.list() });
    }
    throw new Refusal(405, `${SETTINGS_PREFIX}allow takes GET, POST and DELETE`);
  }

  async function policyRoute(req: IncomingMessage, res: ServerResponse, hostPolicy: HostPolicy): Promise<void> {
    const method = req.method ?? 'GET';
    if (method === 'GET') return replyJson(res, 200, { policy: hostPolicy.current() ?? null });
    if (method === 'POST') {
      const parsed = PolicyHostsSchema.safeParse(await jsonBody(req, MAX_POLICY_BODY, '{ "name": "…", "hosts": ["api.example.org"] }'));
      if (!parsed.success) throw new Refusal(400, 'send the policy as { "name": "…", "hosts": ["api.example.org", "*.corp.example"] }');
      hostPolicy.set(parsed.data);
      log(`the studio set the policy ${JSON.stringify(parsed.data.name)}: the proxy reaches ${parsed.data.hosts.length} listed host name(s) only`);
      return replyJson(res, 200, { policy: parsed.data });
    }
    if (method === 'DELETE') {
      if (hostPolicy.current()) log(`the studio lifted the policy ${JSON.stringify(hostPolicy.current()!.name)} on the proxy`);
      hostPolicy.set(undefined);
      return replyJson(res, 200, { policy: null });
    }
    throw new Refusal(405, `${SETTINGS_PREFIX}policy takes GET, POST and DELETE`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(SETTINGS_PREFIX)) return false;
    try {
      await route(req, res, url);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      replyJson(res, err.status, { error: { message: err.message } }, err.status === 413 ? { connection: 'close' } : {});
    }
    return true;
  }

  return { token, handle };
}

/** A JSON body within `max` bytes; `example` says what to send instead. */
async function jsonBody(req: IncomingMessage, max: number, example: string): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new Refusal(415, `send the setting as JSON: ${example}`);
  const body = await readLimitedBody(req, max);
  if (body === null) throw new Refusal(413, `a setting may be ${max} bytes at most`);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refusal(400, 'the body is not JSON');
  }
}

async function hostFromBody(req: IncomingMessage): Promise<string> {
  const parsed = await jsonBody(req, MAX_BODY, '{ "host": "127.0.0.1:8080" }');
  const host = (parsed as { host?: unknown } | null)?.host;
  if (typeof host !== 'string') throw new Refusal(400, 'say which address to allow: { "host": "127.0.0.1:8080" }');
  return host;
}

