/**
 * A conversation's state: plain JSON (zod is its single source), so the studio can keep it in IndexedDB
 * and `sous chat` can replay it. Everything the next message needs is here; nothing lives in closures.
 */
import { z } from 'zod';
import { TurnSchema } from '../turn';

export const LangSchema = z.enum(['en', 'ko']);

/** A skill being collected or confirmed: whose it is, the values so far and what is being asked. */
export const PendingSkillSchema = z.object({
  skill: z.string(),
  /** The agent whose skill it is (after a hand-off: the receiving agent). */
  agent: z.string(),
  /** The agent that handed the request on to `agent`, when one did. */
  handedBy: z.string().optional(),
  values: z.record(z.string(), z.unknown()),
  /** The input field the last turn asked for. */
  asking: z.string().optional(),
  /** The confirmation card is shown and waits for yes or no. */
  confirming: z.boolean().optional()
});
export type PendingSkill = z.infer<typeof PendingSkillSchema>;

/** "Do you mean A or B?": the options offered and the message that led to the question. */
export const OfferedChoiceSchema = z.object({
  text: z.string(),
  /** The agent that asked (whose skills or hand-offs the options are). */
  agent: z.string(),
  handedBy: z.string().optional(),
  options: z.array(z.object({ id: z.string(), label: z.string(), kind: z.enum(['skill', 'agent']) }))
});
export type OfferedChoice = z.infer<typeof OfferedChoiceSchema>;

/** A job of this conversation waiting on an approval step. */
export const WaitingApprovalSchema = z.object({
  /** The job the conversation started. */
  job: z.string(),
  /** The job whose step waits: the started job, or a child job a `call` step runs. */
  stepJob: z.string(),
  /** The approval step's record path in `stepJob`. */
  step: z.string(),
  skill: z.string(),
  agent: z.string(),
  message: z.string().optional(),
  choices: z.array(z.string())
});
export type WaitingApproval = z.infer<typeof WaitingApprovalSchema>;

export const ConversationStateSchema = z.object({
  /** The agent the person talks to. */
  agent: z.string(),
  /** The agent speaking now (after a hand-off, the receiving one). */
  active: z.string(),
  /** The language of the person's last message that said which ("yes" or "12" keep it). */
  lang: LangSchema,
  pending: PendingSkillSchema.optional(),
  offered: OfferedChoiceSchema.optional(),
  waiting: z.array(WaitingApprovalSchema),
  turns: z.array(TurnSchema),
  /** Every job the conversation started, oldest first. */
  jobs: z.array(z.string())
});
export type ConversationState = z.infer<typeof ConversationStateSchema>;

export function newConversation(agentId: string, lang: z.infer<typeof LangSchema> = 'en'): ConversationState {
  return { agent: agentId, active: agentId, lang, waiting: [], turns: [], jobs: [] };
}
