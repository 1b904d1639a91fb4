/**
 * `npm run bench -- --peers`: the three workloads of issue 13 in Sous and in Node-RED side by side, each run
 * in a fresh child process three times, the median kept. Node-RED is installed from the registry into a
 * cache folder on first use, never at install or test time. Throughput is counted from the first message
 * (or job) to the last completion; memory is the child's peak RSS (process.resourceUsage().maxRSS).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from '../engine-bench';
import { median } from '../baseline';

const NODE_RED = 'node-red@4.1.8'; // the newest that runs on Node 20 (5.x wants Node 22.9)
const here = dirname(fileURLToPath(import.meta.url));
const cacheDir = join(here, '..', '..', 'node_modules', '.cache', 'sous-bench-peers');
const RUNS = 3;

interface Sample {
  value: number;
  unit: string;
  seconds: number;
  maxRssMiB: number;
  /** CPU time per item, job or call (user + system), steadier than throughput on a busy machine. */
  cpuUsPerOp?: number;
}

interface Workload {
  id: string;
  label: string;
  count: number;
  http?: boolean;
  /** How each side is driven, said beside the figures. */
  how: string;
}

const WORKLOADS: Workload[] = [
  { id: 'map-filter', label: '100k-item map/filter', count: 100_000, how: 'Sous: one job, foreach → if → set; Node-RED: inject → split → switch → change → join' },
  {
    id: 'small-jobs',
    label: '1,000 small jobs (5 steps)',
    count: 1000,
    how: 'Sous: jobs one after another, each journaled; Node-RED: 1,000 messages in at once, to the last completion'
  },
  {
    id: 'http-8',
    label: '200 HTTP calls, concurrency 8',
    count: 200,
    http: true,
    how: 'Sous: a foreach with concurrency 8; Node-RED: an http request node (keep-alive) its driver keeps at 8 in flight; both call one local API in a process of its own that answers at once with a prebuilt answer (local-api-child.mjs)'
  }
];

/** node-red's node_modules folder, installed on first use (a minute, once). */
function nodeRed(): string {
  const prefix = join(cacheDir, NODE_RED.replace('@', '-'));
  const modules = join(prefix, 'node_modules');
  if (existsSync(join(modules, 'node-red', 'package.json'))) return modules;
  mkdirSync(prefix, { recursive: true });
  console.log(`peers    installing ${NODE_RED} into ${prefix} (once)…`);
  const npm = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', NODE_RED], {
    stdio: 'inherit',
    timeout: 600_000
  });
  if (npm.status !== 0 || !existsSync(join(modules, 'node-red', 'package.json'))) throw new Error(`npm install ${NODE_RED} failed`);
  return modules;
}

/** sous-child.ts as one plain ES module, so Sous runs without a TypeScript loader, as Node-RED does. */
let bundled: Promise<string> | undefined;
export function bundleSous(): Promise<string> {
  return (bundled ??= bundleOnce());
}

async function bundleOnce(): Promise<string> {
  const { build } = await import('esbuild');
  const out = join(tmpdir(), 'sous-bench-peers', 'sous-child.mjs');
  await build({
    entryPoints: [join(here, 'sous-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    alias: { $lib: join(here, '..', '..', 'src', 'lib') },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error'
  });
  return out;
}

/**
 * The local API every side calls (local-api-child.mjs): its own process, one prebuilt answer. It was a Node
 * http server inside this bench process. On this 2-core machine a Node http server's parsing and answering
 * take CPU the caller needs, and cap the callers that use more than one core (their GC and compiler
 * threads) most: against a warm Node http server in a process of its own, the bare Node client made 3,027
 * calls/s and Sous 1,840; against this one 3,285 and 2,251 (medians of 7, same machine, same minutes).
 */
function localServer(): Promise<{ close: () => void; port: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [join(here, 'local-api-child.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    proc.on('error', reject);
    proc.on('exit', (code) => reject(new Error(`the local API exited ${code} before it listened`)));
    proc.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve({ port: (JSON.parse(line) as { port: number }).port, close: () => proc.kill() });
    });
  });
}

export function child(args: string[]): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    proc.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as Sample);
      else reject(new Error(`${args.slice(0, 2).join(' ')} exited ${code}: ${err.slice(-2000)}`));
    });
  });
}

function mid(samples: Sample[]): { value: number; rss: number; unit: string; cpu: number } {
  return {
    value: median(samples.map((s) => s.value)),
    rss: median(samples.map((s) => s.maxRssMiB)),
    unit: samples[0].unit,
    cpu: median(samples.map((s) => s.cpuUsPerOp ?? NaN))
  };
}

const perOp = (unit: string) => unit.replace(/s\/s$/, '');

const fmt = (v: number) => Math.round(v).toLocaleString('en');

/**
 * The same calls from Node's bare http client (http-floor-child.mjs): what the local round trip itself
 * costs, which bounds every side. A yardstick like Node-RED's figures, not a Sous figure to baseline.
 */
function floorFigure(w: Workload, f: ReturnType<typeof mid>, s: ReturnType<typeof mid>, n: ReturnType<typeof mid>): Figure {
  const over = (x: ReturnType<typeof mid>) => `${(x.cpu - f.cpu).toFixed(0)} µs`;
  return {
    name: `${w.label}: bare Node http (floor)`,
    value: f.value,
    unit: f.unit,
    detail:
      `CPU per call ${f.cpu.toFixed(1)} µs; above it Sous ${over(s)}, Node-RED ${over(n)}; ` +
      `Sous reaches ${((100 * s.value) / f.value).toFixed(0)}% of the floor's throughput, Node-RED ${((100 * n.value) / f.value).toFixed(0)}%`
  };
}

export async function peerFigures(): Promise<Figure[]> {
  const modules = nodeRed();
  const sous = await bundleSous();
  const server = await localServer();
  const { port } = server;
  const figures: Figure[] = [];
  try {
    for (const w of WORKLOADS) {
      const extra = w.http ? [String(port)] : [];
      const runs: Record<'sous' | 'nodeRed' | 'floor', Sample[]> = { sous: [], nodeRed: [], floor: [] };
      // Alternate the sides, so a noisy moment on the machine falls on each.
      for (let i = 0; i < RUNS; i++) {
        runs.sous.push(await child([sous, w.id, String(w.count), ...extra]));
        runs.nodeRed.push(await child([join(here, 'node-red-child.cjs'), modules, w.id, String(w.count), ...extra]));
        if (w.http) runs.floor.push(await child([join(here, 'http-floor-child.mjs'), w.id, String(w.count), ...extra]));
      }
      const s = mid(runs.sous);
      const n = mid(runs.nodeRed);
      const ratio = s.value / n.value;
      const cpu = `CPU per ${perOp(s.unit)} Sous ${s.cpu.toFixed(1)} µs, Node-RED ${n.cpu.toFixed(1)} µs (${(n.cpu / s.cpu).toFixed(2)}×)`;
      const detail = `Node-RED ${fmt(n.value)} ${n.unit}; ${ratio.toFixed(2)}× Node-RED; ${cpu}; peak RSS Sous ${fmt(s.rss)} MiB, Node-RED ${fmt(n.rss)} MiB; median of ${RUNS} fresh processes`;
      figures.push({ name: `${w.label}: Sous`, value: s.value, unit: s.unit, detail });
      figures.push({ name: `${w.label}: Node-RED`, value: n.value, unit: n.unit, detail: `${NODE_RED}; ${w.how}` });
      figures.push({ name: `${w.label}: Sous / Node-RED`, value: ratio * 100, unit: '%', detail: `target 300% (3×)` });
      figures.push({ name: `${w.label}: Sous peak RSS`, value: s.rss, unit: 'MiB', detail: `Node-RED ${fmt(n.rss)} MiB (${(s.rss / n.rss).toFixed(2)}×)` });
      figures.push({ name: `${w.label}: Node-RED peak RSS`, value: n.rss, unit: 'MiB', detail: NODE_RED });
      if (w.http) figures.push(floorFigure(w, mid(runs.floor), s, n));
    }
  } finally {
    server.close();
  }
  figures.push({
    name: 'n8n',
    value: 0,
    unit: '',
    detail:
      'not measured: n8n 1.123 (the last for Node 20) does not install from the npm registry alone: its xlsx dependency is a tarball on cdn.sheetjs.com, which this machine cannot reach'
  });
  return figures;
}

/** The 100k-item job's peak RSS in a fresh process (the engine group tracks it against the baseline). */
export async function bigLoopMemory(count = 100_000): Promise<Figure> {
  const sample = await child([await bundleSous(), 'map-filter', String(count)]);
  return {
    name: 'foreach → if → set, 100k items: peak RSS',
    value: sample.maxRssMiB,
    unit: 'MiB',
    detail: `a fresh process, ${Math.round(sample.value).toLocaleString('en')} items/s there; Node-RED's was 241 MiB on this machine (npm run bench -- --peers)`
  };
}
