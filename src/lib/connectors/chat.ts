/** The built-in `chat` connector: post a message to a channel of the studio's own chat. */
import { z } from 'zod';
import { defineConnector } from './sdk';

export const ChatMessageSchema = z.object({
  id: z.string(),
  channel: z.string(),
  text: z.string(),
  at: z.string()
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** Where messages go: IndexedDB in the browser, memory (and the terminal) in the CLI. */
export interface ChatSink {
  post(message: ChatMessage): Promise<void>;
}

export function createChatConnector(sink: ChatSink, now: () => Date = () => new Date()) {
  return defineConnector({
    id: 'chat',
    label: 'Chat',
    description: "Post to the studio's chat.",
    check: async () => ({ ok: true, message: "The chat is part of the studio: there is nothing to connect to." }),
    actions: {
      post: {
        label: 'Post a message',
        effect: 'write',
        idempotent: false,
        input: z.object({
          channel: z.string().min(1).regex(/^[A-Za-z0-9_.-]+$/, 'expected a channel name such as "finance"'),
          text: z.string()
        }),
        output: ChatMessageSchema,
        async execute(input) {
          const message = { id: crypto.randomUUID(), channel: input.channel, text: input.text, at: now().toISOString() };
          await sink.post(message);
          return message;
        }
      }
    }
  });
}

/** Keeps messages in memory; the CLI and tests use it. */
export class MemoryChat implements ChatSink {
  readonly messages: ChatMessage[] = [];
  async post(message: ChatMessage): Promise<void> {
    this.messages.push(message);
  }
}
