/**
 * The floor under the HTTP workload: the same calls (GET /items/N, `concurrency` in flight, keep-alive)
 * made with Node's bare http client and nothing else, in a fresh process as each peer runs. No engine can
 * go below it; a peer's distance from it is what that peer adds. `node http-floor-child.mjs http-8 <count> <port>`
 * prints { value, unit, seconds, maxRssMiB, cpuUsPerOp } as the other children do.
 */
import { Agent, request } from 'node:http';

const [workload, countText, port] = process.argv.slice(2);
const count = Number(countText);
const concurrency = Number(workload.split('-')[1] ?? 8);
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function get(i) {
  return new Promise((resolve, reject) => {
    const req = request(`http://127.0.0.1:${port}/items/${i}`, { agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(Buffer.concat(chunks).toString())) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

const cpu0 = process.cpuUsage();
const t0 = performance.now();
let next = 0;
await Promise.all(Array.from({ length: Math.min(concurrency, count) }, async () => { while (next < count) await get(next++); }));
const seconds = (performance.now() - t0) / 1000;
const used = process.cpuUsage(cpu0);
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ value: count / seconds, unit: 'calls/s', seconds, maxRssMiB, cpuUsPerOp: (used.user + used.system) / count }) + '\n');
process.exit(0);
