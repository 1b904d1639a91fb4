/** `npm run bench`: prints each figure as a line; `--json` prints them as JSON; `-- GROUP…` runs only those groups. */
import { bigLoop, httpCalls, manyJobs, type Figure } from './engine-bench';
import { canvasFigures } from './canvas-bench';
import { refunds, workshopJobs } from './sandbox-bench';
import { tablesFigures } from './tables-bench';
import { openapiImportFigures } from './openapi-bench';
import { extractFigures } from './extract-bench';
import { modelExtractor } from './extract-model';
import { copilotFigures } from './copilot-bench';
import { localDownload, replays } from './model-bench';
import { agentsFigures } from './agents-bench';
import { serveFigures } from './serve-bench';

const figures: Figure[] = [];
const benches: Array<[string, () => Promise<Figure | Figure[]>]> = [
  ['engine', () => bigLoop()],
  ['engine', () => manyJobs()],
  ['engine', () => httpCalls(1)],
  ['engine', () => httpCalls(8)],
  ['studio', () => canvasFigures()],
  ['sandbox', () => workshopJobs()],
  ['sandbox', () => refunds()],
  ['tables', () => tablesFigures()],
  ['openapi', () => openapiImportFigures()],
  [
    'extract',
    async () => {
      const model = await modelExtractor();
      const figures = await extractFigures(model ? [model] : []);
      if (!model) figures.push({ name: 'model mode', value: 0, unit: '', detail: 'not measured: no model loaded (see bench/extract-model.ts)' });
      return figures;
    }
  ],
  ['copilot', () => copilotFigures()],
  ['agents', () => agentsFigures()],
  ['model', () => localDownload()],
  ['model', () => replays()],
  ['serve', () => serveFigures()]
];

// `npm run bench -- serve engine`: only those groups (all when none is named).
const groups = process.argv.slice(2).filter((a) => !a.startsWith('--'));
for (const [group, bench] of benches) {
  if (groups.length > 0 && !groups.includes(group)) continue;
  for (const figure of [await bench()].flat()) {
    figures.push(figure);
    if (!process.argv.includes('--json')) {
      console.log(`${group.padEnd(8)} ${figure.name.padEnd(44)} ${Math.round(figure.value).toLocaleString('en').padStart(10)} ${figure.unit.padEnd(8)} (${figure.detail})`);
    }
  }
}
if (process.argv.includes('--json')) console.log(JSON.stringify(figures, null, 2));
