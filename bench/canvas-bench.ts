/**
 * The studio's canvas with a big recipe: a generated 300-step recipe (loops holding ifs holding loops) is
 * imported through the recipes page of the built app, then its editor is opened in Chromium. Measured:
 * the time from navigation to the first drawn step, the layout (elkjs in its worker), and selecting a
 * step (click to the selected node painted).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import type { Recipe, Step } from '../src/lib/recipe';
import type { Figure } from './engine-bench';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A recipe of `total` steps: top-level sets and loops, each loop holding an if whose branches nest again. */
export function bigRecipe(total = 300): Recipe {
  let n = 0;
  const set = (): Step => ({ id: `s-${++n}`, kind: 'set', values: { [`v${n}`]: `{{ ${n} }}` } });
  const loop = (depth: number): Step => {
    const id = `each-${++n}`;
    const check: Step = {
      id: `check-${++n}`,
      kind: 'if',
      condition: '{{ item > 1 }}',
      then: depth > 0 ? [set(), loop(depth - 1)] : [set(), set()],
      else: [set()]
    };
    return { id, kind: 'foreach', items: '{{ [1, 2] }}', steps: [set(), check] };
  };
  const steps: Step[] = [];
  while (n < total) steps.push(steps.length % 3 === 2 ? loop(2) : set());
  return { format: 'sous.recipe/v1', id: 'big-canvas', name: 'Big canvas', trigger: { kind: 'manual' }, steps };
}

export async function canvasFigures(): Promise<Figure[]> {
  if (!existsSync('build/index.html')) await run('npx', ['vite', 'build']);
  const port = await freePort();
  const server = spawn('npx', ['tsx', 'proxy/main.ts', '--port', String(port)], { stdio: 'ignore', detached: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    await waitForServer(`http://127.0.0.1:${port}/`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const recipe = bigRecipe();
    const count = JSON.stringify(recipe).match(/"kind":"(set|if|foreach)"/g)?.length ?? 0;
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByLabel('Recipe file (.json)').setInputFiles({ name: 'big.recipe.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(recipe)) });
    await page.getByText('big-canvas').first().waitFor();

    const renders: number[] = [];
    const layouts: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`http://127.0.0.1:${port}/recipes/big-canvas`);
      await page.waitForFunction(() => document.querySelector('[data-step]') !== null, null, { timeout: 60_000 });
      renders.push(await page.evaluate(() => performance.now()));
      layouts.push(Number(await page.getByTestId('canvas').getAttribute('data-layout-ms')));
    }
    const selects = await selectTimes(page, ['s-1', 's-2', 'each-3', 'check-5', 's-6']);
    return [
      { name: 'canvas: first render, 300 steps', value: median(renders), unit: 'ms', detail: `${count} steps; navigation to the first step drawn, median of 3` },
      { name: 'canvas: layout (elkjs worker), 300 steps', value: median(layouts), unit: 'ms', detail: 'graph to positions, off the main thread, median of 3' },
      { name: 'canvas: select a node, 300 steps', value: median(selects), unit: 'ms', detail: `click to the node shown selected and painted, median of ${selects.length}` }
    ];
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

/** Click each step's node and time until it is shown selected, two frames later (painted). */
async function selectTimes(page: Page, ids: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const id of ids) {
    // No named helpers inside: tsx would wrap them in a `__name` call the page does not have.
    const ms = await page.evaluate(async (id) => {
      const node = document.querySelector<HTMLElement>(`[data-step="${id}"]`);
      if (!node) return NaN;
      const start = performance.now();
      node.click();
      while (node.getAttribute('aria-pressed') !== 'true' && performance.now() - start < 5000) {
        await new Promise((r) => requestAnimationFrame(r));
      }
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - start;
    }, id);
    if (!Number.isNaN(ms)) times.push(ms);
  }
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the studio did not start at ${url}`);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(command, args, { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}
