/**
 * The relay between the local server's `/mcp` endpoint and the open studio tab. The studio holds the
 * recipes, the jobs and the person; the server holds the MCP sessions and runs the same tool layer as
 * `sous mcp` (src/lib/agents/mcp) over what the tab publishes:
 *
 *   studio ──GET  /mcp/relay (Server-Sent Events)──► hello {peer, serving} · serving · ask {id, kind, …} · cancel {id}
 *   studio ──POST /mcp/relay?peer=ID  {type:'skills'|'answer', …}──► the server
 *
 * `skills`: the recipes the person offers, each with its effect. `ask` run: run a recipe as a job and
 * answer the job once it ends or waits; `ask` confirm: ask the person whether a tool that changes data may
 * run (when the assistant's client cannot be asked by MCP elicitation). One tab serves at a time: the first
 * to connect; when it goes, the oldest of the others takes over. Both sides parse every message with these
 * schemas; the server checks recipes and jobs against the recipe format's own schemas as well.
 */
import { z } from 'zod';

export const RELAY_PATH = '/mcp/relay';
export const RELAY_TOKEN_PATH = '/mcp/token';

export const RelayEffectSchema = z.strictObject({
  effect: z.enum(['read', 'write']),
  idempotent: z.boolean(),
  writes: z.array(z.string())
});

/** An offered recipe (checked against RecipeSchema where it is used) and what it does to the world. */
export const RelaySkillSchema = z.strictObject({ recipe: z.looseObject({ id: z.string() }), effect: RelayEffectSchema });
export type RelaySkill = z.infer<typeof RelaySkillSchema>;

export const ConfirmRequestSchema = z.strictObject({
  tool: z.string(),
  title: z.string(),
  values: z.record(z.string(), z.unknown()),
  writes: z.array(z.string())
});

export const AskEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: z.string().min(1), kind: z.literal('run'), recipe: z.string(), input: z.record(z.string(), z.unknown()) }),
  z.strictObject({ id: z.string().min(1), kind: z.literal('confirm'), request: ConfirmRequestSchema })
]);
export type AskEvent = z.infer<typeof AskEventSchema>;
export type Ask = AskEvent extends infer A ? (A extends { id: string } ? Omit<A, 'id'> : never) : never;

export const HelloEventSchema = z.strictObject({ peer: z.string().min(16), serving: z.boolean() });
export const CancelEventSchema = z.strictObject({ id: z.string() });

export const UpMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('skills'), skills: z.array(RelaySkillSchema).max(1000) }),
  /** `error`: the ask failed (a plain sentence for the assistant); else `value` is its answer. */
  z.strictObject({ type: z.literal('answer'), id: z.string().min(1), value: z.unknown().optional(), error: z.string().max(4000).optional() })
]);
export type UpMessage = z.infer<typeof UpMessageSchema>;
