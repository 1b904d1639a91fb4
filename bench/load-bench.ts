/**
 * First load, for a room on slow Wi-Fi: the JavaScript the home page fetches before it lists recipes
 * (headless Chromium against the built app served by the local server, a fresh profile, no service
 * worker), counted as brotli bytes (what the server sends from its precompressed copies) and requests;
 * the service worker's precache size; the bytes a new version downloads; and large modules built twice.
 * `BENCH_BUILD=folder` measures another build than build/ (SOUS_BUILD_DIR); `BENCH_PREVIOUS_BUILD=folder`
 * (a build of the version before) makes the update size the bytes of the shell files that changed.
 */
import { createHash } from 'node:crypto';
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
    // Shown: the list's table, or its "no recipes yet" (the heading alone comes before the data). Seen
    // in the page as it happens and told through the console, which comes in order with the page's
    // requests (a locator's polling would see it a few hundred ms late on a busy machine).
    const list = 'section[aria-labelledby="list-heading"] :is(table, .empty)';
    await page.addInitScript((selector) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        console.log('sous-bench: list shown');
      });
      observer.observe(document, { subtree: true, childList: true });
    }, list);
    page.on('console', (message) => {
      if (message.text() === 'sous-bench: list shown') listed = true;
    });
    await page.goto(url);
    await page.locator(list).first().waitFor({ timeout: 60_000 });
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

interface PlanFile {
  path: string;
  bytes: number;
  hash: string;
}
interface PrecachePlan {
  shell: PlanFile[];
  lazy: PlanFile[];
}
/** The part of src/lib/pwa/precache-plan.ts used here (imported by path: a build may predate it). */
interface PlanModule {
  planPrecache(files: PlanFile[]): PrecachePlan;
  precacheFigures(plan: PrecachePlan, previous?: PrecachePlan): Record<'shellFiles' | 'shellBytes' | 'lazyFiles' | 'lazyBytes' | 'updateFiles' | 'updateBytes', number>;
}

async function planModule(): Promise<PlanModule | undefined> {
  const path = '../src/lib/pwa/precache-plan.ts';
  return existsSync(new URL(path, import.meta.url)) ? ((await import(path)) as PlanModule) : undefined;
}

/**
 * The build's precache plan as the service worker reads it (`precache-plan.json`, written by the build),
 * or, for a build from before it, the same plan made here from its files.
 */
async function planOf(dir: string, module: PlanModule): Promise<PrecachePlan> {
  const written = await readFile(join(dir, 'precache-plan.json'), 'utf8').catch(() => undefined);
  const parsed = written ? (JSON.parse(written) as PrecachePlan) : undefined;
  if (parsed && Array.isArray(parsed.shell) && Array.isArray(parsed.lazy)) return parsed;
  const files: PlanFile[] = [];
  for (const path of (await buildFiles(dir)).keys()) {
    const content = await readFile(join(dir, path));
    files.push({ path, bytes: content.length, hash: createHash('sha256').update(content).digest('hex').slice(0, 12) });
  }
  return module.planPrecache(files);
}

/**
 * What the service worker caches at install (the plan's shell) and what a new version downloads: the
 * shell files that differ from BENCH_PREVIOUS_BUILD's (without one, the whole shell: a first install).
 * Without a plan (an older tree), the whole build, again for every version.
 */
async function precachePlan(dir: string, files: Map<string, number>): Promise<PlanFigures> {
  const module = await planModule();
  if (!module) {
    const total = [...files.values()].reduce((a, b) => a + b, 0);
    return { shell: total, update: total, detail: 'the whole build (no precache plan)', updateDetail: 'everything again: a new version opens a new cache' };
  }
  const plan = await planOf(dir, module);
  const previous = process.env.BENCH_PREVIOUS_BUILD;
  const figures = module.precacheFigures(plan, previous ? await planOf(previous, module) : undefined);
  return {
    shell: figures.shellBytes,
    update: figures.updateBytes,
    detail: `${figures.shellFiles} files at install; ${figures.lazyFiles} files (${Math.round(kb(figures.lazyBytes))} KiB) on first use or "make available offline"`,
    updateDetail: previous
      ? `${figures.updateFiles} shell files differ from ${previous}`
      : 'no BENCH_PREVIOUS_BUILD to compare with: the whole shell, as a first install'
  };
}
