/**
 * `npm run bench`: prints each figure as a line (the median of 3 runs); `--json` prints them as JSON;
 * `-- GROUP…` runs only those groups; `--peers` runs the workloads side by side with Node-RED. The run fails
 * (exit 1, a REGRESSION line per figure) when a figure is more than 20% worse than bench/baseline.json;
 * `--update-baseline` rewrites that file with this run's figures.
 */
import { bigLoop, dexieJobs, httpCalls, manyJobs, type Figure } from './engine-bench';
import { canvasFigures } from './canvas-bench';
import { refunds, workshopJobs } from './sandbox-bench';
import { tablesFigures } from './tables-bench';
import { openapiImportFigures } from './openapi-bench';
import { extractFigures } from './extract-bench';
import { modelExtractor } from './extract-model';
import { copilotFigures } from './copilot-bench';
import { grammarFigures, localDownload, promptTokenFigures, replays } from './model-bench';
import { agentsFigures } from './agents-bench';
import { serveFigures } from './serve-bench';
import { queueFigures } from './queue-bench';
import { bigLoopMemory, peerFigures } from './peers/peers';
import { describeRegression, keyOf, measured, median, readBaseline, regressions, TOLERANCE, writeBaseline, type BaselineEntry } from './baseline';

const figures: Figure[] = [];
const benches: Array<[string, () => Promise<Figure | Figure[]>]> = [
  ['engine', () => bigLoop()],
  ['engine', () => bigLoopMemory()],
  ['engine', () => manyJobs()],
  ['engine', () => dexieJobs()],
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
  ['model', () => promptTokenFigures()],
  ['model', () => grammarFigures()],
  ['serve', () => serveFigures()],
  ['queue', () => queueFigures()],
  ['load', async () => (await import('./load-bench')).loadFigures()]
];

const args = process.argv.slice(2);
const json = args.includes('--json');
// `npm run bench -- serve engine`: only those groups (all when none is named); `--peers` adds the side-by-side
// run against Node-RED to the groups named (alone, it runs only that).
const groups = args.filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (args.includes('--peers')) {
  benches.push(['peers', () => peerFigures()]);
  groups.push('peers');
}
// Each bench runs three times and each figure is the median, so one noisy moment neither fails the
// baseline check nor gets written into it. `--runs N` changes that.
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 1) : 3;

const measuredNow: Record<string, BaselineEntry> = {};
const failures: string[] = [];
for (const [group, bench] of benches) {
  if (groups.length > 0 && !groups.includes(group)) continue;
  let result: Figure[];
  try {
    result = await medianOf(group === 'peers' ? 1 : runs, bench);
  } catch (err) {
    failures.push(`FAILED ${group}: ${err instanceof Error ? err.message : String(err)}`);
    console.error(failures[failures.length - 1]);
    continue;
  }
  for (const figure of result) {
    figures.push(figure);
    // Node-RED's own figures (and the bare HTTP floor) are yardsticks, not ours to keep from regressing; the ratio moves with both.
    if (measured(figure) && !figure.name.includes('Node-RED') && !figure.name.includes('(floor)')) {
      measuredNow[keyOf(group, figure)] = { value: figure.value, unit: figure.unit };
    }
    if (!json) {
      console.log(`${group.padEnd(8)} ${figure.name.padEnd(44)} ${Math.round(figure.value).toLocaleString('en').padStart(10)} ${figure.unit.padEnd(8)} (${figure.detail})`);
    }
  }
}
if (json) console.log(JSON.stringify(figures, null, 2));

if (args.includes('--update-baseline')) {
  writeBaseline(measuredNow);
  console.log(`baseline: ${Object.keys(measuredNow).length} figures written to bench/baseline.json`);
} else {
  const worse = regressions(readBaseline(), measuredNow);
  for (const r of worse) console.error(describeRegression(r));
  if (worse.length > 0) {
    console.error(`${worse.length} figure(s) regressed more than ${TOLERANCE * 100}% from bench/baseline.json (npm run bench -- --update-baseline to accept new figures)`);
    process.exitCode = 1;
  }
}
if (failures.length > 0) process.exitCode = 1;

/** Run a bench `n` times; each figure is the median of its values, with the detail of the run nearest it. */
async function medianOf(n: number, bench: () => Promise<Figure | Figure[]>): Promise<Figure[]> {
  const all: Figure[][] = [];
  for (let i = 0; i < n; i++) all.push([await bench()].flat());
  return all[0].map((first) => {
    const same = all.map((r) => r.find((f) => f.name === first.name)).filter((f): f is Figure => f !== undefined);
    const value = median(same.map((f) => f.value));
    const nearest = same.reduce((a, b) => (Math.abs(b.value - value) < Math.abs(a.value - value) ? b : a));
    return { ...nearest, value, detail: n > 1 ? `${nearest.detail}; median of ${same.length}` : nearest.detail };
  });
}
