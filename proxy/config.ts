/**
 * The proxy's settings from the command line and an optional JSON file (`--config FILE`). Flags add to
 * the file's lists and override its limits. Expected mistakes come back as messages, not throws.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseAllowlist } from './address-policy';
import { LimitsOverrideSchema, LimitsSchema, type Limits } from './limits';

export const ConfigFileSchema = z
  .object({
    allow: z.array(z.string()).default([]),
    origins: z.array(z.string().url()).default([]),
    publicHosts: z.array(z.string()).default([]),
    tokenFile: z.string().optional(),
    /** Files of extra trusted CA certificates (PEM), e.g. a company CA for on-premises hosts. */
    ca: z.array(z.string()).default([]),
    limits: LimitsOverrideSchema.default({})
  })
  .strict();

export type ConfigFile = z.infer<typeof ConfigFileSchema>;

export interface ProxySettings {
  allow: string[];
  origins: string[];
  publicHosts: string[];
  tokenFile?: string;
  /** The extra CA certificates themselves (PEM text), read from the `ca` files. */
  extraCa: string[];
  limits: Partial<Limits>;
}

export interface ProxyFlags {
  config?: string;
  allow?: string[];
  origin?: string[];
  'public-host'?: string[];
  'token-file'?: string;
  ca?: string[];
  'max-request-bytes'?: string;
  'max-response-bytes'?: string;
  'connect-timeout-ms'?: string;
  'total-timeout-ms'?: string;
  'requests-per-minute'?: string;
}

const LIMIT_FLAGS = {
  'max-request-bytes': 'maxRequestBytes',
  'max-response-bytes': 'maxResponseBytes',
  'connect-timeout-ms': 'connectTimeoutMs',
  'total-timeout-ms': 'totalTimeoutMs',
  'requests-per-minute': 'requestsPerMinute'
} as const;

export async function loadSettings(flags: ProxyFlags): Promise<{ ok: true; settings: ProxySettings } | { ok: false; message: string }> {
  let file: ConfigFile = ConfigFileSchema.parse({});
  if (flags.config) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(flags.config, 'utf8'));
    } catch (err) {
      return { ok: false, message: `cannot read --config ${flags.config}: ${err instanceof Error ? err.message : err}` };
    }
    const parsed = ConfigFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, message: `--config ${flags.config}: ${issue.path.join('.') || '(top)'}: ${issue.message}` };
    }
    file = parsed.data;
  }
  const limits: Partial<Limits> = { ...file.limits };
  for (const [flag, key] of Object.entries(LIMIT_FLAGS) as Array<[keyof typeof LIMIT_FLAGS, keyof Limits]>) {
    const raw = flags[flag];
    if (raw === undefined) continue;
    const value = Number(raw);
    const checked = LimitsSchema.shape[key].safeParse(value);
    if (!checked.success) return { ok: false, message: `--${flag} must be a positive whole number, not "${raw}"` };
    limits[key] = checked.data;
  }
  const extraCa: string[] = [];
  for (const path of [...file.ca, ...(flags.ca ?? [])]) {
    const pem = await readFile(path, 'utf8').catch(() => '');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) return { ok: false, message: `--ca ${path}: not a readable PEM certificate file` };
    extraCa.push(pem);
  }
  const settings: ProxySettings = {
    allow: [...file.allow, ...(flags.allow ?? [])],
    origins: [...file.origins, ...(flags.origin ?? [])],
    publicHosts: [...file.publicHosts, ...(flags['public-host'] ?? [])],
    tokenFile: flags['token-file'] ?? file.tokenFile,
    extraCa,
    limits
  };
  try {
    parseAllowlist(settings.allow);
    for (const origin of settings.origins) new URL(origin);
  } catch (err) {
    return { ok: false, message: err instanceof Error && err.message.startsWith('allowlist') ? err.message : `not an origin URL: ${err}` };
  }
  return { ok: true, settings };
}
