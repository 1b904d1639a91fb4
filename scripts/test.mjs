// `npm test`: every test. Unit and CLI tests (Vitest), then a fresh build and the browser tests (Playwright).
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensurePackages } from './setup.mjs';

ensurePackages();
const chromium = ensureChromium();

function step(label, command, args) {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', CHROMIUM_PATH: chromium } });
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

step('unit and CLI tests', 'npx', ['vitest', 'run']);
step('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
step('browser tests', 'npx', ['playwright', 'test']);
