/**
 * The per-install token of `sous serve`: made once per `--data` folder (32 random bytes, base64url), kept in
 * `DATA/token` readable by its owner only, and reported as `made` only the time it is created, so the
 * caller prints it exactly once.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function installToken(dataDir: string): Promise<{ token: string; made: boolean }> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'token');
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept.length >= 16) return { token: kept, made: false };
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOENT') throw err;
  }
  const token = randomBytes(32).toString('base64url');
  // `wx`: two servers starting on one folder at once never both make (and print) a token.
  try {
    await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') return { token: (await readFile(file, 'utf8')).trim(), made: false };
    throw err;
  }
  return { token, made: true };
}

/** Compares in constant time for equal lengths, so a wrong token says nothing about the right one. */
export function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
