import { describe, expect, it } from 'vitest';
import { createCatalog } from '../connectors/catalog';
import { parseRecipe, type Recipe } from '../recipe';
import type { Policy } from '../policy';
import { lintRecipe } from './lint';

const NO_HTTP: Policy = { format: 'sous.policy/v1', name: 'Workshop rules', connectors: { deny: ['http'] }, require_approval: ['sandbox.erp.vendors.create'] };

function recipe(steps: unknown[]): Recipe {
  const parsed = parseRecipe({ format: 'sous.recipe/v1', id: 'r', name: 'R', trigger: { kind: 'manual' }, steps });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.recipe;
}

describe('the policy as lint problems', () => {
  const r = recipe([
    { id: 'hello', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'general', text: 'hi' } },
    { id: 'fetch', kind: 'action', connector: 'http', action: 'request', input: { url: 'https://api.example.com/x' } },
    { id: 'add', kind: 'action', connector: 'sandbox.erp', action: 'vendors.create', input: { name: 'A' } }
  ]);

  it("each broken rule is a problem on its step, in the contract's words", () => {
    expect(lintRecipe(r, createCatalog(), { policy: NO_HTTP })).toEqual([
      {
        step: 'fetch',
        path: 'steps[1]',
        message: 'steps[1] (fetch): the policy "Workshop rules" does not allow the connector "http"',
        code: 'policy_connector',
        params: { place: 'steps[1] (fetch)', policy: '"Workshop rules"', subject: '"http"' }
      },
      {
        step: 'add',
        path: 'steps[2]',
        message: 'steps[2] (add): the policy "Workshop rules" requires an approval step before "sandbox.erp.vendors.create"',
        code: 'policy_approval',
        params: { place: 'steps[2] (add)', policy: '"Workshop rules"', subject: '"sandbox.erp.vendors.create"' }
      }
    ]);
  });

  it('without a policy nothing of it is said', () => {
    expect(lintRecipe(r, createCatalog())).toEqual([]);
  });
});
