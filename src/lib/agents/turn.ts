/**
 * What a conversation says, turn by turn: the shape `sous chat --json` prints and the studio's chat keeps
 * (docs/agent-format.md). Zod is its single source, so the CLI, the studio and the tests share one type.
 */
import { z } from 'zod';

export const CARD_KINDS = ['confirm', 'approval', 'choice'] as const;

export const CardSchema = z.object({
  kind: z.enum(CARD_KINDS),
  /** The skill (recipe id) the card is about. */
  skill: z.string().optional(),
  /** `confirm`: every value the skill will run with. */
  values: z.record(z.string(), z.unknown()).optional(),
  /** `approval`: the waiting job, the approval step's path, its message and choices. */
  job: z.string().optional(),
  step: z.string().optional(),
  message: z.string().optional(),
  choices: z.array(z.string()).optional(),
  /** `choice`: the skills (recipe ids) or agents the person may mean. */
  options: z.array(z.object({ id: z.string(), label: z.string() })).optional()
});
export type Card = z.infer<typeof CardSchema>;

export const UserTurnSchema = z.object({
  role: z.literal('user'),
  text: z.string(),
  /** When the person said it, ISO 8601 (the studio shows it; the CLI leaves it out). */
  at: z.string().optional()
});

export const AgentTurnSchema = z.object({
  role: z.literal('agent'),
  /** The id of the agent speaking (after a hand-off: the receiving agent). */
  agent: z.string(),
  text: z.string(),
  /** The skill (recipe id) this turn is about. */
  skill: z.string().optional(),
  /** The input field being asked for. */
  asks: z.string().optional(),
  card: CardSchema.optional(),
  /** The job this turn reports on. */
  job: z.string().optional(),
  /** The agent a request is handed on to, on the turn that says so. */
  hands_to: z.string().optional(),
  at: z.string().optional()
});

export const TurnSchema = z.discriminatedUnion('role', [UserTurnSchema, AgentTurnSchema]);
export type UserTurn = z.infer<typeof UserTurnSchema>;
export type AgentTurn = z.infer<typeof AgentTurnSchema>;
export type Turn = z.infer<typeof TurnSchema>;
