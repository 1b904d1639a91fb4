import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTokenFile, loadOrCreateToken, tokenMatches } from './token';

describe('the proxy token', () => {
  it('is made once, kept readable by the user only, and read back on the next start', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'sous-token-')), 'sous', 'proxy-token');
    const first = await loadOrCreateToken(file);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await loadOrCreateToken(file)).toBe(first);
    expect((await readFile(file, 'utf8')).trim()).toBe(first);
  });

  it('differs between installs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sous-token-'));
    expect(await loadOrCreateToken(join(dir, 'a'))).not.toBe(await loadOrCreateToken(join(dir, 'b')));
  });

  it('replaces a file too short to be a token', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'sous-token-')), 'proxy-token');
    await writeFile(file, 'short\n');
    expect(await loadOrCreateToken(file)).toHaveLength(43);
  });

  it('lives in the config folder unless SOUS_PROXY_TOKEN_FILE says otherwise', () => {
    expect(defaultTokenFile({ XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/sous/proxy-token');
    expect(defaultTokenFile({ XDG_CONFIG_HOME: '/cfg', SOUS_PROXY_TOKEN_FILE: '/x/t' })).toBe('/x/t');
    expect(defaultTokenFile({})).toMatch(/\.config\/sous\/proxy-token$/);
  });

  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'ab', false],
    ['abc', undefined, false],
    ['abc', ['abc'], false]
  ] as const)('tokenMatches(%s, %s) is %s', (expected, given, result) => {
    expect(tokenMatches(expected, given as string | string[] | undefined)).toBe(result);
  });
});
