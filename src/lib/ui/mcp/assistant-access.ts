/**
 * What the Assistants page shows: the MCP address and token (from the local server, same-origin only),
 * and the callable recipes with whether each is offered and what it does.
 */
import { RELAY_TOKEN_PATH } from '../../agents/relay/protocol';
import { offeredIds } from '../../agents/relay/offers';
import { catalogLookup } from '../../agents/relay/studio-relay';
import { mcpSkills } from '../../agents/mcp/skills';
import type { RecipeEffect } from '../../connectors/effects';
import type { Recipe } from '../../recipe';
import { getRecipe, listRecipes } from '../../store';
import type { SousDb } from '../../store/db';

export interface McpAccess {
  url: string;
  token: string;
  file: string | null;
}

/** The endpoint's address and token, or undefined where the studio is served without it. */
export async function fetchMcpAccess(base = ''): Promise<McpAccess | undefined> {
  try {
    const res = await fetch(`${base}${RELAY_TOKEN_PATH}`, { credentials: 'same-origin' });
    if (!res.ok || !res.headers.get('content-type')?.includes('application/json')) return undefined;
    const body = (await res.json()) as Partial<McpAccess>;
    return typeof body.token === 'string' && typeof body.url === 'string' ? { url: body.url, token: body.token, file: body.file ?? null } : undefined;
  } catch {
    return undefined;
  }
}

export interface OfferRow {
  recipe: Recipe;
  effect: RecipeEffect;
  offered: boolean;
}

export async function offerRows(db: SousDb): Promise<OfferRow[]> {
  const recipes: Recipe[] = [];
  for (const row of await listRecipes(db)) {
    const found = await getRecipe(db, row.id);
    if (found) recipes.push(found.recipe);
  }
  const offered = await offeredIds(db);
  return mcpSkills(recipes, catalogLookup()).map((s) => ({ ...s, offered: offered.has(s.recipe.id) }));
}
