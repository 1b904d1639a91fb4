/**
 * The per-install proxy token: 32 random bytes, made at first start and kept in the user's config folder
 * (`$XDG_CONFIG_HOME/sous/proxy-token`, else `~/.config/sous/proxy-token`; `SOUS_PROXY_TOKEN_FILE`
 * overrides), readable by the user only. Every proxied request must carry it in `x-sous-proxy-token`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export function defaultTokenFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SOUS_PROXY_TOKEN_FILE) return env.SOUS_PROXY_TOKEN_FILE;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'sous', 'proxy-token');
}

/** Read the token from `file`, or make one and write it there (mode 0600) if there is none yet. */
export async function loadOrCreateToken(file: string): Promise<string> {
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim().length >= 32) return existing.trim();
  const token = randomBytes(32).toString('base64url');
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, token + '\n', { mode: 0o600 });
  return token;
}

/** Compare in constant time, so the token cannot be guessed a character at a time. */
export function tokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
