/**
 * No secret reaches a model prompt. A recipe holds literal secret values (headers, a query key, a URL
 * password) instead of a connection, and its job fails against a 127.0.0.1 server that echoes them into
 * the error. Every prompt the copilot sends (draft with that recipe existing, explain, why-did-this-fail)
 * is captured by a ScriptedModelClient, which stands in for the model's weights (the edge of the world).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../../connectors/catalog';
import { catalogEntries } from '../../connectors/catalog-entries';
import { createHttpConnector } from '../../connectors/http';
import { ConnectorRegistry } from '../../connectors/sdk';
import { MemoryJournal } from '../../engine/memory-journal';
import { createRunner } from '../../engine/runner';
import { parseRecipe, type Recipe } from '../../recipe';
import { ScriptedModelClient } from '../scripted-model-client';
import { modelCopilot } from './copilot';

const MARK = { auth: 'lit-CANARY-6c2e11', key: 'lit-CANARY-key-93ab', query: 'lit-CANARY-q-77d0', url: 'lit-CANARY-pw-2f1e' };

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => res.writeHead(401).end(`refused ${req.url} with ${JSON.stringify(req.headers)}`));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

function leaky(): Recipe {
  const parsed = parseRecipe({
    format: 'sous.recipe/v1',
    id: 'leaky',
    name: 'Leaky',
    trigger: { kind: 'manual' },
    steps: [
      {
        id: 'call',
        kind: 'action',
        connector: 'http',
        action: 'request',
        input: {
          url: base.replace('http://', `http://ann:${MARK.url}@`) + `/v1/items?api_key=${MARK.query}`,
          headers: { Authorization: `Bearer ${MARK.auth}`, 'X-API-Key': MARK.key }
        }
      }
    ]
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.recipe;
}

describe('model prompts never hold a secret', () => {
  it('draft (with the recipe existing), explain and why-did-this-fail', async () => {
    const recipe = leaky();
    const journal = new MemoryJournal();
    const runner = createRunner({ journal, connectors: new ConnectorRegistry([createHttpConnector()]) });
    const job = await runner.start(recipe, {});
    expect(job.status).toBe('failed');
    // The error and the job's records do not keep them either.
    const records = JSON.stringify(await journal.loadJob(job.id));
    for (const m of Object.values(MARK)) expect(records.includes(m), `${m} in the job's records`).toBe(false);

    const client = new ScriptedModelClient([
      { recipe: { format: 'sous.recipe/v1', id: 'hello', name: 'Hello', trigger: { kind: 'manual' }, steps: [] }, assumptions: [] },
      { explanation: 'It calls an API.' },
      { cause: 'The key was refused.', fix: 'Use a connection.' },
      { cause: 'The key was refused.', fix: 'Use a connection.' }
    ]);
    const copilot = modelCopilot(client);
    const catalog = catalogEntries(createCatalog());
    await copilot.drafter.draft('say hello', { catalog, existing: [recipe] });
    await copilot.explainer.explain(recipe);
    // Facts as the studio builds them from the job, with the message as the server wrote it (an older job).
    const echoed = `401: refused with Bearer ${MARK.auth} and ${MARK.key} ?api_key=${MARK.query} ${MARK.url}`;
    await copilot.advisor.advise({ step: 'call', connector: 'http', action: 'request', code: 'http_401', message: echoed }, { recipe });
    await copilot.advisor.advise({ step: job.error?.step ?? null, code: job.error?.code, message: job.error?.message ?? '' }, { recipe });
    expect(client.requests).toHaveLength(4);
    const prompts = JSON.stringify(client.requests.map((r) => r.messages));
    expect(prompts).toContain('refused');
    for (const m of Object.values(MARK)) expect(prompts.includes(m), `${m} in a prompt`).toBe(false);
  });
});
