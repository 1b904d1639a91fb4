// What `npm start` and `npm test` need on a fresh machine, installed on first use: the npm packages, for the
// browser tests Debian's Chromium, and for the tests of `sous serve --queue` Debian's redis-server. Nothing
// here downloads a browser or Redis build of its own.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  return result.status === 0;
}

export function ensurePackages() {
  if (existsSync('node_modules/.package-lock.json')) return;
  console.log('Installing the npm packages (first run)…');
  if (!run('npm', ['ci', '--no-audit', '--no-fund'])) process.exit(1);
}

/**
 * The path of a binary the tests need: the first of `paths` that exists (an environment variable's first),
 * else Debian's package installed with apt when we may (root on Debian), else a message saying how, and exit.
 */
function ensureBinary({ paths, pkg, installed, what, hint }) {
  const found = paths.filter(Boolean).find((path) => existsSync(path));
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Installing Debian's ${pkg} for ${what}…`);
    if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', pkg]) && existsSync(installed)) return installed;
  }
  console.error(hint);
  process.exit(1);
}

/** The path of a Chromium for Playwright: $CHROMIUM_PATH, or Debian's, installed with apt when we may. */
export function ensureChromium() {
  return ensureBinary({
    paths: [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'],
    pkg: 'chromium',
    installed: '/usr/bin/chromium',
    what: 'the browser tests',
    hint: 'The browser tests need Chromium. Install it with `sudo apt-get install chromium` (Debian/Ubuntu), or point CHROMIUM_PATH at a Chromium or Chrome binary.'
  });
}

/**
 * The path of a redis-server for the queue tests (they start their own on 127.0.0.1, with no persistence):
 * $REDIS_SERVER, or Debian's, installed with apt when we may.
 */
export function ensureRedis() {
  return ensureBinary({
    paths: [process.env.REDIS_SERVER, '/usr/bin/redis-server', '/usr/local/bin/redis-server'],
    pkg: 'redis-server',
    installed: '/usr/bin/redis-server',
    what: 'the queue tests',
    hint: 'The tests of `sous serve --queue` need redis-server. Install it with `sudo apt-get install redis-server` (Debian/Ubuntu), or point REDIS_SERVER at a redis-server binary.'
  });
}
