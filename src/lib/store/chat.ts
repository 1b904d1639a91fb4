/** The studio's chat: where the `chat` connector's messages land, and what the chat panel reads. */
import type { ChatMessage, ChatSink } from '../connectors/chat';
import type { SousDb } from './db';
import { guardWrite } from './storage-errors';

export class DexieChatSink implements ChatSink {
  constructor(private readonly db: SousDb) {}

  async post(message: ChatMessage): Promise<void> {
    await guardWrite(`a chat message in #${message.channel}`, () => this.db.chat.add(message));
  }
}

/** The newest messages, oldest first (the order a chat reads in). */
export async function recentMessages(db: SousDb, limit = 20): Promise<ChatMessage[]> {
  return (await db.chat.orderBy('at').reverse().limit(limit).toArray()).reverse();
}
