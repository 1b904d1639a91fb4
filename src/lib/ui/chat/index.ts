/** The agents' chat, for the Chat page and the Agents page's side chat: `<AgentChat conversationId=… />`. */
export { default as AgentChat } from './agent-chat.svelte';
export { default as JobTree } from './job-tree.svelte';
export { chatMode, type ChatMode } from './chat-mode';
