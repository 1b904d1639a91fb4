/**
 * What the page-side parts of "recipes that run by themselves" get from the studio's layout: the database
 * (read live), the engine worker (where jobs are made) and where to tell the person about a problem.
 * Each part (schedules, the webhook relay, polled events) answers a function that stops it.
 */
import type { SousDb } from '../../store/db';
import type { EngineClient } from '../../worker/client';

export interface AutomationDeps {
  db: SousDb;
  engine: EngineClient;
  report: (problem: string) => void;
}

export type StopAutomation = () => void;
