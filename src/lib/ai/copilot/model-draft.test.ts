/**
 * The model copilot around the model. A ScriptedModelClient stands in for the model's weights (none can be
 * downloaded here): it answers from a script, and the tests check what Sous sends and does with answers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ask-json';
import { ScriptedModelClient } from '../scripted-model-client';
import { parseRecipeText, type Recipe } from '../../recipe';
import type { CatalogEntry } from './draft-result';
import { modelDraft } from './model-draft';
import { modelAdvise, modelExplain } from './model-explain';
import { draftAnswerSchema, fullRecipeJsonSchema } from './model-schema';

const CATALOG: CatalogEntry[] = [
  { connector: 'sandbox.erp', label: 'Workshop ERP', actions: [{ name: 'vendors.create', label: 'Create vendor', inputs: ['name', 'email'] }], events: ['vendor.created'] },
  { connector: 'chat', label: 'Chat', actions: [{ name: 'post', label: 'Post', inputs: ['channel', 'text'] }], events: [] }
];

const secretRecipe = (() => {
  const parsed = parseRecipeText(readFileSync('tests/fixtures/with-secret.recipe.json', 'utf8'));
  if (!parsed.ok) throw new Error('fixture');
  return parsed.recipe;
})();

function recipe(over: Partial<Recipe> = {}): Recipe {
  return {
    format: 'sous.recipe/v1',
    id: 'welcome-vendor',
    name: 'Welcome a new vendor',
    trigger: { kind: 'event', connector: 'sandbox.erp', event: 'vendor.created' },
    steps: [{ id: 'tell', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'finance', text: 'New vendor {{ trigger.name }}' } }],
    ...over
  } as Recipe;
}

const answer = (r: unknown, assumptions = ['I assumed the finance channel.']) => ({ recipe: r, assumptions });

describe('modelDraft', () => {
  it('sends the catalogue and the existing recipes, with the answer schema, and no secrets', async () => {
    const client = new ScriptedModelClient([answer(recipe())]);
    const draft = await modelDraft('When a vendor is created, tell finance in chat', CATALOG, [secretRecipe], client);
    expect(draft).toEqual({ mode: 'model', recipe: recipe(), assumptions: ['I assumed the finance channel.'], repairs: 0 });
    const [request] = client.requests;
    expect(request.messages.map((m) => m.role)).toEqual(['system', 'user']);
    const system = request.messages[0].content;
    expect(system).toContain('sandbox.erp (Workshop ERP): vendors.create(name, email) events: vendor.created');
    expect(system).toContain('with-secret: Call an API with a key (trigger manual; uses http.request)');
    expect(JSON.stringify(request)).not.toContain('sk-live-123');
    expect(request.response_format?.type).toBe('json_object');
    expect(JSON.parse(request.response_format!.schema!)).toEqual(draftAnswerSchema(CATALOG));
  });

  it('the answer schema keeps the recursion but drops what the grammar cannot take, and limits connectors', () => {
    const schema = draftAnswerSchema(CATALOG);
    const text = JSON.stringify(schema);
    expect(JSON.stringify(fullRecipeJsonSchema())).toContain('"pattern"');
    expect(text).not.toMatch(/"pattern"|"propertyNames"|"\$schema"/);
    expect(text).toContain('"$ref":"#/$defs/__schema0"');
    expect(text).toContain('"connector":{"type":"string","enum":["sandbox.erp","chat"]}');
  });

  it('sends the problems back and takes the repaired answer', async () => {
    const bad = recipe({ steps: [{ id: 'tell', kind: 'action', connector: 'chat', action: 'shout', input: {} }] as Recipe['steps'] });
    const client = new ScriptedModelClient(['not json at all', answer(bad), answer(recipe())]);
    const draft = await modelDraft('tell finance', CATALOG, [], client);
    expect(draft.repairs).toBe(2);
    expect(client.calls).toBe(3);
    const second = client.requests[1].messages;
    expect(second.at(-2)).toEqual({ role: 'assistant', content: 'not json at all' });
    expect(second.at(-1)?.content).toMatch(/not JSON/);
    expect(client.requests[2].messages.at(-1)?.content).toContain('step "tell": chat has no action "shout"; it has post');
  });

  it('schema problems go back with their place in the recipe', async () => {
    const client = new ScriptedModelClient([answer({ ...recipe(), id: 'Bad Id' }), answer(recipe())]);
    await modelDraft('x', CATALOG, [], client);
    expect(client.requests[1].messages.at(-1)?.content).toMatch(/- recipe\.id: /);
  });

  it.each([0, 1, 2])('gives up with a clear message after %i repairs (%i+1 invalid answers)', async (maxRepairs) => {
    const client = new ScriptedModelClient(Array.from({ length: maxRepairs + 1 }, () => answer({ ...recipe(), steps: 'none' })));
    const err = await modelDraft('x', CATALOG, [], client, { maxRepairs }).catch((e) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect(err.code).toBe('invalid_answer');
    expect(err.message).toMatch(new RegExp(`^The model's answer was still not valid after ${maxRepairs} repairs?: recipe\\.steps: `));
    expect(client.calls).toBe(maxRepairs + 1);
  });

  it('an invented connector or event is a problem to repair', async () => {
    const client = new ScriptedModelClient([
      answer(recipe({ trigger: { kind: 'event', connector: 'sandbox.erp', event: 'vendor.deleted' } })),
      answer(recipe({ steps: [{ id: 'a', kind: 'action', connector: 'slack', action: 'post', input: {} }] as Recipe['steps'] })),
      answer(recipe())
    ]);
    await modelDraft('x', CATALOG, [], client);
    expect(client.requests[1].messages.at(-1)?.content).toContain('trigger: "sandbox.erp" has no event "vendor.deleted"');
    expect(client.requests[2].messages.at(-1)?.content).toContain('there is no connector "slack"');
  });

  it('an id that exists already gets a free one, said in the assumptions', async () => {
    const client = new ScriptedModelClient([answer(recipe({ id: 'with-secret' }), [])]);
    const draft = await modelDraft('x', CATALOG, [secretRecipe], client);
    expect(draft.recipe.id).toBe('with-secret-2');
    expect(draft.assumptions).toEqual(['A recipe "with-secret" exists already, so this one is "with-secret-2".']);
  });

  it('cancel: an aborted signal stops before the next request', async () => {
    const abort = new AbortController();
    const client = new ScriptedModelClient([
      () => {
        abort.abort();
        return 'still not json';
      },
      answer(recipe())
    ]);
    const err = await modelDraft('x', CATALOG, [], client, { signal: abort.signal }).catch((e) => e);
    expect(err).toMatchObject({ code: 'cancelled', message: 'Stopped: the request to the model was cancelled.' });
    expect(client.calls).toBe(1);
    expect(client.requests[0].signal).toBe(abort.signal);
  });

  it('a model error is surfaced plainly', async () => {
    const client = new ScriptedModelClient([new Error('Device lost: the GPU was reset')]);
    const err = await modelDraft('x', CATALOG, [], client).catch((e) => e);
    expect(err).toMatchObject({ code: 'model_failed', message: `The model ${client.model} could not answer: Device lost: the GPU was reset` });
  });
});

describe('explain a recipe and a failed job', () => {
  it('explains from the secret-free export', async () => {
    const client = new ScriptedModelClient([{ explanation: ' It calls an API. ' }]);
    expect(await modelExplain(secretRecipe, client)).toEqual({ mode: 'model', summary: 'It calls an API.', lines: [] });
    expect(JSON.stringify(client.requests)).not.toContain('sk-live-123');
  });

  it('says why a job failed from its error only, never from step inputs', async () => {
    const client = new ScriptedModelClient([{ cause: 'The API refused the key.' }, { cause: 'The API refused the key.', fix: 'Set up the connection again.' }]);
    const facts = { step: 'call', code: 'http_401', message: 'HTTP 401 Unauthorized' };
    const advice = await modelAdvise(facts, secretRecipe, client);
    expect(advice).toEqual({ mode: 'model', cause: 'The API refused the key.', fixes: ['Set up the connection again.'] });
    expect(client.calls).toBe(2); // the first answer lacked "fix": one repair
    const sent = JSON.stringify(client.requests[0]);
    expect(sent).toContain('HTTP 401 Unauthorized');
    expect(sent).toContain('with-secret');
    expect(sent).not.toMatch(/sk-live-123/);
  });
});
