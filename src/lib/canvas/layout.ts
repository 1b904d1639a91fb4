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

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '44',
  'elk.spacing.nodeNode': '48',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.edgeRouting': 'ORTHOGONAL'
};

const FRAME_OPTIONS = { 'elk.padding': '[top=40,left=28,bottom=24,right=28]' };

export async function layoutGraph(elk: ELK, graph: Graph): Promise<Layout> {
  const root: ElkNode = { id: '__root', layoutOptions: ROOT_OPTIONS, children: [], edges: [] };
  const elkNodes = new Map<string, ElkNode>([['__root', root]]);
  const frameOf = new Map<string, string>();
  for (const node of graph.nodes) {
    const elkNode: ElkNode = { id: node.id, ...(node.kind === 'frame' ? { layoutOptions: FRAME_OPTIONS, children: [], edges: [] } : { width: node.width, height: node.height }) };
    elkNodes.set(node.id, elkNode);
    frameOf.set(node.id, node.frame ?? '__root');
    elkNodes.get(node.frame ?? '__root')!.children!.push(elkNode);
  }
  for (const edge of graph.edges) {
    const container = commonFrame(edge.source, edge.target, frameOf);
    const elkEdge: ElkExtendedEdge = { id: edge.id, sources: [edge.source], targets: [edge.target] };
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
