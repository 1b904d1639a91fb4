/**
 * The editor's keys: Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo, Ctrl+S saves, and for the selected
 * step Delete, Alt+↑/↓ (move within its list), ↑/↓ (select the previous or next step) and Escape.
 * Typing in a field keeps its own keys (a field's undo stays the field's).
 */
import { allSteps } from '../recipe';
import type { CanvasCommands } from '../canvas/canvas-context';
import type { EditorState } from './editor-state.svelte';

export interface ShortcutTargets {
  editor: EditorState;
  commands: CanvasCommands;
  save(): void;
}

/** Handle a keydown; answers whether it was one of the editor's keys. */
export function handleEditorKey(event: KeyboardEvent, { editor, commands, save }: ShortcutTargets): boolean {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === 's') return done(event, save);
  if (isTyping(event.target)) return false;
  if (mod && key === 'z') return done(event, () => (event.shiftKey ? editor.redo() : editor.undo()));
  if (mod && key === 'y') return done(event, () => editor.redo());
  if (mod || (event.target as Element | null)?.closest?.('dialog')) return false;
  const id = editor.selected;
  if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
    return id ? done(event, () => commands.moveBy(id, event.key === 'ArrowUp' ? -1 : 1)) : false;
  }
  if (event.altKey) return false;
  if ((event.key === 'Delete' || event.key === 'Backspace') && id) return done(event, () => commands.remove(id));
  if (event.key === 'Escape' && id) return done(event, () => editor.select(null));
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    const onCanvas = event.target === document.body || !!(event.target as Element | null)?.closest?.('[data-testid="canvas"]');
    if (!onCanvas) return false;
    return done(event, () => {
      const order = [...allSteps(editor.recipe.steps)].map((s) => s.id);
      const at = id === null ? -1 : order.indexOf(id);
      const next = event.key === 'ArrowDown' ? Math.min(at + 1, order.length - 1) : at - 1;
      editor.select(next < 0 ? null : order[next]);
      focusSelected(editor.selected);
    });
  }
  return false;
}

function done(event: KeyboardEvent, action: () => void): true {
  event.preventDefault();
  action();
  return true;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type));
}

/** Move the keyboard focus to the selected step's node once it is drawn. */
export function focusSelected(id: string | null): void {
  if (!id) return;
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-step="${CSS.escape(id)}"]`)?.focus({ preventScroll: true }));
}
