/**
 * The per-install MCP token: what an outside assistant (Claude Desktop, Cursor…) sends as
 * `Authorization: Bearer TOKEN` to `/mcp`. Apart from the proxy token on purpose: it is handed to other
 * programs, and holding it must not also open the proxy. 32 random bytes, made at first start and kept in
 * `$XDG_CONFIG_HOME/sous/mcp-token` (else `~/.config/sous/mcp-token`; `SOUS_MCP_TOKEN_FILE` overrides),
 * readable by the user only.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateToken, tokenMatches } from './token';

export function defaultMcpTokenFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SOUS_MCP_TOKEN_FILE) return env.SOUS_MCP_TOKEN_FILE;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'sous', 'mcp-token');
}

/** The kept token, and whether this start made it (so `npm start` shows it that once). */
export async function loadOrCreateMcpToken(file: string): Promise<{ token: string; created: boolean }> {
  const before = (await readFile(file, 'utf8').catch(() => '')).trim();
  const token = await loadOrCreateToken(file);
  return { token, created: before !== token };
}

/** `Authorization: Bearer TOKEN` with exactly this token (compared in constant time). */
export function bearerMatches(token: string, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  return match !== null && tokenMatches(token, match[1]);
}
