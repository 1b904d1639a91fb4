// First: Dexie looks for IndexedDB when it is imported.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PolicyRefused } from '../engine/errors';
import { readJob, SousDb } from '../store';
import type { Job } from '../recipe';
import { TEST_PIN_COST } from '../access/pin';
import { setPolicy } from '../store/governance';
import { addPerson, switchPerson } from '../store/people';
import type { Policy } from '../policy';
import { createEngineHost } from './host';
import { memoryLocks } from './memory-locks';

let db: SousDb;
afterEach(() => db?.delete());

const NO_HTTP: Policy = { format: 'sous.policy/v1', name: 'Workshop rules', connectors: { deny: ['http'] } };
const HOSTS: Policy = { format: 'sous.policy/v1', name: 'Hosts only', hosts: ['api.test'] };

function setup() {
  db = new SousDb(`host-policy-${crypto.randomUUID()}`);
  const sent: string[] = [];
  const fetchFn = (async (input: URL | RequestInfo) => {
    sent.push(String(input));
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  const host = createEngineHost({ db, locks: memoryLocks(), fetch: fetchFn, report: () => {} });
  return { host, sent };
}

const recipeText = (url: string) =>
  JSON.stringify({
    format: 'sous.recipe/v1',
    id: 'fetcher',
    name: 'Fetcher',
    trigger: { kind: 'manual' },
    steps: [
      { id: 'hello', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'general', text: 'hi' } },
      { id: 'fetch', kind: 'action', connector: 'http', action: 'request', input: { url } }
    ]
  });

async function settled(jobId: string): Promise<Job> {
  for (let i = 0; i < 200; i++) {
    const job = await readJob(db, jobId);
    if (job && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${jobId} never settled`);
}

describe('the studio engine enforces the policy in force', () => {
  it("refuses a recipe that breaks it, with the contract's message, before any job is written", async () => {
    const { host, sent } = setup();
    await host.importRecipe(recipeText('https://api.test/x'));
    await setPolicy(db, NO_HTTP);
    const refused = await host.run('fetcher', {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PolicyRefused);
    expect((refused as PolicyRefused).problems).toEqual(['steps[1] (fetch): the policy "Workshop rules" does not allow the connector "http"']);
    expect(await db.jobs.count()).toBe(0);
    expect(sent).toEqual([]);
  });

  it('reads the policy again for each run: cleared, the recipe runs', async () => {
    const { host } = setup();
    await host.importRecipe(recipeText('https://api.test/x'));
    await setPolicy(db, NO_HTTP);
    await expect(host.run('fetcher', {})).rejects.toBeInstanceOf(PolicyRefused);
    await db.governance.delete('policy');
    expect((await settled(await host.run('fetcher', {}))).status).toBe('succeeded');
  });

  it('a re-run is held to the policy set since the first run', async () => {
    const { host } = setup();
    await host.importRecipe(recipeText('https://api.test/x'));
    const first = await settled(await host.run('fetcher', {}));
    await setPolicy(db, NO_HTTP);
    await expect(host.rerun(first.id, false)).rejects.toBeInstanceOf(PolicyRefused);
  });

  it('a host built from data is refused at the request, not sent', async () => {
    const { host, sent } = setup();
    await host.importRecipe(recipeText('https://{{ trigger.host }}/x'));
    await setPolicy(db, HOSTS);
    const job = await settled(await host.run('fetcher', { host: 'evil.test' }));
    expect(job.status).toBe('failed');
    expect(job.error?.message).toContain('the policy "Hosts only" does not allow the host "evil.test"');
    expect(sent).toEqual([]);
    expect((await settled(await host.run('fetcher', { host: 'api.test' }))).status).toBe('succeeded');
    expect(sent).toEqual(['https://api.test/x']);
  });

  it("asks the current person's role before a run", async () => {
    const { host } = setup();
    await host.importRecipe(recipeText('https://api.test/x'));
    await addPerson(db, { name: 'Ana', role: 'admin', pin: '1234' }, { cost: TEST_PIN_COST });
    const lee = await addPerson(db, { name: 'Lee', role: 'runner' }, { cost: TEST_PIN_COST });
    await switchPerson(db, lee.id);
    // A runner may run: the role check lets it through, and it runs.
    expect((await settled(await host.run('fetcher', {}))).status).toBe('succeeded');
  });
});

describe('the audit trail of runs', () => {
  it('records job.run for each top-level job with its recipe, version and job id', async () => {
    const { host } = setup();
    await host.importRecipe(recipeText('https://api.test/x'));
    const jobId = await host.run('fetcher', {});
    await settled(jobId);
    const runs = (await db.audit.toArray()).filter((row) => row.action === 'job.run');
    expect(runs.map((r) => r.target)).toEqual([{ kind: 'recipe', id: 'fetcher', version: 1, job: jobId }]);
  });
});
