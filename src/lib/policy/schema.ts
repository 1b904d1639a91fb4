/**
 * A policy file (`sous.policy/v1`, docs/pack-format.md): what a workspace may do. The zod schema is the
 * contract's single source of truth; `check.ts` says which recipes break it.
 */
import { z } from 'zod';
import { boundIssues, forbiddenKeys, fromZodIssues, readJsonText, SlugSchema, type RecipeIssue } from '../recipe';

export const POLICY_FORMAT = 'sous.policy/v1';

const NameList = z.array(z.string().min(1).max(200)).max(1000);
const AllowDeny = z.strictObject({ allow: NameList.optional(), deny: NameList.optional() });
export type AllowDeny = z.infer<typeof AllowDeny>;

export const PolicySchema = z.looseObject({
  format: z.literal(POLICY_FORMAT),
  name: z.string().min(1).max(200),
  /** Connector ids; `*` matches any run of characters; with `allow`, anything else is denied; `deny` wins. */
  connectors: AllowDeny.optional(),
  /** `CONNECTOR.ACTION` names, the same way. */
  actions: AllowDeny.optional(),
  /** Host names (`*.` for subdomains) that `http` and imported API connectors may reach. */
  hosts: NameList.optional(),
  /** `CONNECTOR.ACTION` names that may run only after an approval step before them on the same path. */
  require_approval: NameList.optional(),
  /** `false` forbids `ai` steps and the copilot. */
  ai: z.boolean().optional(),
  /** Ids of the callable recipes that may be offered to outside assistants. */
  mcp: z.array(SlugSchema).optional()
});
export type Policy = z.infer<typeof PolicySchema>;

export type PolicyParseResult = { ok: true; policy: Policy } | { ok: false; issues: RecipeIssue[] };

export function parsePolicyText(text: string): PolicyParseResult {
  const json = readJsonText(text, 'a policy file');
  return json.ok ? parsePolicy(json.data) : json;
}

export function parsePolicy(data: unknown): PolicyParseResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, issues: [{ path: '', message: `not a policy: expected a JSON object with "format": "${POLICY_FORMAT}"` }] };
  }
  const record = data as Record<string, unknown>;
  if (record.format !== POLICY_FORMAT) {
    const message =
      record.format === undefined
        ? `missing; a policy file says "format": "${POLICY_FORMAT}"`
        : `unknown format ${JSON.stringify(record.format).slice(0, 80)}; this version of Sous reads policies in "${POLICY_FORMAT}"`;
    return { ok: false, issues: [{ path: 'format', message }] };
  }
  const forbidden = forbiddenKeys(data, 'a policy file');
  if (forbidden.length > 0) return { ok: false, issues: forbidden };
  const parsed = PolicySchema.safeParse(data);
  return parsed.success ? { ok: true, policy: parsed.data } : { ok: false, issues: boundIssues(fromZodIssues(parsed.error.issues, data)) };
}
