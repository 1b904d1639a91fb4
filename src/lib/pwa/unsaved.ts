/**
 * Whether this tab holds work a reload would lose, asked before the update prompt reloads. A screen with
 * unsaved changes registers a check (`holdReloadsWhile`); screens that do not yet register are found by the
 * marks they show: the editor's save state reads "Unsaved changes" with the `dirty` class.
 */
const checks = new Set<() => boolean>();

/** The editor's save-state mark (src/lib/editor/editor-header.svelte), or any element marked unsaved. */
export const UNSAVED_MARKS = '[data-testid="save-state"].dirty, [data-unsaved="true"]';

/** Registers a check; answers the function that removes it (call it when the screen closes). */
export function holdReloadsWhile(check: () => boolean): () => void {
  checks.add(check);
  return () => checks.delete(check);
}

export function hasUnsavedWork(root: Pick<Document, 'querySelector'> | undefined = globalThis.document): boolean {
  for (const check of checks) if (check()) return true;
  return Boolean(root?.querySelector(UNSAVED_MARKS));
}
