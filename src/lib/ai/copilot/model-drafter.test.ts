/** Which copilot answers; a ScriptedModelClient stands in for the model's weights. */
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../connectors/catalog';
import type { Recipe } from '../../recipe';
import { ScriptedModelClient } from '../scripted-model-client';
import { catalogEntries } from './catalog-from-connectors';
import type { DraftResult } from './draft-result';
import { modelOrBasicDrafter } from './model-drafter';

const recipe = { format: 'sous.recipe/v1', id: 'hello', name: 'Hello', trigger: { kind: 'manual' }, steps: [] } as unknown as Recipe;
const basic = (): DraftResult => ({ mode: 'basic', recipe, assumptions: ['from a template'], repairs: 0 });

describe('modelOrBasicDrafter', () => {
  it('no model: the basic copilot answers', async () => {
    const draft = await modelOrBasicDrafter(async () => undefined, basic)('say hello', [], []);
    expect(draft.mode).toBe('basic');
  });

  it('a model: it answers, with the built-in catalogue (ai included) in its prompt', async () => {
    const client = new ScriptedModelClient([{ recipe, assumptions: [] }]);
    const catalog = catalogEntries(createCatalog());
    const draft = await modelOrBasicDrafter(async () => client, basic)('say hello', catalog, []);
    expect(draft).toMatchObject({ mode: 'model', recipe: { id: 'hello' } });
    expect(catalog.find((c) => c.connector === 'ai')?.actions.map((a) => a.name)).toEqual(['extract', 'classify', 'summarize', 'generate']);
    expect(client.requests[0].messages[0].content).toContain('- chat (Chat): post(channel, text)');
  });
});
