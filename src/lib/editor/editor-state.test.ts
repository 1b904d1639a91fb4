import { describe, expect, it } from 'vitest';
import { RecipeSchema } from '../recipe';
import { insertStep, newStep, removeStep, updateStep } from '../recipe/edit';
import { EditorState, FOLD_MS, HISTORY_LIMIT } from './editor-state.svelte';

const start = RecipeSchema.parse({
  format: 'sous.recipe/v1',
  id: 'r',
  name: 'R',
  trigger: { kind: 'manual' },
  steps: [{ id: 'a', kind: 'set', values: {} }]
});
const add = (r: typeof start, id: string) => insertStep(r, { parent: null, branch: 'steps', index: r.steps.length }, newStep('set', { id }));
const ids = (e: EditorState) => e.recipe.steps.map((s) => s.id);

describe('EditorState history', () => {
  it('undoes and redoes every edit in order, with its label', () => {
    const editor = new EditorState(start, 1);
    expect([editor.canUndo, editor.canRedo, editor.dirty]).toEqual([false, false, false]);
    editor.apply(add(editor.recipe, 'b'), 'Add b');
    editor.apply(add(editor.recipe, 'c'), 'Add c');
    expect([ids(editor), editor.undoLabel, editor.dirty]).toEqual([['a', 'b', 'c'], 'Add c', true]);
    editor.undo();
    expect([ids(editor), editor.redoLabel]).toEqual([['a', 'b'], 'Add c']);
    editor.undo();
    expect([ids(editor), editor.canUndo, editor.canRedo, editor.dirty]).toEqual([['a'], false, true, false]);
    editor.undo();
    expect(ids(editor)).toEqual(['a']);
    editor.redo();
    editor.redo();
    expect([ids(editor), editor.canRedo]).toEqual([['a', 'b', 'c'], false]);
  });

  it('drops the redo branch after a new edit', () => {
    const editor = new EditorState(start, 1);
    editor.apply(add(editor.recipe, 'b'), 'Add b');
    editor.undo();
    editor.apply(add(editor.recipe, 'x'), 'Add x');
    expect([ids(editor), editor.canRedo]).toEqual([['a', 'x'], false]);
  });

  it('is dirty relative to the last save, also after an edit that changes nothing visible back', () => {
    const editor = new EditorState(start, 1);
    editor.apply(updateStep(editor.recipe, 'a', (s) => ({ ...s, name: 'A' })), 'Rename');
    expect(editor.dirty).toBe(true);
    editor.markSaved(editor.recipe, 2);
    expect([editor.dirty, editor.savedVersion]).toEqual([false, 2]);
    editor.apply(updateStep(editor.recipe, 'a', (s) => ({ ...s, name: 'A' })), 'Same name');
    expect(editor.dirty).toBe(false);
    editor.undo();
    expect(editor.dirty).toBe(false);
    editor.undo();
    expect(editor.dirty).toBe(true);
  });

  it('a recipe never saved is dirty', () => expect(new EditorState(start).dirty).toBe(true));

  it('forgets the selection of a removed step, and selects it again on undo only when asked', () => {
    const editor = new EditorState(start, 1);
    editor.select('a');
    editor.apply(removeStep(editor.recipe, 'a'), 'Delete a');
    expect(editor.selected).toBeNull();
    editor.undo();
    editor.select('a');
    expect(editor.selected).toBe('a');
    editor.select('missing');
    expect(editor.selected).toBeNull();
  });

  it('keeps at most HISTORY_LIMIT edits', () => {
    const editor = new EditorState(start, 1);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) editor.apply(updateStep(editor.recipe, 'a', (s) => ({ ...s, name: `n${i}` })), `n${i}`);
    let undone = 0;
    while (editor.canUndo) (editor.undo(), undone++);
    expect(undone).toBe(HISTORY_LIMIT);
  });

  it('a restore is an edit that can be undone', () => {
    const editor = new EditorState(start, 3);
    const old = add(start, 'old');
    editor.markSaved(old, 4);
    expect([ids(editor), editor.dirty, editor.undoLabel]).toEqual([['a', 'old'], false, 'Restore version']);
    editor.undo();
    expect([ids(editor), editor.dirty]).toEqual([['a'], true]);
  });

  it('folds a quick run of edits with one label (typing in a field) into one entry', () => {
    const editor = new EditorState(start, 1);
    const name = (n: string) => updateStep(editor.recipe, 'a', (s) => ({ ...s, name: n }));
    editor.apply(name('F'), 'Name of a', 1000);
    editor.apply(name('Fo'), 'Name of a', 1300);
    editor.apply(name('Foo'), 'Name of a', 1600);
    editor.apply(name('Foo!'), 'Name of a', 1600 + FOLD_MS + 1);
    editor.undo();
    expect(editor.recipe.steps[0].name).toBe('Foo');
    editor.undo();
    expect([editor.recipe.steps[0].name, editor.canUndo]).toEqual([undefined, false]);
    // After an undo, the same label starts a new entry.
    editor.redo();
    editor.apply(name('Bar'), 'Name of a', 5000);
    editor.undo();
    expect(editor.recipe.steps[0].name).toBe('Foo');
  });
});
