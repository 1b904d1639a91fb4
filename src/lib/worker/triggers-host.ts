/**
 * The trigger queue in the worker (being built in this session: see issue 11): schedule ticks and relayed
 * webhooks are accepted into the queue (src/lib/triggers/queue/) over a Dexie store, and each becomes a job
 * of the recipe's active version whose id is the event id.
 */
import type { AcceptResult, TriggerEvent } from '../triggers/queue/types';
import type { SousDb } from '../store/db';
import type { EngineHost } from './host';

export interface TriggersHostDeps {
  db: SousDb;
  host: Pick<EngineHost, 'startTriggered'>;
  report: (problem: string) => void;
}

export function createTriggersHost(_deps: TriggersHostDeps) {
  return {
    /** Accept one firing of a started recipe's trigger; answers as the queue does. */
    async acceptTrigger(event: TriggerEvent): Promise<AcceptResult> {
      return { status: 'invalid', event_id: event.event_id, message: 'triggers are not running yet' };
    },
    /** After a reload, or when this tab becomes the one that fires triggers: start what was accepted and not started. */
    async recoverTriggers(): Promise<void> {}
  };
}
