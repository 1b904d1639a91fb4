/**
 * Whether the chat understands with the on-device model or in basic mode, as the page can tell before
 * the worker has answered anything: a model is chosen on the Models page and all its files are cached
 * (as the worker's model provider checks). After a message, the conversation's own `mode` says.
 */
import { getAiSetting, type SousDb } from '../../store';
import { isModelCached, type CachesLike } from '../../ai/runtime/model-files';
import { withBaseUrl } from '../../ai/runtime/model-source';
import { PREBUILT_MODELS } from '../../ai/runtime/prebuilt-models';

export type ChatMode = { mode: 'basic' } | { mode: 'model'; model: string };

export async function chatMode(db: SousDb, caches: CachesLike | undefined = globalThis.caches): Promise<ChatMode> {
  const [base, active] = await Promise.all([getAiSetting(db, 'base_url'), getAiSetting(db, 'active_model')]);
  const found = active ? PREBUILT_MODELS.find((r) => r.model_id === active) : undefined;
  if (!found || !caches) return { mode: 'basic' };
  try {
    return (await isModelCached(withBaseUrl(found, base), caches)) ? { mode: 'model', model: found.model_id } : { mode: 'basic' };
  } catch {
    return { mode: 'basic' };
  }
}
