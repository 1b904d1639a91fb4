/**
 * First load, for a room on slow Wi-Fi: the JavaScript the home page fetches before it lists recipes
 * (headless Chromium against the built app served by the local server, a fresh profile, no service
 * worker), counted as brotli bytes (what the server sends from its precompressed copies) and requests;
 * the service worker's precache size; the bytes a new version downloads; and large modules built twice.
 * `BENCH_BUILD=folder` measures another build than build/ (SOUS_BUILD_DIR).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../proxy/server';
import { sharedCode } from '../scripts/build-check';
import type { Figure } from './engine-bench';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface PageScripts {
  /** URL paths of the scripts requested before the recipe list showed. */
  paths: string[];
  /** Their bytes as sent (the server's brotli copies when it has them). */
  sent: number;
  /** Their bytes as brotli at the best level, whatever the server sent. */
  brotli: number;
  raw: number;
}

/** The home page in a fresh Chromium profile: every script it asks for until the recipe list is shown. */
export async function homePageScripts(dir: string): Promise<PageScripts> {
  const { server, url } = await startServer({ root: dir, port: 0, proxy: false });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    // No service worker: it would fetch the whole precache list, which is not what the page needs.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const started = new Set<string>();
    const sent = new Map<string, number>();
    let listed = false;
    context.on('request', (request) => {
      if (!listed && isScript(request.url())) started.add(new URL(request.url()).pathname);
    });
    context.on('requestfinished', async (request) => {
      if (isScript(request.url())) sent.set(new URL(request.url()).pathname, (await request.sizes()).responseBodySize);
    });
    await page.goto(url);
    await page.locator('#list-heading').waitFor({ timeout: 60_000 });
    listed = true;
    // Every script asked for before the list showed has finished by now, or finishes shortly.
    await page.waitForLoadState('networkidle');
    const paths = [...started].sort();
    let brotli = 0;
    let raw = 0;
    for (const path of paths) {
      const data = await readFile(join(dir, path)).catch(() => Buffer.alloc(0));
      raw += data.length;
      brotli += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    return { paths, sent: paths.reduce((sum, p) => sum + (sent.get(p) ?? 0), 0), brotli, raw };
  } finally {
    await browser.close();
    server.close();
  }
}

function isScript(url: string): boolean {
  return /\.m?js$/.test(new URL(url).pathname);
}

/** Every file of the build but the precompressed copies (which a service worker never asks for). */
export async function buildFiles(dir: string): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    // A .gz or .br beside its file is a copy for the server; OCR's .traineddata.gz is the file itself.
    if (!entry.isFile() || (/\.(br|gz)$/.test(entry.name) && !entry.name.endsWith('.traineddata.gz'))) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(`/${path.slice(dir.length).replace(/^\/+/, '')}`, (await stat(path)).size);
  }
  return files;
}

const kb = (bytes: number) => bytes / 1024;

export async function loadFigures(dir = process.env.BENCH_BUILD ?? process.env.SOUS_BUILD_DIR ?? 'build'): Promise<Figure[]> {
  if (!existsSync(join(dir, 'index.html'))) {
    return [{ name: 'first load', value: 0, unit: '', detail: `not measured: no build in ${dir} (npm run build)` }];
  }
  const home = await homePageScripts(dir);
  const files = await buildFiles(dir);
  const total = [...files.values()].reduce((a, b) => a + b, 0);
  const plan = await precachePlan(dir, files);
  const doubles = await sharedCode(join(dir, '_app'));
  return [
    { name: 'home page JavaScript (brotli)', value: kb(home.brotli), unit: 'KiB', detail: `${home.paths.length} scripts before the recipe list shows; ${Math.round(kb(home.raw))} KiB uncompressed, ${Math.round(kb(home.sent))} KiB as sent` },
    { name: 'home page JavaScript requests', value: home.paths.length, unit: 'requests', detail: 'fresh profile, no service worker' },
    { name: 'precache size', value: kb(plan.shell), unit: 'KiB', detail: plan.detail },
    { name: 'update size', value: kb(plan.update), unit: 'KiB', detail: plan.updateDetail },
    { name: 'build size', value: kb(total), unit: 'KiB', detail: `${files.size} files, precompressed copies left out` },
    { name: 'large modules built twice', value: doubles.length, unit: 'pairs', detail: doubles.map((d) => `${d.files.join(' = ')} (${Math.round(kb(d.bytes))} KiB)`).join('; ') || 'none' }
  ];
}

interface PlanFigures {
  shell: number;
  update: number;
  detail: string;
  updateDetail: string;
}

/** The split a service worker plan makes of the build's files (src/lib/pwa/precache-plan.ts, when there). */
type Plan = (files: string[]) => { shell: string[]; lazy: string[] };

async function loadPlan(): Promise<Plan | undefined> {
  const path = '../src/lib/pwa/precache-plan';
  if (!existsSync(new URL(`${path}.ts`, import.meta.url))) return undefined;
  const module = (await import(path)) as Record<string, unknown>;
  const plan = module.precachePlan ?? module.planPrecache ?? module.default;
  return typeof plan === 'function' ? (plan as Plan) : undefined;
}

/** Files of `dir` that are new or differ from the same path in `previous` (a build of the version before). */
async function changedFiles(dir: string, previous: string, paths: string[]): Promise<string[]> {
  const changed: string[] = [];
  for (const path of paths) {
    const [now, before] = await Promise.all([readFile(join(dir, path)), readFile(join(previous, path)).catch(() => undefined)]);
    if (!before || !now.equals(before)) changed.push(path);
  }
  return changed;
}

/**
 * What the service worker caches at install and downloads for a new version. With a plan: its shell, and
 * of the shell what differs from BENCH_PREVIOUS_BUILD (else the files whose names carry no content hash).
 * Without: the service worker caches the whole build, again in a new cache per version.
 */
async function precachePlan(dir: string, files: Map<string, number>): Promise<PlanFigures> {
  const total = [...files.values()].reduce((a, b) => a + b, 0);
  const plan = await loadPlan().catch(() => undefined);
  if (!plan) return { shell: total, update: total, detail: 'the whole build (no precache plan yet)', updateDetail: 'everything again: a new version opens a new cache' };
  const { shell } = plan([...files.keys()]);
  const bytes = (paths: string[]) => paths.reduce((sum, p) => sum + (files.get(p) ?? 0), 0);
  const previous = process.env.BENCH_PREVIOUS_BUILD;
  const changed = previous ? await changedFiles(dir, previous, shell) : shell.filter((p) => !/[.-][\w-]{8}\.\w+$/.test(p));
  return {
    shell: bytes(shell),
    update: bytes(changed),
    detail: `${shell.length} of ${files.size} files at install; the rest on first use`,
    updateDetail: previous ? `${changed.length} shell files differ from ${previous}` : `${changed.length} shell files without a content hash (set BENCH_PREVIOUS_BUILD to compare two builds)`
  };
}
