/** The on-device model's rows: recorded replays of AI steps, and the model settings. */
import type { ReplayEntry, ReplayStore } from '../ai/replay/replay-store';
import type { AiSettingRow, SousDb } from './db';
import { guardWrite } from './storage-errors';

export class DexieReplayStore implements ReplayStore {
  constructor(private readonly db: SousDb) {}

  get(key: string): Promise<ReplayEntry | undefined> {
    return this.db.ai_replays.get(key);
  }

  async put(entry: ReplayEntry): Promise<void> {
    await guardWrite('a recorded AI answer', () => this.db.ai_replays.put(entry));
  }
}

export async function getAiSetting(db: SousDb, key: AiSettingRow['key']): Promise<string> {
  return (await db.ai_settings.get(key))?.value ?? '';
}

export async function setAiSetting(db: SousDb, key: AiSettingRow['key'], value: string): Promise<void> {
  await guardWrite('a model setting', () => db.ai_settings.put({ key, value }));
}
