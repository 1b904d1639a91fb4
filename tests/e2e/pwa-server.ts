/**
 * What the PWA specs share: the built studio served by the local server's own static handler
 * (proxy/static-files.ts) from a copy of the build that a test can "deploy" a new version into, counting
 * every request that reaches the network by path (a request the service worker answers from its cache never
 * arrives here). The copy lets a test change the served version without touching the shared build.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staticFiles } from '../../proxy/static-files';

export interface PlanFile {
  path: string;
  bytes: number;
  hash: string;
}
export interface Plan {
  shell: PlanFile[];
  lazy: PlanFile[];
}

export interface BuildServer {
  base: string;
  dir: string;
  hits: Map<string, number>;
  plan: () => Plan;
  /** A new version: the service worker's version changed and one new hashed file added to the shell. */
  deploy: () => string;
  close: () => Promise<void>;
}

export async function serveBuildCopy(build = process.env.E2E_BUILD ?? 'build'): Promise<BuildServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sous-pwa-'));
  cpSync(build, dir, { recursive: true });
  const hits = new Map<string, number>();
  const serve = staticFiles(dir);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    void serve(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const planFile = join(dir, 'precache-plan.json');
  const plan = () => JSON.parse(readFileSync(planFile, 'utf8')) as Plan;
  const deploy = () => {
    const oldVersion = (JSON.parse(readFileSync(join(dir, '_app/version.json'), 'utf8')) as { version: string }).version;
    const newVersion = `${oldVersion}1`;
    const worker = readFileSync(join(dir, 'service-worker.js'), 'utf8');
    if (!worker.includes(`"${oldVersion}"`)) throw new Error('the service worker does not name its version');
    writeFileSync(join(dir, 'service-worker.js'), worker.replaceAll(`"${oldVersion}"`, `"${newVersion}"`));
    writeFileSync(join(dir, '_app/version.json'), JSON.stringify({ version: newVersion }));
    const added = `/_app/immutable/assets/pwa-test.${newVersion}.txt`;
    writeFileSync(join(dir, added), 'a file only the new version has');
    const next = plan();
    next.shell.push({ path: added, bytes: 31, hash: newVersion });
    writeFileSync(planFile, JSON.stringify(next));
    return added;
  };
  return {
    base: `http://127.0.0.1:${port}`,
    dir,
    hits,
    plan,
    deploy,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        rmSync(dir, { recursive: true, force: true });
      })
  };
}
