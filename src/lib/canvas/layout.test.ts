import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { readFileSync } from 'node:fs';
import { parseRecipeText, type Recipe } from '../recipe';
import { END_ID, TRIGGER_ID, frameId, joinId, recipeGraph, structureKey } from './graph';
import { layoutGraph } from './layout';
import { updateStep } from '../recipe/edit';

const recipe = (() => {
  const parsed = parseRecipeText(readFileSync('tests/conformance/big-invoices.recipe.json', 'utf8'));
  if (!parsed.ok) throw new Error('fixture');
  return parsed.recipe;
})();

describe('recipeGraph', () => {
  it('draws a foreach as a frame and an if as head and join, with a + place on every edge', () => {
    const graph = recipeGraph(recipe);
    expect(graph.nodes.map((n) => [n.id, n.kind, n.frame ?? ''])).toEqual([
      [TRIGGER_ID, 'trigger', ''],
      [frameId('each'), 'frame', ''],
      ['each', 'step', frameId('each')],
      ['check', 'step', frameId('each')],
      ['flag', 'step', frameId('each')],
      ['check__empty_else', 'empty', frameId('each')],
      [joinId('check'), 'join', frameId('each')],
      [joinId('each'), 'join', frameId('each')],
      ['report', 'step', ''],
      [END_ID, 'end', '']
    ]);
    const byEdge = Object.fromEntries(graph.edges.map((e) => [`${e.source}>${e.target}`, [e.insert, e.branch]]));
    expect(byEdge[`${TRIGGER_ID}>each`]).toEqual([{ parent: null, branch: 'steps', index: 0 }, undefined]);
    expect(byEdge['check>flag']).toEqual([{ parent: 'check', branch: 'then', index: 0 }, 'then']);
    expect(byEdge[`flag>${joinId('check')}`]).toEqual([{ parent: 'check', branch: 'then', index: 1 }, undefined]);
    expect(byEdge['check>check__empty_else']).toEqual([undefined, 'else']);
    expect(graph.nodes.find((n) => n.kind === 'empty')).toMatchObject({ insert: { parent: 'check', branch: 'else', index: 0 }, branch: 'else' });
    expect(byEdge[`${joinId('each')}>report`]).toEqual([{ parent: null, branch: 'steps', index: 1 }, undefined]);
    expect(byEdge[`report>${END_ID}`]).toEqual([{ parent: null, branch: 'steps', index: 2 }, undefined]);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  });

  it('keys the layout on the shape only', () => {
    const renamed: Recipe = updateStep(recipe, 'flag', (s) => ({ ...s, name: 'Flag it', disabled: true }));
    expect(structureKey(renamed)).toBe(structureKey(recipe));
    expect(structureKey({ ...recipe, steps: recipe.steps.slice(1) })).not.toBe(structureKey(recipe));
  });
});

describe('layoutGraph', () => {
  it('places every node top to bottom, then left of else, inside its frame', async () => {
    const layout = await layoutGraph(new ELK(), recipeGraph(recipe));
    const at = (id: string) => layout.get(id)!;
    expect(layout.size).toBe(recipeGraph(recipe).nodes.length);
    expect(at(TRIGGER_ID).y).toBeLessThan(at(frameId('each')).y);
    expect(at(frameId('each')).y + at(frameId('each')).height).toBeLessThanOrEqual(at('report').y);
    // Inside the frame: coordinates are relative to it, and the frame holds them.
    expect(at('each').y).toBeLessThan(at('check').y);
    expect(at('check').y).toBeLessThan(at('flag').y);
    expect(at('flag').x + at('flag').width).toBeLessThanOrEqual(at(frameId('each')).width);
  });
});
