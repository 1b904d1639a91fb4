/**
 * A policy file (`sous.policy/v1`, docs/pack-format.md), read only as far as MCP needs it: its `name` and
 * its `mcp` list of recipe ids that may be offered to outside assistants. The other keys are checked for
 * their shape so a broken file is refused, but not enforced here.
 */
import { z } from 'zod';
import { fromZodIssues, readJsonText, SlugSchema, type RecipeIssue } from '../../recipe';

export const POLICY_FORMAT = 'sous.policy/v1';

const AllowDeny = z.strictObject({ allow: z.array(z.string()).optional(), deny: z.array(z.string()).optional() });

export const PolicySchema = z.looseObject({
  format: z.literal(POLICY_FORMAT),
  name: z.string().min(1),
  connectors: AllowDeny.optional(),
  actions: AllowDeny.optional(),
  hosts: z.array(z.string()).optional(),
  require_approval: z.array(z.string()).optional(),
  ai: z.boolean().optional(),
  /** Ids of the callable recipes that may be offered to outside assistants. */
  mcp: z.array(SlugSchema).optional()
});
export type Policy = z.infer<typeof PolicySchema>;

export function parsePolicyText(text: string): { ok: true; policy: Policy } | { ok: false; issues: RecipeIssue[] } {
  const json = readJsonText(text, 'a policy file');
  if (!json.ok) return json;
  const data = json.data as Record<string, unknown> | null;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, issues: [{ path: '', message: `not a policy: expected a JSON object with "format": "${POLICY_FORMAT}"` }] };
  }
  if (data.format !== POLICY_FORMAT) {
    const message =
      data.format === undefined ? `missing; a policy file says "format": "${POLICY_FORMAT}"` : `unknown format ${JSON.stringify(data.format)}; this version of Sous reads policies in "${POLICY_FORMAT}"`;
    return { ok: false, issues: [{ path: 'format', message }] };
  }
  const parsed = PolicySchema.safeParse(data);
  return parsed.success ? { ok: true, policy: parsed.data } : { ok: false, issues: fromZodIssues(parsed.error.issues, data) };
}
