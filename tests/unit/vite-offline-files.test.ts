/** The build's list of extra files for the service worker: the workers' files and the OCR files, client build only. */
import { describe, expect, it } from 'vitest';
import { offlineFiles, OFFLINE_LIST } from '../../scripts/vite-offline-files';

type Emitted = { fileName: string; source: string };

function generate(dir: string, names: string[]): Emitted[] {
  const emitted: Emitted[] = [];
  const plugin = offlineFiles();
  const hook = plugin.generateBundle as unknown as (this: unknown, options: { dir?: string }, bundle: Record<string, unknown>) => void;
  hook.call({ emitFile: (file: Emitted) => emitted.push(file) }, { dir }, Object.fromEntries(names.map((n) => [n, { type: 'chunk', fileName: n, code: `// ${n}` }])));
  return emitted;
}

describe('offlineFiles', () => {
  it('lists the workers and their chunks, and the OCR files, for the client build', () => {
    const [list, plan] = generate('/x/.svelte-kit/output/client', [
      '_app/immutable/workers/engine.worker-a.js',
      '_app/immutable/workers/chunks/b.js',
      '_app/immutable/workers/assets/pdf.worker.min-c.mjs',
      '_app/immutable/nodes/0.js'
    ]);
    expect(list.fileName).toBe(OFFLINE_LIST);
    const files: string[] = JSON.parse(list.source);
    expect(files).toEqual(expect.arrayContaining([
      '/_app/immutable/workers/engine.worker-a.js',
      '/_app/immutable/workers/chunks/b.js',
      '/_app/immutable/workers/assets/pdf.worker.min-c.mjs',
      '/vendor/ocr/worker.min.js',
      '/vendor/ocr/eng.traineddata.gz',
      '/vendor/ocr/kor.traineddata.gz'
    ]));
    expect(files).not.toContain('/_app/immutable/nodes/0.js');
    // The second file is the precache plan, which names every built file.
    expect(JSON.parse(plan.source)).toBeTruthy();
  });

  it('emits nothing for the server build', () => {
    expect(generate('/x/.svelte-kit/output/server', ['_app/immutable/workers/a.js'])).toEqual([]);
  });
});
