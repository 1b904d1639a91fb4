/**
 * `sous grade`'s rows (docs/pack-format.md): each submitted file checked against the exercise whose
 * `recipe` id it has. A file that is not a valid recipe, or that no exercise takes, gets its row with why.
 */
import { formatIssue, parseRecipeText } from '../recipe';
import type { Pack } from '../packs/parse';
import { checkExercise, type CheckOptions } from './run';

export interface GradeRow {
  file: string;
  /** The exercise's id; null when the file was not graded. */
  exercise: string | null;
  passed: number;
  total: number;
  failures: { test: string; reason: string }[];
  /** Why the file was not graded. */
  error?: string;
}

export interface Submission {
  file: string;
  text: string;
  /** Why the file could not be read at all, when it could not. */
  unreadable?: string;
}

export async function gradeSubmission(pack: Pack, submission: Submission, options: CheckOptions = {}): Promise<GradeRow> {
  if (submission.unreadable) return ungraded(submission.file, submission.unreadable);
  const parsed = parseRecipeText(submission.text);
  if (!parsed.ok) return ungraded(submission.file, parsed.issues.length > 0 ? formatIssue(parsed.issues[0]) : 'not a valid recipe');
  const exercise = pack.exercises.find((e) => e.recipe === parsed.recipe.id);
  if (!exercise) {
    const taken = pack.exercises.map((e) => `"${e.recipe}"`).join(', ');
    return ungraded(submission.file, `no exercise in the pack takes the recipe id "${parsed.recipe.id}"${taken ? ` (they take ${taken})` : ''}`);
  }
  const results = await checkExercise(parsed.recipe, exercise, pack, options);
  const failures = results.filter((r) => !r.passed).map((r) => ({ test: r.test, reason: r.reason ?? 'failed' }));
  return { file: submission.file, exercise: exercise.id, passed: results.length - failures.length, total: results.length, failures };
}

export async function gradeAll(pack: Pack, submissions: readonly Submission[], options: CheckOptions = {}): Promise<GradeRow[]> {
  const rows: GradeRow[] = [];
  for (const submission of submissions) rows.push(await gradeSubmission(pack, submission, options));
  return rows;
}

function ungraded(file: string, error: string): GradeRow {
  return { file, exercise: null, passed: 0, total: 0, failures: [], error };
}

/** The rows as a plain table: file, exercise, tests passed of total, the first failing test and why. */
export function gradeTable(rows: readonly GradeRow[]): string[] {
  const cells = rows.map((r) => [
    r.file,
    r.exercise ?? '-',
    r.exercise === null ? '-' : `${r.passed}/${r.total}`,
    r.error ?? (r.failures[0] ? `${r.failures[0].test}: ${r.failures[0].reason}` : 'all passed')
  ]);
  const head = ['FILE', 'EXERCISE', 'TESTS', 'FIRST FAILURE'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), ...cells.map(line)];
}
