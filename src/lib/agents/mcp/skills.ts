/** Which recipes are offered as tools, with their effects: every callable one, narrowed by a policy's `mcp` list. */
import type { ConnectorLookup } from '../../engine/ports';
import { recipeEffect } from '../../connectors/effects';
import type { Recipe } from '../../recipe';
import type { Policy } from './policy';
import { isCallable, type McpSkill } from './tools';

export function mcpSkills(recipes: readonly Recipe[], connectors: ConnectorLookup): McpSkill[] {
  const byId = new Map(recipes.map((r) => [r.id, r]));
  return recipes.filter(isCallable).map((recipe) => ({ recipe, effect: recipeEffect(recipe, { connectors, recipe: (id) => byId.get(id) }) }));
}

/** A policy with an `mcp` list offers only those; one without the list (like `connectors` without `allow`) limits nothing. */
export function narrowToPolicy(skills: McpSkill[], policy: Policy | undefined): { skills: McpSkill[]; unknown: string[] } {
  if (!policy?.mcp) return { skills, unknown: [] };
  const allowed = new Set(policy.mcp);
  const unknown = policy.mcp.filter((id) => !skills.some((s) => s.recipe.id === id));
  return { skills: skills.filter((s) => allowed.has(s.recipe.id)), unknown };
}
