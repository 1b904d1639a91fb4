/**
 * DEV ONLY (tests and bench): XGrammar, the grammar engine WebLLM 0.2.86 bundles (@mlc-ai/web-xgrammar
 * 0.1.27, the version its package.json pins), loaded in Node. The studio never imports this: WebLLM
 * carries its own copy inside its bundle.
 *
 * The package is an emscripten UMD file in a `"type": "module"` package: Node loads it as ESM, where it
 * finds neither `exports` nor `define` and so sets `globalThis.xgrammar`; its Node branch also reads the
 * CommonJS globals `require` and `__filename` to find itself. Both are provided before the import.
 */
import { createRequire } from 'node:module';
import type * as XGrammar from '@mlc-ai/web-xgrammar';

export type XGrammarModule = typeof XGrammar;

let loading: Promise<XGrammarModule> | undefined;

export function loadXGrammar(): Promise<XGrammarModule> {
  loading ??= (async () => {
    const g = globalThis as Record<string, unknown>;
    const require = createRequire(import.meta.url);
    g.require ??= require;
    g.__filename ??= require.resolve('@mlc-ai/web-xgrammar');
    await import('@mlc-ai/web-xgrammar');
    const mod = g.xgrammar as XGrammarModule | undefined;
    if (!mod?.GrammarCompiler) throw new Error('@mlc-ai/web-xgrammar did not load (no globalThis.xgrammar)');
    return mod;
  })();
  return loading;
}
