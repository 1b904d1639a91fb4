/**
 * A workshop exercise (docs/pack-format.md, inside a pack's `exercises`): a task, a starter recipe and
 * tests a submission must pass. The zod schemas are the contract's single source of truth.
 */
import { z } from 'zod';
import { JOB_STATUSES, SlugSchema } from '../recipe';

/** A message the job must have posted: each key given must match (`text_contains`: a part of the text). */
export const ExpectedChatSchema = z.strictObject({
  channel: z.string().optional(),
  text: z.string().optional(),
  text_contains: z.string().optional()
});
export type ExpectedChat = z.infer<typeof ExpectedChatSchema>;

export const ExpectSchema = z.strictObject({
  status: z.enum(JOB_STATUSES).optional(),
  /** The job's output (a callable recipe's return). */
  output: z.unknown().optional(),
  /** By step id: that step's output (its last run, inside a loop). */
  steps: z.record(z.string(), z.unknown()).optional(),
  /** The messages posted, in order. */
  chat: z.array(ExpectedChatSchema).optional(),
  /** The id of the step the job failed at. */
  error_step: z.string().optional()
});
export type Expect = z.infer<typeof ExpectSchema>;

export const ExerciseTestSchema = z.strictObject({
  name: z.string().min(1).max(200),
  /** The trigger's output. */
  input: z.unknown().optional(),
  /** Approval answers ahead of time: `{STEP_ID: CHOICE}`. */
  answers: z.record(z.string(), z.string()).optional(),
  expect: ExpectSchema
});
export type ExerciseTest = z.infer<typeof ExerciseTestSchema>;

export const ExerciseSchema = z.strictObject({
  id: SlugSchema,
  title: z.string().min(1).max(200),
  task: z.string().max(20_000),
  /** A recipe in the pack given to the participant to start from. */
  starter: SlugSchema.optional(),
  /** The id a submission must have. */
  recipe: SlugSchema,
  tests: z.array(ExerciseTestSchema).max(200)
});
export type Exercise = z.infer<typeof ExerciseSchema>;
