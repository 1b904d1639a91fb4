/**
 * What the canvas's nodes and edges may ask of the editor around them (select a step, open the step
 * picker at a place, and the step actions), through a typed context set by the canvas component.
 */
import { createContext } from 'svelte';
import type { StepLocation } from '../recipe/edit';
import type { CatalogueEntry } from './picker-entries';
import type { StepStatus } from '../recipe';

/** What the canvas asks of the editor that holds it. */
export interface CanvasCommands {
  select(stepId: string | null): void;
  insert(location: StepLocation, entry: CatalogueEntry): void;
  toggleDisabled(stepId: string): void;
  duplicate(stepId: string): void;
  remove(stepId: string): void;
  moveBy(stepId: string, delta: -1 | 1): void;
}

export interface CanvasActions extends CanvasView {
  select(stepId: string | null): void;
  /** Open the step picker to add a step at `location`; `where` says it in words. */
  openPicker(location: StepLocation, where: string): void;
  toggleDisabled(stepId: string): void;
  duplicate(stepId: string): void;
  remove(stepId: string): void;
  moveBy(stepId: string, delta: -1 | 1): void;
}

/**
 * What nodes read live without the node list being rebuilt (selecting a step in a 300-step recipe must
 * not make xyflow take in every node again): the selection, the test job's statuses, the problems.
 */
export interface CanvasView {
  /** A preview (a copilot draft): no "+" to add steps, nothing to select. */
  readonly readonly: boolean;
  isSelected(stepId: string | null): boolean;
  statusOf(stepId: string): StepStatus | undefined;
  problemsOf(stepId: string): string[] | undefined;
}

const [getActions, setActions] = createContext<CanvasActions>();

export const getCanvasActions = getActions;
export const setCanvasActions = setActions;
