/** `npm run bench`: prints each figure as a line; `--json` prints them as JSON. */
import { bigLoop, httpCalls, manyJobs, type Figure } from './engine-bench';
import { canvasFigures } from './canvas-bench';
import { localDownload, replays } from './model-bench';

const figures: Figure[] = [];
const benches: Array<[string, () => Promise<Figure | Figure[]>]> = [
  ['engine', () => bigLoop()],
  ['engine', () => manyJobs()],
  ['engine', () => httpCalls(1)],
  ['engine', () => httpCalls(8)],
  ['studio', () => canvasFigures()],
  ['model', () => localDownload()],
  ['model', () => replays()]
];

for (const [group, bench] of benches) {
  for (const figure of [await bench()].flat()) {
    figures.push(figure);
    if (!process.argv.includes('--json')) {
      console.log(`${group.padEnd(8)} ${figure.name.padEnd(44)} ${Math.round(figure.value).toLocaleString('en').padStart(10)} ${figure.unit.padEnd(8)} (${figure.detail})`);
    }
  }
}
if (process.argv.includes('--json')) console.log(JSON.stringify(figures, null, 2));
