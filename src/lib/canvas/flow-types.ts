/** The canvas's node and edge components, by the `type` that flow-elements.ts gives each. */
import type { EdgeTypes, NodeTypes } from '@xyflow/svelte';
import AddEdge from './add-edge.svelte';
import EmptyNode from './empty-node.svelte';
import EndNode from './end-node.svelte';
import FrameNode from './frame-node.svelte';
import JoinNode from './join-node.svelte';
import StepNode from './step-node.svelte';
import TriggerNode from './trigger-node.svelte';

export const nodeTypes = {
  trigger: TriggerNode,
  step: StepNode,
  frame: FrameNode,
  join: JoinNode,
  end: EndNode,
  empty: EmptyNode
} as unknown as NodeTypes;

export const edgeTypes = { add: AddEdge } as unknown as EdgeTypes;
