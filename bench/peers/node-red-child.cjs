/**
 * One workload in Node-RED, in a fresh process: `node node-red-child.cjs <node_modules> <workload> <count> [port]`.
 * The flows are deployed through Node-RED's embedding API (RED.init/RED.start with a flows file), the way a
 * person's flow runs; the clock starts when the first message goes in and stops at the last completion.
 * Prints one JSON line: { value, unit, seconds, maxRssMiB }.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const [modules, workload, countText, port] = process.argv.slice(2);
const count = Number(countText);
const RED = require(path.join(modules, 'node-red'));

let finish = () => {};
/** CPU used from the first message in (set there), as sous-child.ts counts it from its job's start. */
let cpu0 = process.cpuUsage();
const chat = [];
const globals = { benchDone: (msg) => finish(msg), chat, items: [] };

const done = (id) => ({ id, type: 'function', z: 'bench-tab', func: "global.get('benchDone')(msg);\nreturn null;", outputs: 0, wires: [] });

/** inject → split → switch (amount > 500) → change (last = id) → join: the map/filter of bench/engine-bench.ts. */
function mapFilter() {
  return [
    { id: 'n-start', type: 'inject', z: 'bench-tab', props: [{ p: 'payload', v: 'items', vt: 'global' }], repeat: '', once: false, wires: [['n-split']] },
    { id: 'n-split', type: 'split', z: 'bench-tab', splt: '\\n', spltType: 'str', arraySplt: 1, arraySpltType: 'len', stream: false, addname: '', wires: [['n-check']] },
    {
      id: 'n-check', type: 'switch', z: 'bench-tab', property: 'payload.amount', propertyType: 'msg',
      rules: [{ t: 'gt', v: '500', vt: 'num' }, { t: 'else' }], checkall: 'false', outputs: 2, wires: [['n-flag'], ['n-join']]
    },
    { id: 'n-flag', type: 'change', z: 'bench-tab', rules: [{ t: 'set', p: 'last', pt: 'msg', to: 'payload.id', tot: 'msg' }], wires: [['n-join']] },
    { id: 'n-join', type: 'join', z: 'bench-tab', mode: 'auto', build: 'array', wires: [['n-done']] },
    done('n-done')
  ];
}

/** The 5-step recipe of bench/engine-bench.ts: total, if big then mark, post to chat, keep the post's id. */
function fiveSteps() {
  return [
    { id: 'n-start', type: 'change', z: 'bench-tab', rules: [{ t: 'set', p: 'total', pt: 'msg', to: 'payload.amount * 1.1', tot: 'jsonata' }], wires: [['n-big']] },
    {
      id: 'n-big', type: 'switch', z: 'bench-tab', property: 'total', propertyType: 'msg',
      rules: [{ t: 'gt', v: '100', vt: 'num' }, { t: 'else' }], checkall: 'false', outputs: 2, wires: [['n-mark'], ['n-post']]
    },
    { id: 'n-mark', type: 'change', z: 'bench-tab', rules: [{ t: 'set', p: 'big', pt: 'msg', to: 'true', tot: 'bool' }], wires: [['n-post']] },
    {
      id: 'n-post', type: 'function', z: 'bench-tab', outputs: 1, wires: [['n-posted']],
      func: "const chat = global.get('chat');\nchat.push({ channel: 'bench', text: 'Total ' + msg.total });\nmsg.post = { id: 'm-' + chat.length };\nreturn msg;"
    },
    { id: 'n-posted', type: 'change', z: 'bench-tab', rules: [{ t: 'set', p: 'posted', pt: 'msg', to: 'post.id', tot: 'msg' }], wires: [['n-done']] },
    done('n-done')
  ];
}

/** An http request node against the bench's local server; the driver keeps `concurrency` calls in flight. */
function httpFlow() {
  return [
    { id: 'n-start', type: 'http request', z: 'bench-tab', method: 'GET', ret: 'obj', paytoqs: 'ignore', url: '', persist: true, wires: [['n-done']] },
    done('n-done')
  ];
}

async function deploy(flows) {
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sous-bench-nr-'));
  fs.writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify([{ id: 'bench-tab', type: 'tab', label: 'bench' }, ...flows]));
  RED.init({
    userDir,
    flowFile: 'flows.json',
    httpAdminRoot: false,
    httpNodeRoot: false,
    credentialSecret: false,
    functionGlobalContext: globals,
    logging: { console: { level: 'off', metrics: false, audit: false } },
    editorTheme: { tours: false }
  });
  await RED.start();
  for (let i = 0; i < 500 && !RED.nodes.getNode('n-done'); i++) await new Promise((r) => setTimeout(r, 10));
  if (!RED.nodes.getNode('n-done')) throw new Error('Node-RED did not start the flow');
  return RED.nodes.getNode('n-start');
}

async function run() {
  if (workload === 'map-filter') {
    globals.items.push(...Array.from({ length: count }, (_, i) => ({ id: `inv-${i}`, amount: (i * 37) % 1000 })));
    const start = await deploy(mapFilter());
    const t0 = performance.now();
    cpu0 = process.cpuUsage();
    await new Promise((resolve) => {
      finish = (msg) => {
        if (msg.payload.length !== count) throw new Error(`join gave ${msg.payload.length} items`);
        resolve();
      };
      start.receive({});
    });
    return { seconds: (performance.now() - t0) / 1000, unit: 'items/s' };
  }
  if (workload === 'small-jobs') {
    const start = await deploy(fiveSteps());
    const t0 = performance.now();
    cpu0 = process.cpuUsage();
    await new Promise((resolve) => {
      let left = count;
      finish = () => {
        if (--left === 0) resolve();
      };
      for (let i = 0; i < count; i++) start.receive({ payload: { amount: i } });
    });
    return { seconds: (performance.now() - t0) / 1000, unit: 'jobs/s' };
  }
  if (workload.startsWith('http')) {
    const concurrency = Number(workload.split('-')[1] ?? 8);
    const start = await deploy(httpFlow());
    const t0 = performance.now();
    cpu0 = process.cpuUsage();
    await new Promise((resolve, reject) => {
      let sent = 0;
      let left = count;
      const next = () => start.receive({ url: `http://127.0.0.1:${port}/items/${sent++}` });
      finish = (msg) => {
        if (msg.statusCode !== 200) reject(new Error(`status ${msg.statusCode}`));
        if (--left === 0) resolve();
        else if (sent < count) next();
      };
      for (let i = 0; i < Math.min(concurrency, count); i++) next();
    });
    return { seconds: (performance.now() - t0) / 1000, unit: 'calls/s' };
  }
  throw new Error(`no workload ${workload}`);
}

run().then(
  async ({ seconds, unit }) => {
    const maxRssMiB = process.resourceUsage().maxRSS / 1024;
    const used = process.cpuUsage(cpu0);
    const cpuUsPerOp = (used.user + used.system) / count;
    process.stdout.write(JSON.stringify({ value: count / seconds, unit, seconds, maxRssMiB, cpuUsPerOp }) + '\n');
    await RED.stop().catch(() => {});
    process.exit(0);
  },
  (err) => {
    process.stderr.write(`node-red child: ${err.stack ?? err}\n`);
    process.exit(1);
  }
);
