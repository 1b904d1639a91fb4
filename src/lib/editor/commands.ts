/**
 * The canvas's commands as edits of the editor's recipe: each one is a single history entry with a label
 * that undo and redo show.
 */
import type { CatalogueEntry } from '../canvas/picker-entries';
import { t } from '../i18n';
import { duplicateStep, findStep, insertStep, moveStepBy, newStep, removeStep, stepIds, updateStep } from '../recipe/edit';
import { stepIdFromName } from '../recipe/step-templates';
import type { CanvasCommands } from '../canvas/canvas-context';
import type { EditorState } from './editor-state.svelte';

export function editorCommands(editor: EditorState): CanvasCommands {
  return {
    select: (id) => editor.select(id),
    insert(location, entry: CatalogueEntry) {
      // From the name the picker shows ("Search vendors" → search_vendors): readable, and no backticks needed.
      const id = stepIdFromName(entry.label, stepIds(editor.recipe), entry.action ?? entry.kind);
      const step = newStep(entry.kind, { id, connector: entry.connector, action: entry.action, input: entry.input });
      editor.apply(insertStep(editor.recipe, location, step), t('editor:history.add', { what: entry.label.toLowerCase() }));
      editor.select(id);
    },
    toggleDisabled(id) {
      const step = findStep(editor.recipe, id)?.step;
      if (!step) return;
      const disabled = !step.disabled;
      editor.apply(updateStep(editor.recipe, id, (s) => ({ ...s, disabled: disabled || undefined })), t(disabled ? 'editor:history.disable' : 'editor:history.enable', { id }));
    },
    duplicate(id) {
      const done = duplicateStep(editor.recipe, id);
      if (!done) return;
      editor.apply(done.recipe, t('editor:history.duplicate', { id }));
      editor.select(done.id);
    },
    remove(id) {
      const found = findStep(editor.recipe, id);
      if (!found) return;
      // The step that takes its place (or the one before) stays selected, so Delete can go on.
      const { parent, branch, index } = found.location;
      const next = removeStep(editor.recipe, id);
      editor.apply(next, t('editor:history.delete', { id }));
      const list = parent === null ? next.steps : ((findStep(next, parent)?.step as unknown as Record<string, { id: string }[] | undefined>)?.[branch] ?? []);
      editor.select(list[Math.min(index, list.length - 1)]?.id ?? parent);
    },
    moveBy(id, delta) {
      editor.apply(moveStepBy(editor.recipe, id, delta), t(delta < 0 ? 'editor:history.moveUp' : 'editor:history.moveDown', { id }));
    }
  };
}
