/**
 * Where the studio's chat shows one conversation: an agent's direct one by the agent (so the Chat page's
 * list marks it), any other by its id.
 */
export function chatHref(conversationId: string): string {
  const direct = /^direct:(.+)$/.exec(conversationId);
  return direct ? `/chat?agent=${encodeURIComponent(direct[1])}` : `/chat?conversation=${encodeURIComponent(conversationId)}`;
}
