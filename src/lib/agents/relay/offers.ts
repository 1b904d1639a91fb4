/**
 * Which recipes the person offers to outside assistants over MCP: one row per offered recipe, none at
 * first (nothing is handed to an assistant unasked). Only callable recipes can be offered.
 */
import type { SousDb } from '../../store/db';
import { guardWrite } from '../../store/storage-errors';

export async function offeredIds(db: SousDb): Promise<Set<string>> {
  return new Set((await db.mcp_offers.toArray()).map((row) => row.recipe_id));
}

export async function setOffered(db: SousDb, recipeId: string, offered: boolean, now = new Date()): Promise<void> {
  if (offered) await guardWrite('the recipes offered to assistants', () => db.mcp_offers.put({ recipe_id: recipeId, offered_at: now.toISOString() }));
  else await db.mcp_offers.delete(recipeId);
}
