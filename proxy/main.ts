/**
 * `tsx proxy/main.ts [--port N] [--host H] [--root DIR] [--models DIR] [--proxy-only] [--allow HOST_OR_CIDR]…
 *  [--origin URL]… [--public-host NAME]… [--config FILE] [--token-file FILE] [--ca PEM]… [--<limit> N]
 *  [--no-mcp] [--mcp-token-file FILE] [--no-hooks] [--hooks-data DIR] [--hooks-token-file FILE]`:
 * serve the built studio and the proxy on one port, or the proxy alone for a team. `--models DIR` (default
 * `./models` when that folder exists) serves on-device model files read-only at /models/. With the studio,
 * `/mcp` offers its tools to outside assistants (proxy/mcp-endpoint.ts) unless `--no-mcp`, and `/hooks/PATH`
 * takes webhooks for the started webhook recipes (proxy/hooks-endpoint.ts) unless `--no-hooks`.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSettings } from './config';
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
    'requests-per-minute': { type: 'string' }
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

// The MCP endpoint is relayed to the studio tab, so it runs only where this server serves the studio.
const mcpTokenFile = values['mcp-token-file'] ?? defaultMcpTokenFile();
const withMcp = !values['proxy-only'] && !values['no-mcp'];
// Webhooks are relayed to the studio as well; their events wait on disk while no studio is open.
const withHooks = !values['proxy-only'] && !values['no-hooks'];
const hooksTokenFile = values['hooks-token-file'] ?? defaultHooksTokenFile();
const hooksData = resolve(values['hooks-data'] ?? defaultHooksDataDir());

try {
  const { url, mcp, hooks } = await startServer({
    models: modelsDir === undefined ? undefined : resolve(modelsDir),
    root: values['proxy-only'] ? undefined : resolve(values.root!),
    host: values.host,
    port,
    proxy: values['no-proxy'] ? false : { ...settings, tokenFile },
    mcp: withMcp ? { tokenFile: mcpTokenFile } : false,
    hooks: withHooks ? { tokenFile: hooksTokenFile, dataDir: hooksData } : false
  });
  console.log(values['proxy-only'] ? `Sous proxy: ${url}/proxy` : `Sous studio: ${url}`);
  if (modelsDir !== undefined) console.log(`model files from ${resolve(modelsDir)} at ${url}/models (set this as the model base URL)`);
  if (!values['no-proxy']) {
    console.log(`proxy token in ${tokenFile}${settings.allow.length ? `; allowlist: ${settings.allow.join(', ')}` : ''}`);
  }
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
