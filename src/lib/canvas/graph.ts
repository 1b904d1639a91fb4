/**
 * The recipe as a graph to draw: which boxes there are, which frame holds each, and the edges between
 * them, each edge carrying the place in the recipe where its `+` inserts a step. No positions here: the
 * layout (elkjs) places everything; this file only says what is connected to what.
 *
 *   trigger → step → if ─┬─ then… ─┬─ join → foreach frame [ head → body… → loop end ] → end
 *                        └─ else… ─┘
 */
import type { Recipe, Step } from '../recipe';
import { branchesOf, listOf, type BranchKey, type StepLocation } from '../recipe/edit';
import { t } from '../i18n';

export type GraphNodeKind = 'trigger' | 'step' | 'join' | 'frame' | 'end' | 'empty';

export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  /** The frame (a foreach's box) this node sits in; undefined at the top. */
  frame?: string;
  /** The step it draws (a step node, a container's join, a foreach's frame). */
  stepId?: string;
  width: number;
  height: number;
  /** An if's or a try's branches, each leaving from its own handle (then left, else right). */
  handles?: BranchKey[];
  /** An empty branch's placeholder adds its first step here. */
  insert?: StepLocation;
  where?: string;
  branch?: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** Where a step added on this edge goes; none on the edges around an empty branch's placeholder. */
  insert?: StepLocation;
  /** The branch's name on its first edge ("then", "else", "catch"). */
  branch?: string;
  /** The handle it leaves its source by: the branch, for the first edge of an if's or a try's branch. */
  sourceHandle?: BranchKey;
  /** Where the `+` adds, in words: "after check", "at the start of else in check". */
  where?: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const TRIGGER_ID = '__trigger';
export const END_ID = '__end';
export const joinId = (stepId: string) => `${stepId}__join`;
export const frameId = (stepId: string) => `${stepId}__frame`;

export const SIZES: Record<GraphNodeKind, { width: number; height: number }> = {
  trigger: { width: 240, height: 64 },
  step: { width: 240, height: 64 },
  join: { width: 14, height: 14 },
  frame: { width: 0, height: 0 },
  end: { width: 96, height: 32 },
  empty: { width: 150, height: 34 }
};

export function recipeGraph(recipe: Recipe): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const node = (id: string, kind: GraphNodeKind, frame: string | undefined, stepId?: string) =>
    nodes.push({ id, kind, ...(frame ? { frame } : {}), ...(stepId ? { stepId } : {}), ...SIZES[kind] });
  const edge = (source: string, target: string, insert: StepLocation | undefined, where?: string, branch?: string, sourceHandle?: BranchKey) =>
    edges.push({
      id: `${source}->${target}`,
      source,
      target,
      ...(insert ? { insert, where } : {}),
      ...(branch ? { branch } : {}),
      ...(sourceHandle ? { sourceHandle } : {})
    });

  /** Draw one step; answers the node its outgoing edge leaves from. */
  function drawStep(step: Step, frame: string | undefined): string {
    const branches = branchesOf(step);
    if (branches.length === 0) {
      node(step.id, 'step', frame, step.id);
      return step.id;
    }
    const inner = step.kind === 'foreach' ? frameId(step.id) : frame;
    if (step.kind === 'foreach') node(inner!, 'frame', frame, step.id);
    const split = step.kind !== 'foreach';
    node(step.id, 'step', inner, step.id);
    if (split) nodes[nodes.length - 1].handles = branches;
    const join = joinId(step.id);
    const exits = branches.map((key) => drawList(listOf(step, key) ?? [], step.id, key, step.id, join, inner, split));
    node(join, 'join', inner, step.id);
    for (const exit of exits) exit();
    return join;
  }

  /**
   * Draw a list between `from` and `to`. The edges into `to` are added by the returned function, after
   * `to` itself, so nodes stay in file order (the layout keeps that order left to right).
   */
  function drawList(list: Step[], from: string, branch: BranchKey, parent: string | null, to: string, frame: string | undefined, named?: boolean): () => void {
    const at = (index: number): StepLocation => ({ parent, branch, index });
    const name = named && parent !== null ? (branch === 'steps' ? 'try' : branch) : undefined;
    const handle = named && parent !== null ? branch : undefined;
    const where = (index: number) =>
      index > 0
        ? t('editor:canvas.where.after', { id: list[index - 1].id })
        : parent === null
          ? t('editor:canvas.where.start')
          : t('editor:canvas.where.startOf', { branch: name ?? t('editor:canvas.where.theLoop'), parent });
    if (list.length === 0 && parent !== null) {
      const placeholder = `${parent}__empty_${branch}`;
      nodes.push({ id: placeholder, kind: 'empty', ...(frame ? { frame } : {}), stepId: parent, insert: at(0), where: where(0), branch: name ?? 'loop', ...SIZES.empty });
      edge(from, placeholder, undefined, undefined, name, handle);
      return () => edge(placeholder, to, undefined);
    }
    let previous = from;
    list.forEach((step, index) => {
      edge(previous, step.id, at(index), where(index), index === 0 ? name : undefined, index === 0 ? handle : undefined);
      previous = drawStep(step, frame);
    });
    const last = previous;
    return () => edge(last, to, at(list.length), where(list.length), list.length === 0 ? name : undefined);
  }

  node(TRIGGER_ID, 'trigger', undefined);
  const exit = drawList(recipe.steps, TRIGGER_ID, 'steps', null, END_ID, undefined);
  node(END_ID, 'end', undefined);
  exit();
  return { nodes, edges };
}

/**
 * What the layout depends on: the tree's shape and ids, not names, inputs or `disabled`. The layout runs
 * again only when this changes.
 */
export function structureKey(recipe: Recipe): string {
  const parts: string[] = [];
  const visit = (list: Step[]) => {
    parts.push('[');
    for (const step of list) {
      parts.push(step.id);
      for (const key of branchesOf(step)) {
        parts.push(key);
        visit(listOf(step, key) ?? []);
      }
    }
    parts.push(']');
  };
  visit(recipe.steps);
  return parts.join(' ');
}
