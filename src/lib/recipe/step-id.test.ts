import { describe, expect, it } from 'vitest';
import { parseRecipe } from './parse';
import { stepIdFromName } from './step-templates';

describe('stepIdFromName: a new step id from the step\'s name, with "_"', () => {
  it.each([
    ['Search vendors', [], 'search_vendors'],
    ['Create a vendor', [], 'create_vendor'],
    ['Post a message', [], 'post_message'],
    ['Send an HTTP request', [], 'send_http_request'],
    ['If / else', [], 'if_else'],
    ['Stop', [], 'stop'],
    ['A', [], 'a'],
    ['Café crème', [], 'cafe_creme'],
    ['Search vendors', ['search_vendors'], 'search_vendors_2'],
    ['Search vendors', ['search_vendors', 'search_vendors_2'], 'search_vendors_3'],
    ['거래처 검색', [], 'vendors_search'],
    ['!!!', [], 'vendors_search'],
    ['x'.repeat(80), [], 'x'.repeat(64)],
    ['x'.repeat(80), ['x'.repeat(64)], `${'x'.repeat(60)}_2`]
  ])('%j (taken %j) → %j', (name, taken, id) => {
    const made = stepIdFromName(name, new Set(taken), 'vendors.search');
    expect(made).toBe(id);
    // Every id made is one the format accepts.
    const recipe = { format: 'sous.recipe/v1', id: 'r', name: 'R', trigger: { kind: 'manual' }, steps: [{ id: made, kind: 'set', values: {} }] };
    expect(parseRecipe(recipe).ok).toBe(true);
  });

  it('falls back to "step" when neither the name nor the fallback has a letter or digit', () => {
    expect(stepIdFromName('검색', new Set(), '')).toBe('step');
  });
});
