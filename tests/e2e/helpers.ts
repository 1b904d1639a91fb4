/** What the studio's browser tests share: importing a file through the page, reading a job's status. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** Import a recipe file through the page's file input, as a person would. */
export async function importFile(page: Page, path: string): Promise<void> {
  await page.getByLabel('Recipe file (.json)').setInputFiles(path);
}

export function jobStatus(page: Page) {
  return page.getByTestId('job-status');
}

/** Open the studio and wait until the page is live (hydrated), so the file input has its handler. */
export async function openStudio(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByText('No recipes yet')).toBeVisible();
}

export function fixture(name: string): string {
  return readFileSync(`tests/fixtures/${name}`, 'utf8');
}

/**
 * A small API for the engine to call from the browser: answers every path at once, except `/slow`
 * (after `slowMs`), with CORS open to the studio's origin, and counts the hits per path.
 */
export async function startTestApi(slowMs = 3000): Promise<{ base: string; hits: Record<string, number>; close: () => Promise<void> }> {
  const hits: Record<string, number> = {};
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits[path] = (hits[path] ?? 0) + 1;
    const answer = () => {
      if (res.destroyed) return;
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' });
      res.end(JSON.stringify({ path, hit: hits[path] }));
    };
    if (path === '/slow') setTimeout(answer, slowMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())))
  };
}
