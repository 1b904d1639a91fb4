/**
 * The recipe file format v1 (see the project's docs/recipe-format.md): the single source of truth for
 * recipe types. Every type a recipe has elsewhere is `z.infer` of a schema here.
 */
import { z } from 'zod';

export const RECIPE_FORMAT = 'sous.recipe/v1';

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const SlugSchema = z
  .string()
  .regex(SLUG, 'expected a slug: lower-case letters, digits and "-", starting with a letter or digit, at most 64 characters');

/**
 * A step id: like a slug, and `_` may join words too, so `steps.search_vendors` needs no backticks in an
 * expression (an id holding `-` must be quoted: ``steps.`search-vendors` ``).
 */
export const StepIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a step id: lower-case letters, digits, "_" and "-", starting with a letter or digit, at most 64 characters');

export const FIELD_TYPES = ['text', 'number', 'boolean', 'date', 'list', 'object', 'file'] as const;

const FieldFields = {
  name: z.string().min(1),
  type: z.enum(FIELD_TYPES),
  required: z.boolean().optional(),
  description: z.string().optional(),
  default: z.unknown().optional()
};
/** A key of each element of a `list` field (one level: a list inside a list element is `list` without items). */
export const ItemFieldSchema = z.strictObject(FieldFields);
export type ItemField = z.infer<typeof ItemFieldSchema>;
/** A field; `items` (for a `list` of objects) lists the keys of each element. */
export const FieldSchema = z.strictObject({ ...FieldFields, items: z.array(ItemFieldSchema).optional() });
export type Field = z.infer<typeof FieldSchema>;

/** ISO 8601 duration such as `PT30M`, `P1D`, `P1DT12H`. */
export const DurationSchema = z
  .string()
  .regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/, 'expected an ISO 8601 duration such as PT30M or P1D');

export const ManualTriggerSchema = z.strictObject({
  kind: z.literal('manual'),
  input: z.array(FieldSchema).optional(),
  sample: z.unknown().optional()
});
export const ScheduleTriggerSchema = z
  .strictObject({
    kind: z.literal('schedule'),
    every: z.string().regex(/^\d+(s|m|h|d)$/, 'expected an interval such as 15m, 1h or 1d').optional(),
    cron: z
      .string()
      .regex(/^\s*(\S+\s+){4}\S+\s*$/, 'expected a 5-field cron expression such as "0 9 * * 1"')
      .optional()
  })
  .refine((t) => (t.every === undefined) !== (t.cron === undefined), {
    message: 'a schedule needs exactly one of "every" or "cron"'
  });
export const EventTriggerSchema = z.strictObject({
  kind: z.literal('event'),
  connector: z.string().min(1),
  event: z.string().min(1),
  connection: z.string().optional(),
  filter: z.string().optional()
});
export const DocumentTriggerSchema = z.strictObject({
  kind: z.literal('document'),
  accept: z.array(z.string()).optional()
});
export const WebhookTriggerSchema = z.strictObject({
  kind: z.literal('webhook'),
  path: z.string().regex(/^[A-Za-z0-9._~\-/]+$/, 'expected a URL path such as "orders/new"')
});
export const CallableTriggerSchema = z.strictObject({
  kind: z.literal('callable'),
  input: z.array(FieldSchema),
  output: z.unknown().optional()
});

export const TriggerSchema = z.discriminatedUnion('kind', [
  ManualTriggerSchema,
  ScheduleTriggerSchema,
  EventTriggerSchema,
  DocumentTriggerSchema,
  WebhookTriggerSchema,
  CallableTriggerSchema
]);
export type Trigger = z.infer<typeof TriggerSchema>;
export type TriggerKind = Trigger['kind'];

export const RetrySchema = z.strictObject({
  attempts: z.number().int().min(1).max(20),
  backoff: z.enum(['exponential', 'fixed']).default('exponential'),
  initial_ms: z.number().int().min(0).max(3_600_000).default(500),
  max_ms: z.number().int().min(0).max(3_600_000).default(30_000)
});
export type Retry = z.infer<typeof RetrySchema>;

const stepBase = {
  id: StepIdSchema,
  name: z.string().optional(),
  disabled: z.boolean().optional()
};

/** A string that may hold `{{ }}` expressions. */
const Text = z.string();
/** A field marked *expr* in the spec: a JSONata expression, with or without `{{ }}` around it. */
const Expr = z.string().min(1, 'expected an expression');

export const ActionStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('action'),
  connector: z.string().min(1),
  action: z.string().min(1),
  connection: z.string().optional(),
  input: z.record(z.string(), z.unknown()).default({}),
  retry: RetrySchema.optional()
});

export const SetStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('set'),
  values: z.record(z.string(), z.unknown())
});

export const ApprovalStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('approval'),
  message: Text,
  assignee: z.string().optional(),
  choices: z.array(z.string().min(1)).min(1).optional(),
  timeout: DurationSchema.optional()
});

export const CallStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('call'),
  recipe: SlugSchema,
  input: z.record(z.string(), z.unknown()).default({})
});

export const StopStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('stop'),
  outcome: z.enum(['success', 'failure']),
  message: Text.optional()
});

// The container steps hold step lists. TypeScript cannot infer a type that is recursive through a
// discriminated union, so the child lists (only they) are typed by hand over the inferred fields.
const IfFields = z.strictObject({ ...stepBase, kind: z.literal('if'), condition: Expr });
const ForeachFields = z.strictObject({
  ...stepBase,
  kind: z.literal('foreach'),
  items: Expr,
  as: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a name of letters, digits and "_"')
    .optional(),
  concurrency: z.number().int().min(1).max(64).optional()
});
const TryFields = z.strictObject({ ...stepBase, kind: z.literal('try') });

export type ActionStep = z.infer<typeof ActionStepSchema>;
export type SetStep = z.infer<typeof SetStepSchema>;
export type ApprovalStep = z.infer<typeof ApprovalStepSchema>;
export type CallStep = z.infer<typeof CallStepSchema>;
export type StopStep = z.infer<typeof StopStepSchema>;
export type IfStep = z.infer<typeof IfFields> & { then: Step[]; else?: Step[] };
export type ForeachStep = z.infer<typeof ForeachFields> & { steps: Step[] };
export type TryStep = z.infer<typeof TryFields> & { steps: Step[]; catch: Step[] };
export type Step = ActionStep | IfStep | ForeachStep | TryStep | SetStep | ApprovalStep | CallStep | StopStep;
export type StepKind = Step['kind'];

type StepList = z.ZodType<Step[], unknown>;
const steps = (): StepList => StepListSchema;

export const IfStepSchema = IfFields.extend({
  get then(): StepList {
    return steps();
  },
  get else(): z.ZodOptional<StepList> {
    return steps().optional();
  }
});
export const ForeachStepSchema = ForeachFields.extend({
  get steps(): StepList {
    return steps();
  }
});
export const TryStepSchema = TryFields.extend({
  get steps(): StepList {
    return steps();
  },
  get catch(): StepList {
    return steps();
  }
});

export const StepSchema: z.ZodType<Step, unknown> = z.discriminatedUnion('kind', [
  ActionStepSchema,
  IfStepSchema,
  ForeachStepSchema,
  TryStepSchema,
  SetStepSchema,
  ApprovalStepSchema,
  CallStepSchema,
  StopStepSchema
]) as unknown as z.ZodType<Step, unknown>;

export const StepListSchema: StepList = z.array(StepSchema);

export const STEP_KINDS = ['action', 'if', 'foreach', 'try', 'set', 'approval', 'call', 'stop'] as const satisfies readonly StepKind[];

export const ConnectionRefSchema = z.strictObject({
  connector: z.string().min(1),
  label: z.string().optional()
});

export const RecipeSchema = z.strictObject({
  format: z.literal(RECIPE_FORMAT),
  id: SlugSchema,
  name: z.string().min(1),
  description: z.string().optional(),
  trigger: TriggerSchema,
  steps: StepListSchema,
  connections: z.record(z.string(), ConnectionRefSchema).optional(),
  meta: z.record(z.string(), z.unknown()).optional()
});
export type Recipe = z.infer<typeof RecipeSchema>;
