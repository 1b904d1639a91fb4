/**
 * The conformance suite: every `tests/conformance/NAME.recipe.json` is run by the real `sous` (a child
 * process) as its `NAME.expect.json` says, and every `tests/conformance/invalid/NAME.recipe.json` is
 * validated against the lines its `NAME.expect.json` lists. Other implementations of the format (the
 * studio's worker) can read the same files.
 *
 * An expectation's `output`, `error`, `step_outputs` and `step_inputs` match as a subset: objects may hold
 * more keys (a chat message's `id` and `at`); lists must have the same length.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allSteps, JobSchema, JobStatusSchema, parseRecipeText, STEP_KINDS, StepStatusSchema, type Job } from '../src/lib/recipe';
import { CONFORMANCE, hasStackTrace, ROOT, sous, tempFiles } from './test-kit';

const RunSchema = z
  .strictObject({
    name: z.string(),
    /** A file name in tests/conformance, or the input itself (written to a temporary file). */
    input: z.unknown().optional(),
    /** Pass `--recipes tests/conformance`. */
    recipes: z.boolean().optional(),
    /** Each one a `--answer STEP=CHOICE`. */
    answers: z.record(z.string(), z.string()).optional(),
    exit: z.number().int(),
    /** Absent when no job ran (exit 2): stdout must then be empty. */
    status: JobStatusSchema.optional(),
    output: z.unknown().optional(),
    error: z.record(z.string(), z.unknown()).optional(),
    error_includes: z.string().optional(),
    /** Every step record, as [path, status], in journal order unless `unordered_steps`. */
    steps: z.array(z.tuple([z.string(), StepStatusSchema])).optional(),
    unordered_steps: z.boolean().optional(),
    step_outputs: z.record(z.string(), z.unknown()).optional(),
    step_inputs: z.record(z.string(), z.unknown()).optional(),
    /** Paths whose record has no output at all (disabled steps). */
    no_output_steps: z.array(z.string()).optional(),
    /** Texts stderr must contain. */
    stderr: z.array(z.string()).optional()
  })
  .refine((run) => (run.exit === 2) === (run.status === undefined), { message: 'a run has a status exactly when it does not exit 2' });
type Run = z.infer<typeof RunSchema>;

const CaseSchema = z.strictObject({ runs: z.array(RunSchema).min(1) });

const LineSchema = z.union([z.string(), z.strictObject({ startsWith: z.string(), endsWith: z.string().optional() })]);
const InvalidSchema = z.strictObject({ exit: z.literal(2), stderr: z.array(LineSchema).min(1) });

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
const recipeFiles = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((name) => name.endsWith('.recipe.json'))
    .sort();
const expectFile = (dir: string, recipeFile: string) => `${dir}/${recipeFile.replace(/\.recipe\.json$/, '.expect.json')}`;

const cases = recipeFiles(CONFORMANCE).map((file) => ({ file, expectation: expectFile(CONFORMANCE, file) }));
const INVALID = `${CONFORMANCE}/invalid`;
const invalidCases = recipeFiles(INVALID).map((file) => ({ file: `${INVALID}/${file}`, expectation: expectFile(INVALID, file) }));

describe('the conformance folder', () => {
  it('has at least 12 recipes, each with its expectations', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    for (const c of [...cases, ...invalidCases]) expect(existsSync(join(ROOT, c.expectation)), c.expectation).toBe(true);
  });

  it('covers every step kind, and a disabled step', () => {
    const seen = new Set<string>();
    let disabled = false;
    for (const { file } of cases) {
      const parsed = parseRecipeText(readFileSync(join(ROOT, CONFORMANCE, file), 'utf8'));
      if (!parsed.ok) throw new Error(`${file} is not valid`);
      for (const step of allSteps(parsed.recipe.steps)) {
        seen.add(step.kind);
        disabled ||= step.disabled === true;
      }
    }
    expect([...seen].sort()).toEqual([...STEP_KINDS].sort());
    expect(disabled).toBe(true);
  });

  it('validates every conformance recipe (exit 0, one "ok" line each)', async () => {
    const files = cases.map((c) => `${CONFORMANCE}/${c.file}`);
    const result = await sous(['validate', ...files]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(files.map((f) => `${f}: ok`));
  });
});

describe.concurrent('sous run, by the conformance expectations', () => {
  for (const { file, expectation } of cases) {
    const { runs } = CaseSchema.parse(readJson(expectation));
    for (const run of runs) it(`${file}: ${run.name}`, () => check(file, run), 60_000);
  }
});

describe.concurrent('sous validate, by the invalid recipes', () => {
  for (const { file, expectation } of invalidCases) {
    it(file, async () => {
      const expected = InvalidSchema.parse(readJson(expectation));
      const result = await sous(['validate', file]);
      expect(result.code).toBe(expected.exit);
      expect(result.stdout).toBe('');
      expect(hasStackTrace(result.stderr)).toBe(false);
      const lines = result.stderr.replace(/\n$/, '').split('\n');
      expect(lines).toHaveLength(expected.stderr.length);
      expected.stderr.forEach((line, i) => {
        if (typeof line === 'string') expect(lines[i]).toBe(line);
        else {
          expect(lines[i].startsWith(line.startsWith), lines[i]).toBe(true);
          if (line.endsWith) expect(lines[i].endsWith(line.endsWith), lines[i]).toBe(true);
        }
      });
    }, 60_000);
  }

  it('all at once: exit 2 and every file\'s lines, in the order given, plus "ok" for valid ones', async () => {
    const valid = `${CONFORMANCE}/${cases[0].file}`;
    const result = await sous(['validate', valid, ...invalidCases.map((c) => c.file)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(`${valid}: ok\n`);
    const files = result.stderr
      .trim()
      .split('\n')
      .map((line) => line.slice(0, line.indexOf('.recipe.json: ')));
    expect([...new Set(files)]).toEqual(invalidCases.map((c) => c.file.replace(/\.recipe\.json$/, '')));
  }, 60_000);
});

async function check(file: string, run: Run): Promise<void> {
  const args = ['run', `${CONFORMANCE}/${file}`, '--json'];
  if (run.input !== undefined) {
    const input = typeof run.input === 'string' ? `${CONFORMANCE}/${run.input}` : join(tempFiles({ 'input.json': run.input }), 'input.json');
    args.push('--input', input);
  }
  if (run.recipes) args.push('--recipes', CONFORMANCE);
  for (const [step, choice] of Object.entries(run.answers ?? {})) args.push('--answer', `${step}=${choice}`);

  const result = await sous(args);
  expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
  expect(result.code, `exit code; stderr: ${result.stderr}`).toBe(run.exit);
  for (const text of run.stderr ?? []) expect(result.stderr).toContain(text);
  if (run.status === undefined) {
    expect(result.stdout).toBe('');
    return;
  }

  const job: Job = JobSchema.parse(JSON.parse(result.stdout));
  expect(job.status).toBe(run.status);
  if ('output' in run) expectSubset(job.output, run.output);
  if (run.error) expectSubset(job.error, run.error);
  else if (run.status === 'succeeded' || run.status === 'waiting') expect(job.error ?? null).toBeNull();
  if (run.error_includes) expect(job.error?.message).toContain(run.error_includes);
  if (run.steps) {
    const actual = job.steps.map((s) => [s.path, s.status]);
    if (run.unordered_steps) expect(actual.sort()).toEqual([...run.steps].sort());
    else expect(actual).toEqual(run.steps);
  }
  const record = (path: string) => {
    const found = job.steps.find((s) => s.path === path);
    if (!found) throw new Error(`no step record at ${path}; there are ${job.steps.map((s) => s.path).join(', ')}`);
    return found;
  };
  for (const [path, output] of Object.entries(run.step_outputs ?? {})) expectSubset(record(path).output, output);
  for (const [path, input] of Object.entries(run.step_inputs ?? {})) expectSubset(record(path).input, input);
  for (const path of run.no_output_steps ?? []) expect(record(path)).not.toHaveProperty('output');
}

function expectSubset(actual: unknown, expected: unknown): void {
  if (expected !== null && typeof expected === 'object') expect(actual).toMatchObject(expected as object);
  else expect(actual).toEqual(expected);
}
