/**
 * The recipe being edited, the selected step and the history of every edit (undo/redo). One per editor,
 * provided to the canvas and the panels through a typed Svelte context, never a module singleton.
 */
import { createContext } from 'svelte';
import { t } from '../i18n';
import { findStep } from '../recipe/edit';
import type { Recipe } from '../recipe';

export type HistoryEntry = { recipe: Recipe; label: string };

/** How many edits undo reaches back; older ones are dropped (the saved versions keep them). */
export const HISTORY_LIMIT = 200;
/** Edits with the same label closer together than this fold into one history entry. */
export const FOLD_MS = 1000;

export class EditorState {
  /** The recipe as it is now; replaced, never mutated, on every edit. */
  recipe = $state.raw<Recipe>() as Recipe;
  /** The id of the selected step, or null (the trigger or nothing). */
  selected = $state<string | null>(null);
  /** The newest saved version's number, and what it holds. */
  savedVersion = $state<number | null>(null);
  #saved = $state.raw<Recipe | null>(null);
  #past = $state.raw<HistoryEntry[]>([]);
  #future = $state.raw<HistoryEntry[]>([]);

  constructor(recipe: Recipe, savedVersion: number | null = null) {
    this.recipe = recipe;
    this.#saved = savedVersion === null ? null : recipe;
    this.savedVersion = savedVersion;
  }

  readonly canUndo = $derived(this.#past.length > 0);
  readonly canRedo = $derived(this.#future.length > 0);
  /** What undo and redo would do, for their buttons' names. */
  readonly undoLabel = $derived(this.#past.at(-1)?.label);
  readonly redoLabel = $derived(this.#future.at(-1)?.label);
  /** Whether the recipe differs from the newest saved version. */
  readonly dirty = $derived(this.#saved === null || (this.recipe !== this.#saved && JSON.stringify(this.recipe) !== JSON.stringify(this.#saved)));

  #lastEdit = { label: '', at: 0 };

  /**
   * Make `next` the recipe, remembering the one before under `label` ("Add step", "Rename"…). A run of
   * edits with the same label in quick succession (typing in one field) is one history entry.
   */
  apply(next: Recipe, label: string, now = Date.now()): void {
    if (next === this.recipe) return;
    const folds = label === this.#lastEdit.label && now - this.#lastEdit.at < FOLD_MS && this.#past.length > 0 && this.#future.length === 0;
    this.#lastEdit = { label, at: now };
    if (!folds) this.#past = [...this.#past, { recipe: this.recipe, label }].slice(-HISTORY_LIMIT);
    this.#future = [];
    this.recipe = next;
    this.#keepSelection();
  }

  undo(): void {
    this.#lastEdit = { label: '', at: 0 };
    const entry = this.#past.at(-1);
    if (!entry) return;
    this.#past = this.#past.slice(0, -1);
    this.#future = [...this.#future, { recipe: this.recipe, label: entry.label }];
    this.recipe = entry.recipe;
    this.#keepSelection();
  }

  redo(): void {
    this.#lastEdit = { label: '', at: 0 };
    const entry = this.#future.at(-1);
    if (!entry) return;
    this.#future = this.#future.slice(0, -1);
    this.#past = [...this.#past, { recipe: this.recipe, label: entry.label }];
    this.recipe = entry.recipe;
    this.#keepSelection();
  }

  select(id: string | null): void {
    this.selected = id !== null && findStep(this.recipe, id) ? id : null;
  }

  /** The recipe was saved as `version` (a restore also lands here, as an edit that can be undone). */
  markSaved(recipe: Recipe, version: number): void {
    if (recipe !== this.recipe) this.apply(recipe, t('editor:history.restore'));
    this.#saved = recipe;
    this.savedVersion = version;
  }

  /** A step that an edit removed is no longer selected. */
  #keepSelection(): void {
    if (this.selected !== null && !findStep(this.recipe, this.selected)) this.selected = null;
  }
}

const [getEditorContext, setEditorContext, hasEditorContext] = createContext<EditorState>();

/** The editor of the recipe on this page; call it during a component's initialisation. */
export function getEditor(): EditorState {
  if (!hasEditorContext()) throw new Error('getEditor() was called outside an editor, which provides it with setEditor()');
  return getEditorContext();
}

export function setEditor(editor: EditorState): EditorState {
  return setEditorContext(editor);
}
