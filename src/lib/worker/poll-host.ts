/**
 * Polled API events in the worker (being built in this session: see issue 11): one poll of a started
 * event recipe's connector event, where the connections' secrets and the proxy are.
 */
import type { SousDb } from '../store/db';
import type { EngineHost } from './host';

/** What one poll did: the jobs it started (one per new item), and why it could not poll, if so. */
export interface PollOutcome {
  started: string[];
  problem?: string;
}

export interface PollHostDeps {
  db: SousDb;
  host: Pick<EngineHost, 'startTriggered' | 'connectors'>;
  report: (problem: string) => void;
}

export function createPollHost(_deps: PollHostDeps) {
  return {
    async pollEvents(_recipeId: string): Promise<PollOutcome> {
      return { started: [] };
    }
  };
}
