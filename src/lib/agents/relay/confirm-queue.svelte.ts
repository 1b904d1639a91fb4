/**
 * The person's answers to assistants' write calls (when the assistant's client cannot ask by MCP
 * elicitation): each question waits in line for the studio's confirm dialog, and goes away unanswered
 * (as a "no") when the call is cancelled.
 */
import type { ConfirmQuestion } from './relay-client';

export interface PendingConfirm {
  id: number;
  question: ConfirmQuestion;
  answer(allow: boolean): void;
}

export class ConfirmQueue {
  pending = $state<PendingConfirm[]>([]);
  private next = 1;

  /** The first question waiting, which the dialog shows. */
  get current(): PendingConfirm | undefined {
    return this.pending[0];
  }

  ask(question: ConfirmQuestion, signal: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      const id = this.next++;
      const done = (allow: boolean) => {
        this.pending = this.pending.filter((p) => p.id !== id);
        signal.removeEventListener('abort', cancel);
        resolve(allow);
      };
      const cancel = () => done(false);
      if (signal.aborted) return resolve(false);
      signal.addEventListener('abort', cancel, { once: true });
      this.pending = [...this.pending, { id, question, answer: done }];
    });
  }
}
