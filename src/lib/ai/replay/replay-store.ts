/**
 * Recorded replays of AI steps. A model's answer is recorded under a key made of the action, its input and
 * the model's id, so running the same step again (a re-run, a retry) replays the recorded answer instead of
 * asking the model again: the job is reproducible and the machine does not redo minutes of work.
 * The store is passed in: IndexedDB (Dexie) in the browser, memory in the CLI and tests.
 */
import { z } from 'zod';

export const ReplayEntrySchema = z.object({
  key: z.string(),
  /** `ai.extract`, `ai.classify`, … */
  action: z.string(),
  model: z.string(),
  output: z.unknown(),
  recorded_at: z.string()
});
export type ReplayEntry = z.infer<typeof ReplayEntrySchema>;

export interface ReplayStore {
  get(key: string): Promise<ReplayEntry | undefined>;
  put(entry: ReplayEntry): Promise<void>;
}

/** Keeps replays in memory; the CLI and tests use it. */
export class MemoryReplayStore implements ReplayStore {
  readonly entries = new Map<string, ReplayEntry>();
  async get(key: string): Promise<ReplayEntry | undefined> {
    return this.entries.get(key);
  }
  async put(entry: ReplayEntry): Promise<void> {
    this.entries.set(entry.key, entry);
  }
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` make the same key. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The replay key: SHA-256 (hex) of the action, the model and the canonical input. */
export async function replayKey(action: string, model: string, input: unknown): Promise<string> {
  const text = `${action}\n${model}\n${canonicalJson(input)}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
