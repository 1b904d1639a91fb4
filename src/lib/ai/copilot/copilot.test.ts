/**
 * The copilot's one path: basic mode without a model, the model when the provider hands one out, and the
 * basic answer labelled basic with the model's problem when the model fails. A ScriptedModelClient stands
 * in for the model's weights (the edge of the world: no weights or GPU here); the provider around it is
 * the real one (settings, the Cache API check, loading once) with an in-memory cache.
 */
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../connectors/catalog';
import { catalogEntries } from '../../connectors/catalog-entries';
import { ScriptedModelClient } from '../scripted-model-client';
import { MemoryCaches } from '../runtime/memory-caches';
import { createModelProvider } from '../runtime/model-provider';
import { cacheTinyModel, TINY_RECORD } from '../runtime/test-kit';
import { basicCopilot, copilotWith, type ModelProvider } from './copilot';
import { draftBasic } from './draft-basic';

const catalog = catalogEntries(createCatalog());
const context = { catalog, existing: [{ id: 'pay-invoices', name: 'Pay invoices' }] };
const WORDS = 'manually tell #finance';
const recipe = draftBasic(WORDS, catalog, []).recipe;
const facts = { step: 'fetch', code: 'http_404', message: 'answered 404 Not Found' };
const modelRecipe = { format: 'sous.recipe/v1', id: 'hello', name: 'Hello', trigger: { kind: 'manual' }, steps: [] };

const none: ModelProvider = async () => undefined;
const scripted = (client: ScriptedModelClient): ModelProvider => async () => client;

describe('copilotWith: which mode answers', () => {
  it('no model: every answer is basic mode, with no model problem', async () => {
    const copilot = copilotWith(none);
    const draft = await copilot.drafter.draft(WORDS, context);
    expect(draft).toEqual(await basicCopilot.drafter.draft(WORDS, context));
    expect(draft.mode).toBe('basic');
    expect(draft.modelProblem).toBeUndefined();
    expect(await copilot.explainer.explain(recipe)).toMatchObject({ mode: 'basic', lines: expect.any(Array) });
    expect(await copilot.advisor.advise(facts)).toMatchObject({ mode: 'basic', cause: expect.stringContaining('404') });
  });

  it('a model: it drafts with the studio catalogue (ai included), explains and advises', async () => {
    const client = new ScriptedModelClient([
      { recipe: modelRecipe, assumptions: ['I assumed a greeting'] },
      { explanation: 'It says hello.' },
      { cause: 'The address is wrong.', fix: 'Fix the URL.' }
    ]);
    const copilot = copilotWith(scripted(client));
    expect(await copilot.drafter.draft('say hello', context)).toEqual({ mode: 'model', recipe: modelRecipe, assumptions: ['I assumed a greeting'], repairs: 0 });
    const prompt = client.requests[0].messages[0].content;
    expect(prompt).toContain('- chat (Chat): post(channel, text)');
    expect(prompt).toContain('- ai (');
    expect(prompt).toContain('- pay-invoices: Pay invoices');
    expect(catalog.find((c) => c.connector === 'ai')?.actions.map((a) => a.name)).toEqual(['extract', 'classify', 'summarize', 'generate']);
    expect(await copilot.explainer.explain(recipe)).toEqual({ mode: 'model', summary: 'It says hello.', lines: [] });
    expect(await copilot.advisor.advise(facts, { recipe })).toEqual({ mode: 'model', cause: 'The address is wrong.', fixes: ['Fix the URL.'] });
    expect(client.requests[2].messages[1].content).toContain(`"id": "${recipe.id}"`);
  });

  it('a model that fails: the basic answer, labelled basic, and the model problem in its words', async () => {
    const broken = () => new ScriptedModelClient([new Error('Device lost'), new Error('Device lost'), new Error('Device lost')]);
    const copilot = copilotWith(scripted(broken()));
    const draft = await copilot.drafter.draft(WORDS, context);
    expect(draft).toMatchObject({ ...(await basicCopilot.drafter.draft(WORDS, context)), mode: 'basic' });
    expect(draft.modelProblem).toBe('The model Scripted-0.5B-q4f16_1-MLC could not answer: Device lost.');
    expect(await copilot.explainer.explain(recipe)).toMatchObject({ mode: 'basic', modelProblem: expect.stringContaining('Device lost') });
    expect(await copilot.advisor.advise(facts)).toMatchObject({ mode: 'basic', fixes: expect.any(Array), modelProblem: expect.stringContaining('Device lost') });
  });

  it('invalid answers after the repairs count as a model failure too', async () => {
    const copilot = copilotWith(scripted(new ScriptedModelClient(['no', 'still no', 'never'])));
    const draft = await copilot.drafter.draft(WORDS, context);
    expect(draft.mode).toBe('basic');
    expect(draft.modelProblem).toMatch(/^The model's answer was still not valid after 2 repairs: the answer is not JSON/);
  });

  it('a model that cannot start: the basic answer, saying why', async () => {
    const copilot = copilotWith(async () => {
      throw new Error('Could not start the model Tiny-MLC: its library file (.wasm) is broken');
    });
    const answer = await copilot.explainer.explain(recipe);
    expect(answer).toMatchObject({ mode: 'basic', modelProblem: 'Could not start the model Tiny-MLC: its library file (.wasm) is broken.' });
  });

  it('when basic mode cannot draft either, the error names both', async () => {
    const copilot = copilotWith(scripted(new ScriptedModelClient([new Error('Device lost')])));
    await expect(copilot.drafter.draft('hello there', context)).rejects.toThrow(
      /^The model .* could not answer: Device lost\. Basic mode could not answer either: I could not tell what should start this recipe/
    );
    // Without a model, basic mode's own refusal comes through unchanged.
    await expect(copilotWith(none).drafter.draft('안녕하세요', context)).rejects.toMatchObject({ name: 'DraftRefused' });
  });

  it('cancelling is not a model failure: it stops, with no basic answer', async () => {
    const abort = new AbortController();
    const client = new ScriptedModelClient([
      () => {
        abort.abort();
        return 'not json yet';
      }
    ]);
    await expect(copilotWith(scripted(client)).drafter.draft(WORDS, { ...context, signal: abort.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('copilotWith over the ai runtime provider', () => {
  const base = 'http://127.0.0.1:5177/models';

  it('basic until the chosen model is downloaded; then the model, loaded once', async () => {
    const caches = new MemoryCaches();
    const settings = { base, active: 'Tiny-MLC' };
    const client = new ScriptedModelClient([{ explanation: 'One.' }, { explanation: 'Two.' }], 'Tiny-MLC');
    let loads = 0;
    const copilot = copilotWith(
      createModelProvider({ settings: async () => settings, records: async () => [TINY_RECORD], caches, load: async () => (loads++, client) })
    );
    expect(await copilot.explainer.explain(recipe)).toMatchObject({ mode: 'basic' });
    expect(loads).toBe(0); // chosen but not downloaded: basic mode, and no load is tried
    await cacheTinyModel(caches, base);
    expect(await copilot.explainer.explain(recipe)).toMatchObject({ mode: 'model', summary: 'One.' });
    expect(await copilot.explainer.explain(recipe)).toMatchObject({ mode: 'model', summary: 'Two.' });
    expect(loads).toBe(1);
    settings.active = '';
    expect(await copilot.explainer.explain(recipe)).toMatchObject({ mode: 'basic' });
  });
});
