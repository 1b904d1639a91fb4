// `npm test`: every test. Unit and CLI tests (Vitest), then a fresh build and the browser tests (Playwright),
// then one closing line with the counts of both.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium, ensurePackages, ensureRedis } from './setup.mjs';

ensurePackages();
const chromium = ensureChromium();
const redisServer = ensureRedis();
rmSync('.test-reports', { recursive: true, force: true });
mkdirSync('.test-reports', { recursive: true });

const env = {
  ...process.env,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  CHROMIUM_PATH: chromium,
  REDIS_SERVER: redisServer,
  PLAYWRIGHT_JSON_OUTPUT_NAME: '.test-reports/playwright.json'
};
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(label, command, args) {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

function count(file, read) {
  if (!existsSync(file)) return;
  const got = read(JSON.parse(readFileSync(file, 'utf8')));
  for (const key of Object.keys(totals)) totals[key] += got[key] ?? 0;
}

function finish(ok) {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(ok ? 0 : 1);
}

const unit = step('unit and CLI tests', 'npx', [
  'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.test-reports/vitest.json'
]);
count('.test-reports/vitest.json', (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }));
if (!unit) finish(false);

if (!step('build', 'npx', ['vite', 'build', '--logLevel', 'warn'])) finish(false);
// No large module built twice (the page and a worker each bundling the same library).
if (!step('build check', 'npx', ['tsx', 'scripts/check-build.ts', 'build'])) finish(false);

const e2e = step('browser tests', 'npx', ['playwright', 'test', '--reporter=list,json']);
count('.test-reports/playwright.json', (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped }));
finish(e2e);
