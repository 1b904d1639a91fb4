/**
 * What every field of one inspector shares, in typed context (not a module singleton): the data pills for
 * the selected step and the preview of a value against the last job.
 */
import { createContext } from 'svelte';
import type { Pill } from './pills';
import type { Preview } from './preview';

export interface InspectorContext {
  pills(): Pill[];
  preview(text: string): Promise<Preview>;
}

export const [getInspectorContext, setInspectorContext] = createContext<InspectorContext>();
