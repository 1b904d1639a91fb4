/**
 * One workload in Sous, in a fresh process, measured as node-red-child.cjs measures Node-RED:
 * `sous-child <workload> <count> [port]` prints { value, unit, seconds, maxRssMiB }. peers.ts bundles this
 * file into one plain .mjs first, so neither side carries a TypeScript loader in its memory or its time.
 */
import { bigLoop, httpCallsTo, lastTimedCpuUs, manyJobs } from '../engine-bench';

const [workload, countText, port] = process.argv.slice(2);
// Node-RED loads its HTTP client when it deploys the flow; Node loads the Headers class the http connector
// uses, and the Web Crypto a job's id comes from, on first touch (2 and 20 ms). Loaded here too, before the
// clock starts (no Sous code runs).
void globalThis.Headers;
void globalThis.crypto;
const count = Number(countText);

async function run(): Promise<{ seconds: number; unit: string }> {
  if (workload === 'map-filter') {
    const figure = await bigLoop(count);
    return { seconds: count / figure.value, unit: 'items/s' };
  }
  if (workload === 'small-jobs') {
    const figure = await manyJobs(count);
    return { seconds: count / figure.value, unit: 'jobs/s' };
  }
  if (workload.startsWith('http')) {
    const concurrency = Number(workload.split('-')[1] ?? 8);
    return { seconds: await httpCallsTo(`http://127.0.0.1:${port}`, concurrency, count), unit: 'calls/s' };
  }
  throw new Error(`no workload ${workload}`);
}

run().then(
  ({ seconds, unit }) => {
    const maxRssMiB = process.resourceUsage().maxRSS / 1024;
    // CPU time in the clock's window (engine-bench.ts's `timed`), which a busy machine moves far less
    // than the wall clock: said beside the throughput.
    const cpuUsPerOp = lastTimedCpuUs / count;
    process.stdout.write(JSON.stringify({ value: count / seconds, unit, seconds, maxRssMiB, cpuUsPerOp }) + '\n');
    process.exit(0);
  },
  (err) => {
    process.stderr.write(`sous child: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  }
);
