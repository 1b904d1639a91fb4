/**
 * The xyflow nodes and edges for a laid-out graph and the recipe as it is now. Rebuilt on an edit only:
 * positions come from the layout, which runs only on a change of the recipe's shape; the selection,
 * statuses and problems reach the nodes through the canvas context instead.
 */
import type { Edge, Node } from '@xyflow/svelte';
import type { Recipe, Step } from '../recipe';
import { allSteps } from '../recipe';
import type { Graph } from './graph';
import type { Layout } from './layout';
import { kindLabel, stepTitle } from './step-summary';
import { t } from '../i18n';

export function flowNodes(graph: Graph, layout: Layout, recipe: Recipe): Node[] {
  const steps = new Map<string, Step>();
  for (const step of allSteps(recipe.steps)) steps.set(step.id, step);
  const nodes: Node[] = [];
  for (const g of graph.nodes) {
    const at = layout.get(g.id);
    if (!at) continue;
    const base = {
      id: g.id,
      position: { x: at.x, y: at.y },
      ...(g.frame ? { parentId: g.frame } : {}),
      draggable: false,
      connectable: false,
      selectable: false,
      focusable: false
    };
    const step = g.stepId ? steps.get(g.stepId) : undefined;
    switch (g.kind) {
      case 'trigger':
        nodes.push({ ...base, type: 'trigger', data: { trigger: recipe.trigger }, width: at.width, height: at.height });
        break;
      case 'step':
        if (!step) continue;
        nodes.push({
          ...base,
          type: 'step',
          ariaLabel: t('editor:canvas.stepShort', { title: stepTitle(step), kind: kindLabel(step) }),
          data: { step, handles: g.handles },
          width: at.width,
          height: at.height,
          zIndex: 2
        });
        break;
      case 'frame':
        nodes.push({ ...base, type: 'frame', data: { label: t('editor:canvas.loop') }, width: at.width, height: at.height, zIndex: 0 });
        break;
      case 'empty':
        nodes.push({ ...base, type: 'empty', data: { insert: g.insert, where: g.where, branch: g.branch }, width: at.width, height: at.height, zIndex: 2 });
        break;
      case 'join':
      case 'end':
        nodes.push({ ...base, type: g.kind, data: {}, width: at.width, height: at.height, zIndex: 2 });
        break;
      default: {
        const never: never = g.kind;
        throw new Error(`unknown node kind ${String(never)}`);
      }
    }
  }
  return nodes;
}

export function flowEdges(graph: Graph): Edge[] {
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  return graph.edges.map((e) => {
    const target = kinds.get(e.target);
    const near = e.branch ? 'target' : target === 'join' || target === 'end' ? 'source' : 'middle';
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      ...(e.sourceHandle ? { sourceHandle: e.sourceHandle } : {}),
      type: 'add',
      selectable: false,
      focusable: false,
      zIndex: 1,
      data: { insert: e.insert, where: e.where, branch: e.branch, near }
    };
  });
}
