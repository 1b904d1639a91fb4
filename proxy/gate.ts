/**
 * Who may talk to the proxy. A request must name the proxy itself in `Host` (a page whose name was
 * rebound to 127.0.0.1 still sends its own name there), must not be a page load (someone browsing to
 * /proxy?url=… would otherwise run the upstream's HTML on the studio's origin), and, when it carries an
 * `Origin`, must come from the studio's own origin or one named with --origin. CORS grants go to those
 * origins only, one at a time, and never with credentials.
 */
import type { IncomingMessage } from 'node:http';

export interface GateOptions {
  /** `host:port` names this server answers to as itself. */
  hosts: readonly string[];
  /** Extra studio origins (a team's studio on another origin). The hosts' own origins are always allowed. */
  origins?: readonly string[];
}

export interface Gate {
  hostOk(req: IncomingMessage): boolean;
  /** Own origins only: the studio served by this very server. */
  ownOrigin(origin: string): boolean;
  /** The request's Origin: absent (same-origin GET, or not a browser), allowed, or refused. */
  origin(req: IncomingMessage): { kind: 'absent' } | { kind: 'allowed'; origin: string } | { kind: 'refused'; origin: string };
  isNavigation(req: IncomingMessage): boolean;
}

/** The names a server bound to `host:port` answers to: loopback binds add localhost, 127.0.0.1 and [::1]. */
export function ownHosts(host: string, port: number, extra: readonly string[] = []): string[] {
  const bare = host.replace(/^\[|\]$/g, '');
  const names = new Set<string>();
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(bare) || bare.startsWith('127.');
  const wildcard = bare === '0.0.0.0' || bare === '::';
  if (loopback || wildcard) for (const n of ['127.0.0.1', 'localhost', '[::1]']) names.add(`${n}:${port}`);
  if (!wildcard) names.add(`${bare.includes(':') ? `[${bare}]` : bare}:${port}`);
  // Extra names (a team's proxy behind `proxy.corp.example`) are `host` or `host:port`.
  for (const name of extra) names.add(/^(\[[^\]]+\]|[^:[\]]+):\d+$/.test(name) ? name : `${name}:${port}`);
  if (port === 80) for (const n of [...names]) names.add(n.replace(/:80$/, ''));
  return [...names].map((n) => n.toLowerCase());
}

const FRAME_DESTS = new Set(['document', 'iframe', 'frame', 'embed', 'object', 'fencedframe']);

export function createGate(options: GateOptions): Gate {
  const hosts = new Set(options.hosts.map((h) => h.toLowerCase()));
  const own = new Set([...hosts].map((h) => `http://${h}`));
  const extra = new Set((options.origins ?? []).map((o) => new URL(o).origin));
  const header = (req: IncomingMessage, name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' ? v : undefined;
  };
  return {
    hostOk: (req) => hosts.has((header(req, 'host') ?? '').toLowerCase()),
    ownOrigin: (origin) => own.has(origin),
    origin(req) {
      const origin = header(req, 'origin');
      if (origin === undefined) return { kind: 'absent' };
      return own.has(origin) || extra.has(origin) ? { kind: 'allowed', origin } : { kind: 'refused', origin };
    },
    isNavigation: (req) => header(req, 'sec-fetch-mode') === 'navigate' || FRAME_DESTS.has(header(req, 'sec-fetch-dest') ?? '')
  };
}
