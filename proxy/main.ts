/**
 * `tsx proxy/main.ts [--port N] [--host H] [--root DIR] [--models DIR] [--proxy-only] [--allow HOST_OR_CIDR]…
 *  [--origin URL]… [--public-host NAME]… [--config FILE] [--token-file FILE] [--ca PEM]… [--<limit> N]
 *  [--no-mcp] [--mcp-token-file FILE] [--no-hooks] [--hooks-data DIR] [--hooks-token-file FILE] [--policy FILE]
 *  [--pack FILE]`:
 * serve the built studio and the proxy on one port, or the proxy alone for a team. `--models DIR` (default
 * `./models` when that folder exists) serves on-device model files read-only at /models/. With the studio,
 * `/mcp` offers its tools to outside assistants (proxy/mcp-endpoint.ts) unless `--no-mcp`, and `/hooks/PATH`
 * takes webhooks for the started webhook recipes (proxy/hooks-endpoint.ts) unless `--no-hooks`. `--policy FILE`
 * (a `sous.policy/v1` file) makes the proxy reach only the policy's `hosts`. Bound to every interface
 * (`--host 0.0.0.0`), it serves a room: read-only for other machines (proxy/room.ts), with `--pack FILE` at
 * /room/pack.sous-pack.json, and prints the room URL with a QR code for each of this machine's networks.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { renderUnicodeCompact } from 'uqr';
import { parsePolicyText } from '../src/lib/policy/schema';
import { loadSettings } from './config';
import type { PolicyHosts } from './host-policy';
import { loadRoomPack, type RoomPack } from './room';
import { startServer } from './server';
import { defaultTokenFile } from './token';
import { defaultMcpTokenFile } from './mcp-token';
import { defaultHooksDataDir, defaultHooksTokenFile } from './hooks-setup';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5177' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    root: { type: 'string', default: 'build' },
    models: { type: 'string' },
    'proxy-only': { type: 'boolean', default: false },
    'no-proxy': { type: 'boolean', default: false },
    'no-mcp': { type: 'boolean', default: false },
    'mcp-token-file': { type: 'string' },
    'no-hooks': { type: 'boolean', default: false },
    'hooks-data': { type: 'string' },
    'hooks-token-file': { type: 'string' },
    allow: { type: 'string', multiple: true },
    origin: { type: 'string', multiple: true },
    'public-host': { type: 'string', multiple: true },
    config: { type: 'string' },
    'token-file': { type: 'string' },
    ca: { type: 'string', multiple: true },
    'max-request-bytes': { type: 'string' },
    'max-response-bytes': { type: 'string' },
    'connect-timeout-ms': { type: 'string' },
    'total-timeout-ms': { type: 'string' },
    'requests-per-minute': { type: 'string' },
    policy: { type: 'string' },
    pack: { type: 'string' }
  }
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}
const loaded = await loadSettings(values);
if (!loaded.ok) {
  console.error(loaded.message);
  process.exit(2);
}
const { settings } = loaded;
const tokenFile = settings.tokenFile ?? defaultTokenFile();

const modelsDir = values.models ?? (existsSync('models') ? 'models' : undefined);
if (modelsDir !== undefined && !existsSync(modelsDir)) {
  console.error(`--models ${modelsDir}: there is no such folder`);
  process.exit(2);
}

const policy = values.policy === undefined ? undefined : await readPolicyHosts(values.policy);
const roomServed = (values.host === '0.0.0.0' || values.host === '::') && !values['proxy-only'];
if (values.pack !== undefined && !roomServed) {
  console.error('--pack is served to a room: start with --host 0.0.0.0 as well');
  process.exit(2);
}
let roomPack: RoomPack | undefined;
if (values.pack !== undefined) {
  const loadedPack = await loadRoomPack(values.pack);
  if (!loadedPack.ok) {
    console.error(loadedPack.message);
    process.exit(2);
  }
  roomPack = loadedPack.pack;
}

// The MCP endpoint is relayed to the studio tab, so it runs only where this server serves the studio.
const mcpTokenFile = values['mcp-token-file'] ?? defaultMcpTokenFile();
const withMcp = !values['proxy-only'] && !values['no-mcp'];
// Webhooks are relayed to the studio as well; their events wait on disk while no studio is open.
const withHooks = !values['proxy-only'] && !values['no-hooks'];
const hooksTokenFile = values['hooks-token-file'] ?? defaultHooksTokenFile();
const hooksData = resolve(values['hooks-data'] ?? defaultHooksDataDir());

try {
  const { url, mcp, hooks, room } = await startServer({
    models: modelsDir === undefined ? undefined : resolve(modelsDir),
    root: values['proxy-only'] ? undefined : resolve(values.root!),
    host: values.host,
    port,
    proxy: values['no-proxy'] ? false : { ...settings, tokenFile, policy },
    room: roomServed ? { pack: roomPack } : false,
    mcp: withMcp ? { tokenFile: mcpTokenFile } : false,
    hooks: withHooks ? { tokenFile: hooksTokenFile, dataDir: hooksData } : false
  });
  console.log(values['proxy-only'] ? `Sous proxy: ${url}/proxy` : `Sous studio: ${url}`);
  if (modelsDir !== undefined) console.log(`model files from ${resolve(modelsDir)} at ${url}/models (set this as the model base URL)`);
  if (!values['no-proxy']) {
    console.log(`proxy token in ${tokenFile}${settings.allow.length ? `; allowlist: ${settings.allow.join(', ')}` : ''}`);
  }
  if (policy) console.log(`policy ${JSON.stringify(policy.name)}: the proxy reaches only ${policy.hosts.length ? policy.hosts.join(', ') : 'no host'}`);
  if (room) printRoom(room, roomPack);
  if (mcp) {
    // The token is shown the once it is made (to paste into an assistant's settings); after that only where it is.
    console.log(`MCP for assistants: ${mcp.url} (Authorization: Bearer token in ${mcpTokenFile}; the studio's Assistants page shows it)`);
    if (mcp.created) console.log(`  a new MCP token was made for this install: ${mcp.token}`);
  }
  if (hooks) {
    console.log(`webhooks: POST ${hooks.baseUrl}PATH (Authorization: Bearer token in ${hooksTokenFile}; the trigger inspector shows it); waiting events in ${hooks.dataDir}`);
    if (hooks.created) console.log(`  a new webhook token was made for this install: ${hooks.token}`);
  }
} catch (err) {
  const code = (err as { code?: string }).code;
  console.error(
    code === 'EADDRINUSE'
      ? `port ${port} is already in use; start with --port another, e.g. npm start -- --port 5178`
      : `could not start: ${err instanceof Error ? err.message : err}`
  );
  process.exit(1);
}

/** The policy's name and `hosts`; a policy that lists no `hosts` limits no host here (the engine judges the rest). */
async function readPolicyHosts(file: string): Promise<PolicyHosts | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    console.error(`--policy ${file}: ${err instanceof Error ? err.message : err}`);
    process.exit(2);
  }
  const parsed = parsePolicyText(text);
  if (!parsed.ok) {
    console.error(`--policy ${file} is not a valid policy:\n${parsed.issues.slice(0, 10).map((i) => `  ${i.path || '(file)'}: ${i.message}`).join('\n')}`);
    process.exit(2);
  }
  if (parsed.policy.hosts === undefined) {
    console.log(`policy ${JSON.stringify(parsed.policy.name)} lists no hosts: the proxy limits no host for it`);
    return undefined;
  }
  return { name: parsed.policy.name, hosts: parsed.policy.hosts };
}

/** The room's URLs with a QR code each, and the token the trainer alone should see. */
function printRoom(room: { urls: string[]; token: string }, pack: RoomPack | undefined): void {
  console.log(`\nServing the room${pack ? ` with the pack ${JSON.stringify(pack.name)}` : ''} (read-only for other machines).`);
  if (room.urls.length === 0) console.log('  this machine is on no network yet: join the room\'s Wi-Fi and start again');
  for (const roomUrl of room.urls) {
    console.log(`\n  ${roomUrl}\n`);
    console.log(renderUnicodeCompact(roomUrl, { border: 1 }).replace(/^/gm, '  '));
  }
  console.log(`\nroom token (for the trainer only; header x-sous-room-token opens the rest to another machine): ${room.token}\n`);
}
