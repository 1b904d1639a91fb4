/**
 * One entry of the audit trail: who did what, when, to which recipe, job, version or connection. Entries
 * are appended only; each carries the hash of the one before it and its own, so a changed or removed entry
 * breaks the chain where it happened (see chain.ts).
 */
import { z } from 'zod';
import { RoleSchema } from '../access/roles';

export const AUDIT_ACTIONS = [
  'recipe.create',
  'recipe.edit',
  'recipe.delete',
  'recipe.restore',
  'recipe.start',
  'recipe.stop',
  'recipe.import',
  'recipe.export',
  'pack.import',
  'pack.export',
  'exercise.save',
  'exercise.delete',
  'job.run',
  'approval.answer',
  'connection.create',
  'connection.edit',
  'connection.delete',
  'connection.use',
  'policy.set',
  'policy.lock',
  'policy.unlock',
  'policy.clear',
  'person.add',
  'person.edit',
  'person.remove',
  'person.switch',
  'conversation'
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const ActorSchema = z.object({ id: z.string(), name: z.string(), role: RoleSchema });
export type Actor = z.infer<typeof ActorSchema>;

/** What an entry touched: a recipe (and its version), a job, a connection, a pack, the policy, a person. */
export const AuditTargetSchema = z.object({
  kind: z.enum(['recipe', 'job', 'connection', 'pack', 'policy', 'person', 'agent', 'conversation', 'exercise']),
  id: z.string(),
  version: z.number().int().min(1).optional(),
  job: z.string().optional()
});
export type AuditTarget = z.infer<typeof AuditTargetSchema>;

/** An entry as its writer gives it; `seq`, `at`, `actor` and the hashes are added when it is appended. */
export const AuditInputSchema = z.object({
  action: AuditActionSchema,
  target: AuditTargetSchema,
  /** A few plain facts (a job's status, a version note); never a secret or an input value. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({})
});
export type AuditInput = z.input<typeof AuditInputSchema>;

export const AuditRowSchema = AuditInputSchema.extend({
  seq: z.number().int().min(1),
  at: z.string(),
  actor: ActorSchema,
  /** The previous entry's hash (64 hex zeros for the first). */
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/)
});
export type AuditRow = z.infer<typeof AuditRowSchema>;
