/**
 * A job: one run of a recipe. These schemas are the single source of the job types the engine writes,
 * the store keeps and the CLI prints (`--json`).
 */
import { z } from 'zod';

/** `uncertain`: a step's call may have happened without its result being saved; a person says what to do. */
export const JOB_STATUSES = ['queued', 'running', 'waiting', 'uncertain', 'succeeded', 'failed', 'cancelled'] as const;
export const JobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const STEP_STATUSES = ['running', 'waiting', 'uncertain', 'succeeded', 'failed', 'skipped', 'cancelled'] as const;
export const StepStatusSchema = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof StepStatusSchema>;

/** `code` says what kind of failure it was; `step` is the id of the step that failed. */
export const JobErrorSchema = z.object({
  message: z.string(),
  step: z.string().nullable(),
  code: z.string()
});
export type JobError = z.infer<typeof JobErrorSchema>;

/** What a person says about an uncertain step: it ran (go on after it), run it again, or stop the job. */
export const UNCERTAIN_CHOICES = ['continue', 'rerun', 'stop'] as const;
export const UncertainAnswerSchema = z.object({ choice: z.enum(UNCERTAIN_CHOICES), by: z.string(), at: z.string() });
export type UncertainAnswer = z.infer<typeof UncertainAnswerSchema>;

export const StepRecordSchema = z.object({
  step_id: z.string(),
  /** Where it ran inside loops and branches, unique in the job: `each[3]/notify`. */
  path: z.string(),
  kind: z.string(),
  status: StepStatusSchema,
  attempt: z.number().int(),
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  error: JobErrorSchema.nullable().optional(),
  started_at: z.string(),
  finished_at: z.string().nullable().optional(),
  /** For an approval: when it times out, ISO 8601. */
  due_at: z.string().nullable().optional(),
  /** For a call step: the child job it started. */
  child_job: z.string().nullable().optional(),
  /** For a step that was `uncertain`: what a person answered, who and when. */
  answer: UncertainAnswerSchema.nullable().optional()
});
export type StepRecord = z.infer<typeof StepRecordSchema>;

export const UserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().optional(),
  roles: z.array(z.string()).default([])
});
export type User = z.infer<typeof UserSchema>;

export const JobSchema = z.object({
  id: z.string(),
  recipe_id: z.string(),
  recipe_version: z.number().int().nullable(),
  status: JobStatusSchema,
  trigger: z.unknown(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  steps: z.array(StepRecordSchema),
  output: z.unknown().optional(),
  error: JobErrorSchema.nullable().optional(),
  user: UserSchema.optional(),
  /** Set on a child job started by a `call` step (or an agent's skill started from a job). */
  parent_job: z.string().nullable().optional(),
  /** The agent whose skill this job is (its id), when an agent started it. */
  agent: z.string().nullable().optional(),
  /** The agent that handed the request on to `agent` directly, when one did. */
  handed_by: z.string().nullable().optional(),
  rerun_of: z.string().nullable().optional()
});
export type Job = z.infer<typeof JobSchema>;
