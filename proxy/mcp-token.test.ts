/** The per-install MCP token: where it is kept, made once (mode 0600), and the Bearer check. */
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bearerMatches, defaultMcpTokenFile, loadOrCreateMcpToken } from './mcp-token';

const TOKEN = 'a'.repeat(43);

describe('the MCP token', () => {
  it.each([
    [{ SOUS_MCP_TOKEN_FILE: '/x/mcp' }, '/x/mcp'],
    [{ XDG_CONFIG_HOME: '/cfg' }, '/cfg/sous/mcp-token']
  ])('is kept in %j → %s', (env, file) => {
    expect(defaultMcpTokenFile(env)).toBe(file);
  });

  it('is made at first start (saying so), kept for the user only, and the same afterwards', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'sous-mcp-token-')), 'sous', 'mcp-token');
    const first = await loadOrCreateMcpToken(file);
    expect(first.created).toBe(true);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(first.token);
    expect(await loadOrCreateMcpToken(file)).toEqual({ token: first.token, created: false });
  });

  it.each([
    [`Bearer ${TOKEN}`, true],
    [`bearer ${TOKEN}`, true],
    [`Bearer  ${TOKEN} `, true],
    [TOKEN, false],
    [`Basic ${TOKEN}`, false],
    [`Bearer ${TOKEN}x`, false],
    [`Bearer ${TOKEN.slice(1)}`, false],
    ['Bearer', false],
    [undefined, false]
  ])('Authorization %j matches: %s', (header, ok) => {
    expect(bearerMatches(TOKEN, header)).toBe(ok);
  });
});
