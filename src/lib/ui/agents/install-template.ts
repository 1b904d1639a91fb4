/**
 * "Use template" for an agent template: its recipes are imported and its agents saved through the engine
 * worker (the same calls a person's import makes), then the agent to talk to gets its conversation. Its
 * recipes that run by themselves (an invoice arriving by mail) are started too: a template is a working
 * set in one click, and a person who has not met Start yet would find its mail intake doing nothing.
 */
import type { AgentTemplate } from '../../agents/templates';
import { exportRecipe, formatIssue, type RecipeIssue } from '../../recipe';
import type { StartReason } from '../../triggers/lifecycle';

/** What installing needs of the engine client (a stand-in in the tests). */
export interface TemplateEngine {
  importRecipe(text: string): Promise<{ ok: true; created: boolean; version: number } | { ok: false; issues: RecipeIssue[] }>;
  startRecipe(recipeId: string, version?: number): Promise<{ ok: true; version: number } | { ok: false; reasons: string[]; problems?: StartReason[] }>;
  saveAgent(agent: unknown): Promise<{ ok: true; created: boolean } | { ok: false; issues: RecipeIssue[] }>;
  startConversation(agentIds: string[]): Promise<string>;
}

export interface Installed {
  /** The conversation with the template's agent to talk to. */
  conversation: string;
  recipes: string[];
  agents: string[];
  /** The recipes that run by themselves and were started. */
  started: string[];
  /** Those that could not start, with why (they are installed, stopped): codes too, for the person's language. */
  notStarted: Array<{ recipe: string; reasons: string[]; problems?: StartReason[] }>;
}

/** Trigger kinds that fire with no person pressing Run: what Start is for. */
const RUNS_BY_ITSELF = new Set(['event', 'document', 'schedule', 'webhook']);

/** Install every recipe, then every agent (the agents' skills refer to the recipes); throws on the first refusal. */
export async function installTemplate(engine: TemplateEngine, template: AgentTemplate): Promise<Installed> {
  const versions = new Map<string, number>();
  for (const recipe of template.recipes) {
    const result = await engine.importRecipe(exportRecipe(recipe).text);
    if (!result.ok) throw new Error(`the template's recipe "${recipe.id}" was refused: ${result.issues.map(formatIssue).join('; ')}`);
    versions.set(recipe.id, result.version);
  }
  for (const agent of template.agents) {
    const result = await engine.saveAgent(agent);
    if (!result.ok) throw new Error(`the template's agent "${agent.id}" was refused: ${result.issues.map(formatIssue).join('; ')}`);
  }
  const started: string[] = [];
  const notStarted: Installed['notStarted'] = [];
  for (const recipe of template.recipes.filter((r) => RUNS_BY_ITSELF.has(r.trigger.kind))) {
    const result = await engine.startRecipe(recipe.id, versions.get(recipe.id));
    if (result.ok) started.push(recipe.id);
    else notStarted.push({ recipe: recipe.id, reasons: result.reasons, problems: result.problems });
  }
  return {
    conversation: await engine.startConversation([template.opens]),
    recipes: template.recipes.map((r) => r.id),
    agents: template.agents.map((a) => a.id),
    started,
    notStarted
  };
}
