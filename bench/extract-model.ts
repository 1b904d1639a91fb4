/**
 * The hook where model-mode extraction joins the bench. The model client (src/lib/ai/model-client.ts) is
 * built elsewhere; when a model can be loaded in this process, return an Extractor that asks it, and
 * `npm run bench` measures it on the same corpus, with the same scoring, beside basic mode.
 *
 * Until then: none, and the bench says so. (In the browser, WebLLM needs WebGPU; Node has no model.)
 */
import type { Extractor } from './extract-bench';

export async function modelExtractor(): Promise<Extractor | null> {
  // e.g. const client = await loadModelClient(); if (!client) return null;
  //      return { name: `model ${client.model}`, extract: (doc, fields) => extractWithModel(client, doc.text, fields, doc.reader) };
  return null;
}
