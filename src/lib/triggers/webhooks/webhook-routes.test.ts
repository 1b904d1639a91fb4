import { describe, expect, it } from 'vitest';
import type { Recipe } from '../../recipe';
import { samePaths, webhookRoutes } from './webhook-routes';

const recipe = (id: string, trigger: Recipe['trigger']): Recipe => ({ format: 'sous.recipe/v1', id, name: id, trigger, steps: [] }) as unknown as Recipe;
const hook = (id: string, path: string, version = 1) => ({ recipe: recipe(id, { kind: 'webhook', path }), version });

describe('webhook routes from the started recipes', () => {
  it.each([
    ['no recipe', [], [], {}],
    ['one webhook recipe', [hook('a', 'orders/new', 3)], ['orders/new'], { 'orders/new': { recipe_id: 'a', version: 3 } }],
    ['slashes around a path do not make another path', [hook('a', '/x/'), hook('b', 'y')], ['x', 'y'], { x: { recipe_id: 'a', version: 1 }, y: { recipe_id: 'b', version: 1 } }],
    ['other trigger kinds are left out', [{ recipe: recipe('s', { kind: 'schedule', every: '1m' } as Recipe['trigger']), version: 1 }], [], {}]
  ])('%s', (_name, started, paths, routes) => {
    const answer = webhookRoutes(started);
    expect(answer.paths).toEqual(paths);
    expect(Object.fromEntries(answer.routes)).toEqual(routes);
    expect(answer.problems).toEqual([]);
    expect(answer.conflicts).toEqual([]);
  });

  it('two started recipes on one path: a problem naming both, and neither takes the path (it is still published)', () => {
    const answer = webhookRoutes([hook('b', 'orders'), hook('a', '/orders'), hook('c', 'other')]);
    expect(answer.routes.has('orders')).toBe(false);
    expect(answer.routes.get('other')).toEqual({ recipe_id: 'c', version: 1 });
    expect(answer.paths).toEqual(['orders', 'other']);
    expect(answer.conflicts).toEqual(['orders']);
    expect(answer.problems).toEqual([expect.stringMatching(/"a" and "b" both listen on the webhook path \/hooks\/orders.*stop one/)]);
  });

  it.each([
    [undefined, [], false],
    [[], [], true],
    [['a', 'b'], ['a', 'b'], true],
    [['a'], ['a', 'b'], false],
    [['a', 'c'], ['a', 'b'], false]
  ])('samePaths(%j, %j) is %s', (a, b, same) => {
    expect(samePaths(a, b)).toBe(same);
  });
});
