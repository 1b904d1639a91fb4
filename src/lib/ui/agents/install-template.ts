/**
 * "Use template" for an agent template: its recipes are imported and its agents saved through the engine
 * worker (the same calls a person's import makes), then the agent to talk to gets its conversation.
 */
import type { AgentTemplate } from '../../agents/templates';
import { exportRecipe, formatIssue, type RecipeIssue } from '../../recipe';

/** What installing needs of the engine client (a stand-in in the tests). */
export interface TemplateEngine {
  importRecipe(text: string): Promise<{ ok: true; created: boolean } | { ok: false; issues: RecipeIssue[] }>;
  saveAgent(agent: unknown): Promise<{ ok: true; created: boolean } | { ok: false; issues: RecipeIssue[] }>;
  startConversation(agentIds: string[]): Promise<string>;
}

export interface Installed {
  /** The conversation with the template's agent to talk to. */
  conversation: string;
  recipes: string[];
  agents: string[];
}

/** Install every recipe, then every agent (the agents' skills refer to the recipes); throws on the first refusal. */
export async function installTemplate(engine: TemplateEngine, template: AgentTemplate): Promise<Installed> {
  for (const recipe of template.recipes) {
    const result = await engine.importRecipe(exportRecipe(recipe).text);
    if (!result.ok) throw new Error(`the template's recipe "${recipe.id}" was refused: ${result.issues.map(formatIssue).join('; ')}`);
  }
  for (const agent of template.agents) {
    const result = await engine.saveAgent(agent);
    if (!result.ok) throw new Error(`the template's agent "${agent.id}" was refused: ${result.issues.map(formatIssue).join('; ')}`);
  }
  return {
    conversation: await engine.startConversation([template.opens]),
    recipes: template.recipes.map((r) => r.id),
    agents: template.agents.map((a) => a.id)
  };
}
