import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from './config';

async function file(json: unknown): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'sous-config-')), 'proxy.json');
  await writeFile(path, JSON.stringify(json));
  return path;
}

describe('proxy settings from flags and a config file', () => {
  it('merges the file’s lists with the flags and lets flags override limits', async () => {
    const config = await file({ allow: ['erp.corp.example'], origins: ['https://studio.team.example'], limits: { totalTimeoutMs: 5000, requestsPerMinute: 10 } });
    const result = await loadSettings({ config, allow: ['10.0.0.0/8'], origin: ['http://localhost:5173'], 'requests-per-minute': '20' });
    expect(result).toEqual({
      ok: true,
      settings: {
        allow: ['erp.corp.example', '10.0.0.0/8'],
        origins: ['https://studio.team.example', 'http://localhost:5173'],
        publicHosts: [],
        tokenFile: undefined,
        extraCa: [],
        limits: { totalTimeoutMs: 5000, requestsPerMinute: 20 }
      }
    });
  });

  it.each([
    [{ allow: ['10.0.0.0/99'] }, /allowlist entry "10.0.0.0\/99"/],
    [{ 'max-response-bytes': 'lots' }, /--max-response-bytes must be a positive whole number/],
    [{ 'connect-timeout-ms': '-5' }, /--connect-timeout-ms/],
    [{ config: '/nonexistent/proxy.json' }, /cannot read --config/],
    [{ ca: ['/nonexistent/ca.pem'] }, /--ca \/nonexistent\/ca.pem: not a readable PEM/]
  ])('says what is wrong with %o', async (flags, message) => {
    const result = await loadSettings(flags);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('refuses unknown keys and bad values in the file, naming the path', async () => {
    const typo = await loadSettings({ config: await file({ alow: ['x'] }) });
    expect(!typo.ok && typo.message).toMatch(/alow|Unrecognized/);
    const bad = await loadSettings({ config: await file({ limits: { maxRequestBytes: 0 } }) });
    expect(!bad.ok && bad.message).toMatch(/limits\.maxRequestBytes/);
  });
});
