import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4311);
/** The built studio to serve; a separate folder lets several people test their own builds side by side. */
const ROOT = process.env.E2E_BUILD ?? 'build';

/** Debian's Chromium, never a downloaded browser; flags keep it quiet on a machine with no network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
];

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS
    }
  },
  webServer: {
    // The browser tests' own API servers listen on 127.0.0.1, which the proxy refuses unless allowed.
    // Webhooks: a data folder (waiting events, published paths) and token of this run only, emptied at each
    // start, so no event or path of an earlier run can reach these tests.
    command: `d="\${TMPDIR:-/tmp}/sous-e2e-hooks-${PORT}" && rm -rf "$d" && mkdir -p "$d" && exec npx tsx proxy/main.ts --port ${PORT} --root ${ROOT} --allow 127.0.0.1 --hooks-data "$d" --hooks-token-file "$d/token"`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000
  }
});
