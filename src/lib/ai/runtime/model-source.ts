/**
 * Where a model's files come from: Hugging Face and GitHub by default, or a base URL a person sets (the
 * trainer's laptop, `http://127.0.0.1:5177/models`, or a company mirror). With a base URL, a model's files
 * are read from BASE/MODEL_ID/resolve/main/ and its library from BASE/libs/FILE.wasm, the same layout as
 * the Hugging Face repositories, so a mirror is a plain copy.
 */
import type { ModelRecordLike } from './models';

/** WebLLM's own rule (cleanModelUrl): a model URL ends in `/resolve/BRANCH/`. */
export function modelFilesUrl(model: string): string {
  let url = model.endsWith('/') ? model : `${model}/`;
  if (!/.+\/resolve\/.+\//.test(url)) url += 'resolve/main/';
  return new URL(url).href;
}

/** Checks a base URL a person typed; answers the cleaned URL (no trailing slash) or a plain problem. */
export function checkBaseUrl(text: string): { ok: true; base: string } | { ok: false; problem: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, base: '' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: 'This is not a web address: it should look like http://127.0.0.1:5177/models' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'The address should start with http:// or https://' };
  if (url.search || url.hash) return { ok: false, problem: 'The address should not have a ? or # part' };
  return { ok: true, base: url.href.replace(/\/+$/, '') };
}

/** The record with its URLs moved under `base` (empty: unchanged). */
export function withBaseUrl<T extends ModelRecordLike>(record: T, base: string): T {
  if (!base) return record;
  const lib = record.model_lib.split('/').pop() ?? `${record.model_id}.wasm`;
  return { ...record, model: `${base}/${record.model_id}/resolve/main/`, model_lib: `${base}/libs/${lib}` };
}
