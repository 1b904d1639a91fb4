/** Where the studio's chat shows one conversation (the Chat page, opened on it). */
export function chatHref(conversationId: string): string {
  return `/chat?conversation=${encodeURIComponent(conversationId)}`;
}
