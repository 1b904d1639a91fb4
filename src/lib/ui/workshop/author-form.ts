/**
 * The New exercise form's plain parts, kept out of the components so they are tested: a test row's input
 * read as JSON (with where it breaks), the rows an existing exercise gives, the start of a new row from the
 * model answer's trigger, and the recorded tests with the trainer's loosened messages applied.
 */
import { loosenMessage, type RecordedTest, type TestDraft } from '../../exercises/author';
import type { Exercise, ExerciseTest } from '../../exercises/schema';
import type { Recipe } from '../../recipe';
import { sampleInput } from '../trigger-sample';

export interface TestRow {
  /** Stable for the keyed list; never saved. */
  key: string;
  name: string;
  /** The input as the trainer typed it (JSON); empty means no input. */
  input: string;
  answers: Record<string, string>;
}

export type InputRead = { ok: true; value: unknown } | { ok: false; line: number; column: number };

/** A row's input: empty is none; otherwise JSON, or where it stops being JSON (1-based line and column). */
export function readInput(text: string): InputRead {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const message = err instanceof Error ? err.message : '';
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (lineColumn) return { ok: false, line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
    const position = /position (\d+)/.exec(message);
    const at = position ? Number(position[1]) : text.length;
    const before = text.slice(0, at).split('\n');
    return { ok: false, line: before.length, column: before[before.length - 1].length + 1 };
  }
}

let counter = 0;
export function rowKey(): string {
  counter += 1;
  return `row-${counter}`;
}

/** A new row's input: the model answer's trigger sample (or its fields' blanks), as indented JSON. */
export function startInput(model: Recipe | undefined): string {
  if (!model) return '{}';
  try {
    const value = sampleInput(model.trigger);
    return value === undefined ? '' : JSON.stringify(value, null, 2);
  } catch {
    return '{}';
  }
}

export function newRow(model: Recipe | undefined, name = ''): TestRow {
  return { key: rowKey(), name, input: startInput(model), answers: {} };
}

/** The rows of an exercise being edited, and each recorded message's part the trainer kept, by test name. */
export function rowsOf(exercise: Exercise): { rows: TestRow[]; parts: Map<string, (string | undefined)[]> } {
  const rows = exercise.tests.map((t) => ({ key: rowKey(), name: t.name, input: t.input === undefined ? '' : JSON.stringify(t.input, null, 2), answers: { ...(t.answers ?? {}) } }));
  const parts = new Map(exercise.tests.map((t) => [t.name, (t.expect.chat ?? []).map((m) => m.text_contains)] as const));
  return { rows, parts };
}

/** The drafts to record, with each row's answers only for the model answer's approval steps. */
export function draftsOf(rows: readonly TestRow[], inputs: readonly unknown[], approvalIds: readonly string[]): TestDraft[] {
  return rows.map((row, i) => {
    const answers = Object.fromEntries(approvalIds.flatMap((id) => (row.answers[id] ? [[id, row.answers[id]] as const] : [])));
    return { name: row.name.trim(), input: inputs[i], ...(Object.keys(answers).length > 0 ? { answers } : {}) };
  });
}

/**
 * The test as saved: each message the trainer loosened becomes a part of its text. A part that no longer
 * fits the message recorded (the answer changed) keeps the exact text.
 */
export function withParts(recorded: Extract<RecordedTest, { ok: true }>, parts: readonly (string | undefined)[]): ExerciseTest {
  const chat = recorded.test.expect.chat?.map((m, i) => {
    const part = parts[i];
    const posted = recorded.messages[i]?.text ?? m.text ?? '';
    if (part === undefined || part === '' || !posted.includes(part)) return m;
    return loosenMessage(m, posted, part);
  });
  return { ...recorded.test, expect: { ...recorded.test.expect, ...(chat ? { chat } : {}) } };
}

/** The parts carried over to a new recording: kept where the same message still holds them. */
export function keptParts(recorded: Extract<RecordedTest, { ok: true }>, before: readonly (string | undefined)[] | undefined): (string | undefined)[] {
  return recorded.messages.map((m, i) => (before?.[i] !== undefined && m.text.includes(before[i]!) ? before[i] : undefined));
}
