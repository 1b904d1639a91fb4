/**
 * How long importing a large real-world OpenAPI document takes: parse the text, check it and build the
 * connector with every action (schemas are converted lazily, on first use). Best of 3 runs.
 */
import { buildOpenApiConnector } from '../src/lib/connectors/openapi';
import { LARGE_SPECS, readFixture } from '../src/lib/connectors/openapi/fixtures';
import type { Figure } from './engine-bench';

export async function openapiImportFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const spec of LARGE_SPECS) {
    const text = readFixture(spec.file);
    let best = Infinity;
    let actions = 0;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      actions = Object.keys(buildOpenApiConnector({ id: 'openapi.bench', label: 'Bench', document: text }).actions).length;
      best = Math.min(best, performance.now() - start);
    }
    figures.push({
      name: `import OpenAPI: ${spec.name}`,
      value: best,
      unit: 'ms',
      detail: `${(text.length / 1e6).toFixed(1)} MB, ${actions} actions, best of 3`
    });
  }
  return figures;
}
