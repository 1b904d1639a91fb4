/**
 * Placing the graph with elkjs: layered, top to bottom, frames laid out with their contents
 * (hierarchy handling), nodes kept in file order so `then` stays left of `else`. The ELK instance is
 * passed in: a Web Worker one in the browser (off the main thread), the bundled one in Node tests.
 */
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Graph, GraphNode } from './graph';

export interface Placed {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where every node is: relative to its frame when it has one (as xyflow's parent nodes want). */
export type Layout = Map<string, Placed>;

/** Options every level of the hierarchy needs: ELK does not pass them down into a frame by itself. */
const LEVEL_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '60',
  'elk.spacing.nodeNode': '48',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  // Balanced Brandes-Köpf centres a step over its branches and keeps a list's steps in one column.
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.edgeRouting': 'ORTHOGONAL'
};

const ROOT_OPTIONS = {
  ...LEVEL_OPTIONS,
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  // Only at the root: ELK 0.12 fails on the model-order options in a nested node.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true'
};

const frameOptions = () => ({ ...LEVEL_OPTIONS, 'elk.padding': '[top=40,left=28,bottom=24,right=28]' });

export async function layoutGraph(elk: ELK, graph: Graph): Promise<Layout> {
  const root: ElkNode = { id: '__root', layoutOptions: ROOT_OPTIONS, children: [], edges: [] };
  const elkNodes = new Map<string, ElkNode>([['__root', root]]);
  const frameOf = new Map<string, string>();
  for (const node of graph.nodes) {
    const elkNode: ElkNode =
      node.kind === 'frame'
        ? { id: node.id, layoutOptions: frameOptions(), children: [], edges: [] }
        : { id: node.id, width: node.width, height: node.height, ...branchPorts(node) };
    elkNodes.set(node.id, elkNode);
    frameOf.set(node.id, node.frame ?? '__root');
    elkNodes.get(node.frame ?? '__root')!.children!.push(elkNode);
  }
  const withPorts = new Set(graph.nodes.filter((n) => n.handles?.length).map((n) => n.id));
  for (const edge of graph.edges) {
    const container = commonFrame(edge.source, edge.target, frameOf);
    const source = edge.sourceHandle ? portId(edge.source, edge.sourceHandle) : edge.source;
    const target = withPorts.has(edge.target) ? portId(edge.target, IN) : edge.target;
    const elkEdge: ElkExtendedEdge = { id: edge.id, sources: [source], targets: [target] };
    elkNodes.get(container)!.edges!.push(elkEdge);
  }
  const done = await elk.layout(root);
  const layout: Layout = new Map();
  const collect = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      layout.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 });
      collect(child);
    }
  };
  collect(done);
  return layout;
}

const portId = (node: string, handle: string) => `${node}:${handle}`;
const IN = 'in';

/** Where each branch leaves a node: spread along its bottom in file order, so `then` is left of `else`. */
export function handleX(index: number, count: number): number {
  return (index + 1) / (count + 1);
}

function branchPorts(node: GraphNode): Partial<ElkNode> {
  if (!node.handles?.length) return {};
  const count = node.handles.length;
  return {
    layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
    ports: [
      // With its ports fixed, a node needs one for the edge coming in too, or ELK puts it at a corner.
      { id: portId(node.id, IN), x: node.width / 2, y: 0, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'NORTH' } },
      ...node.handles.map((handle, i) => ({
        id: portId(node.id, handle),
        x: node.width * handleX(i, count),
        y: node.height,
        width: 0,
        height: 0,
        layoutOptions: { 'elk.port.side': 'SOUTH' }
      }))
    ]
  };
}

/** The innermost frame holding both ends of an edge (where ELK wants the edge declared). */
function commonFrame(a: string, b: string, frameOf: Map<string, string>): string {
  const chain = (id: string) => {
    const frames: string[] = [];
    for (let f = frameOf.get(id); f; f = frameOf.get(f)) frames.push(f);
    return frames;
  };
  const ofB = new Set(chain(b));
  return chain(a).find((f) => ofB.has(f)) ?? '__root';
}

export type { GraphNode };
