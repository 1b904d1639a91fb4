/** The conversation: one module, free of UI, storage and model runtime (docs/agent-format.md). */
export { say, jobChanged, pendingApprovals, languageOf, type SayResult } from './say';
export { ConversationStateSchema, newConversation, type ConversationState, type PendingSkill, type WaitingApproval, type OfferedChoice } from './state';
export { createRunnerJobPort, childAgentHook } from './runner-port';
export { messages, type Messages } from './messages';
export { skillViews, findSkill, handoffAgents, reachableSkills, needsConfirm, fieldLabel, skillLabel } from './skills';
export { describeOutput } from './describe';
export type * from './ports';
