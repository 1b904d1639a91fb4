/**
 * The agent file, format v1 (`NAME.agent.json`, see docs/agent-format.md): the single source of the
 * agent types. Reading one gives every problem with its place, as a recipe file does.
 */
import { z } from 'zod';
import { boundIssues, forbiddenKeys, fromZodIssues, MAX_DEPTH, nestingDepth, readJsonText, SlugSchema, type RecipeIssue } from '../recipe';

export const AGENT_FORMAT = 'sous.agent/v1';

export const SkillSchema = z.strictObject({
  /** A callable recipe's id. */
  recipe: SlugSchema,
  /** Requests (any language) that mean this skill. */
  examples: z.array(z.string().min(1)).optional(),
  /** Overrides whether a confirmation card is shown (default: only before a skill that writes). */
  confirm: z.boolean().optional()
});
export type Skill = z.infer<typeof SkillSchema>;

export const AgentSchema = z.strictObject({
  format: z.literal(AGENT_FORMAT),
  id: SlugSchema,
  name: z.string().min(1),
  description: z.string().optional(),
  instructions: z.string().optional(),
  skills: z.array(SkillSchema),
  /** Ids of agents this one may hand a request on to. */
  agents: z.array(SlugSchema).optional()
});
export type Agent = z.infer<typeof AgentSchema>;

export type AgentParseResult = { ok: true; agent: Agent } | { ok: false; issues: RecipeIssue[] };

export function parseAgentText(text: string): AgentParseResult {
  const json = readJsonText(text, 'an agent file');
  return json.ok ? parseAgent(json.data) : json;
}

/** Validate an already-parsed value as an agent. Every problem is bounded in length, as a recipe's are. */
export function parseAgent(data: unknown): AgentParseResult {
  const result = checkAgent(data);
  return result.ok ? result : { ok: false, issues: boundIssues(result.issues) };
}

function checkAgent(data: unknown): AgentParseResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail('', `not an agent: expected a JSON object with "format": "${AGENT_FORMAT}"`);
  }
  if (nestingDepth(data, 0) > MAX_DEPTH) return fail('', `nested deeper than ${MAX_DEPTH} levels`);
  // As in a recipe file: refused by name, not dropped unseen by the schema's copy.
  const forbidden = forbiddenKeys(data, 'an agent file');
  if (forbidden.length > 0) return { ok: false, issues: forbidden };
  const format = (data as Record<string, unknown>).format;
  if (format === undefined) return fail('format', `missing; an agent file says "format": "${AGENT_FORMAT}"`);
  if (format !== AGENT_FORMAT) {
    return fail(
      'format',
      `unknown format ${JSON.stringify(format)}; this version of Sous reads agents in "${AGENT_FORMAT}"` +
        (typeof format === 'string' && format.startsWith('sous.agent/') ? ' (the file may come from a newer Sous)' : '')
    );
  }
  const parsed = AgentSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues, data) };
  const issues: RecipeIssue[] = [];
  const seen = new Map<string, number>();
  parsed.data.skills.forEach((skill, i) => {
    const first = seen.get(skill.recipe);
    if (first !== undefined) issues.push({ path: `skills[${i}].recipe`, message: `"${skill.recipe}" is already skills[${first}]` });
    else seen.set(skill.recipe, i);
  });
  (parsed.data.agents ?? []).forEach((id, i) => {
    if (id === parsed.data.id) issues.push({ path: `agents[${i}]`, message: 'an agent cannot hand a request on to itself' });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, agent: parsed.data };
}

/** Canonical JSON: keys in the schema's order, 2-space indent, a final newline. */
export function exportAgent(agent: Agent): string {
  return JSON.stringify(AgentSchema.parse(agent), null, 2) + '\n';
}

function fail(path: string, message: string): AgentParseResult {
  return { ok: false, issues: [{ path, message }] };
}
