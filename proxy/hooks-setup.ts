/**
 * Where the local server's webhooks keep their token and their events. The token (32 random bytes, mode
 * 0600) sits beside the MCP token, `$XDG_CONFIG_HOME/sous/hooks-token` (else `~/.config/sous/hooks-token`;
 * `SOUS_HOOKS_TOKEN_FILE` overrides), apart from the other two on purpose: it is pasted into other
 * services' webhook settings, and holding it must open neither the proxy nor MCP. The events live in
 * `sous/hooks/hooks.db` there unless `--hooks-data DIR` says otherwise.
 */
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { defaultMcpTokenFile, loadOrCreateMcpToken } from './mcp-token';

export function defaultHooksTokenFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SOUS_HOOKS_TOKEN_FILE) return env.SOUS_HOOKS_TOKEN_FILE;
  return join(dirname(defaultMcpTokenFile({ ...env, SOUS_MCP_TOKEN_FILE: undefined })), 'hooks-token');
}

export function defaultHooksDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(dirname(defaultHooksTokenFile({ ...env, SOUS_HOOKS_TOKEN_FILE: undefined })), 'hooks');
}

/** The kept token and whether this start made it; one for this run only (said so) when it cannot be kept. */
export async function hooksTokenFor(options: { token?: string; tokenFile?: string }): Promise<{ token: string; created: boolean }> {
  if (options.token) return { token: options.token, created: false };
  const file = options.tokenFile ?? defaultHooksTokenFile();
  try {
    return await loadOrCreateMcpToken(file);
  } catch (err) {
    console.warn(`could not keep the webhook token in ${file} (${err instanceof Error ? err.message : err}); using one for this run only`);
    return { token: randomBytes(32).toString('base64url'), created: true };
  }
}
