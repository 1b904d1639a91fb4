/**
 * Agents (`sous.agent/v1` files), stored beside the recipes. A file is checked by the format's own parser
 * before anything is written: a refused file changes nothing, exactly as a refused recipe.
 */
import { z } from 'zod';
import { AgentSchema, parseAgent, parseAgentText, type Agent } from '../agents/format';
import { SlugSchema, type RecipeIssue } from '../recipe';
import type { SousDb } from './db';
import { guardWrite } from './storage-errors';

export const AgentRowSchema = z.object({
  id: SlugSchema,
  agent: AgentSchema,
  updated_at: z.string()
});
export type AgentRow = z.infer<typeof AgentRowSchema>;

export type AgentSaveResult = { ok: true; agent: Agent; created: boolean } | { ok: false; issues: RecipeIssue[] };

/** Save an agent (a parsed object or anything that should be one); `created` is false when it replaced one. */
export async function saveAgent(db: SousDb, data: unknown, now = new Date()): Promise<AgentSaveResult> {
  const parsed = parseAgent(data);
  if (!parsed.ok) return parsed;
  const { agent } = parsed;
  return guardWrite(`agent "${agent.id}"`, () =>
    db.transaction('rw', db.agents, async () => {
      const created = (await db.agents.get(agent.id)) === undefined;
      await db.agents.put({ id: agent.id, agent, updated_at: now.toISOString() });
      return { ok: true as const, agent, created };
    })
  );
}

/** Import an agent file's text (`NAME.agent.json`): every problem at once, nothing saved when there is one. */
export async function importAgentText(db: SousDb, text: string, now = new Date()): Promise<AgentSaveResult> {
  const parsed = parseAgentText(text);
  return parsed.ok ? saveAgent(db, parsed.agent, now) : parsed;
}

/** An agent by id, checked on the way out so a damaged row is named rather than failing mid-chat. */
export async function getAgent(db: SousDb, id: string): Promise<Agent | undefined> {
  const row = await db.agents.get(id);
  if (!row) return undefined;
  const parsed = AgentSchema.safeParse(row.agent);
  if (!parsed.success) throw new Error(`the saved agent "${id}" is damaged: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}

/** Every agent, by name (the order the chat's side list and the Agents page show them in). */
export async function listAgents(db: SousDb): Promise<Agent[]> {
  const rows = await db.agents.toArray();
  return rows
    .map((r) => AgentSchema.safeParse(r.agent))
    .flatMap((p) => (p.success ? [p.data] : []))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Delete an agent; its conversations stay (their history is the person's), shown again if it comes back. */
export async function deleteAgent(db: SousDb, id: string): Promise<boolean> {
  return guardWrite(`the deletion of agent "${id}"`, () =>
    db.transaction('rw', db.agents, async () => {
      const had = (await db.agents.get(id)) !== undefined;
      await db.agents.delete(id);
      return had;
    })
  );
}

/** The agents that have this recipe as a skill (an approval of its job shows in their chats). */
export async function agentsWithSkill(db: SousDb, recipeId: string): Promise<Agent[]> {
  return (await listAgents(db)).filter((a) => a.skills.some((s) => s.recipe === recipeId));
}
