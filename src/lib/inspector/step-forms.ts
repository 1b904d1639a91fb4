/**
 * The forms of the control steps, the retry settings and the trigger kinds, generated from the recipe's
 * own zod schemas the same way an action's form is: one source of truth for what each kind holds.
 */
import { z } from 'zod';
import type { JsonSchema } from '../connectors/catalog';
import {
  ApprovalStepSchema,
  CallStepSchema,
  CallableTriggerSchema,
  DocumentTriggerSchema,
  EventTriggerSchema,
  ForeachStepSchema,
  IfStepSchema,
  ManualTriggerSchema,
  RetrySchema,
  ScheduleTriggerSchema,
  SetStepSchema,
  StopStepSchema,
  WebhookTriggerSchema,
  type StepKind,
  type TriggerKind
} from '../recipe';
import { fieldsOf, type FieldModel } from './form-model';

const STEP_SCHEMAS: Partial<Record<StepKind, z.ZodType>> = {
  if: IfStepSchema.pick({ condition: true }),
  foreach: ForeachStepSchema.pick({ items: true, as: true, concurrency: true }),
  set: SetStepSchema.pick({ values: true }),
  approval: ApprovalStepSchema.pick({ message: true, assignee: true, choices: true, timeout: true }),
  call: CallStepSchema.pick({ recipe: true, input: true }),
  stop: StopStepSchema.pick({ outcome: true, message: true })
};

const TRIGGER_SCHEMAS: Record<TriggerKind, z.ZodObject> = {
  manual: ManualTriggerSchema,
  schedule: ScheduleTriggerSchema as unknown as z.ZodObject,
  event: EventTriggerSchema,
  document: DocumentTriggerSchema,
  webhook: WebhookTriggerSchema,
  callable: CallableTriggerSchema
};

/** Fields that hold names or settings, never data: no pill picker and no formula mode. */
export const PLAIN_KEYS = new Set(['as', 'concurrency', 'assignee', 'choices', 'timeout', 'recipe', 'outcome']);

/** Fields marked *expr* in the format: an expression, written with or without `{{ }}`. */
export const EXPR_KEYS = new Set(['condition', 'items', 'filter']);

const DESCRIPTIONS: Record<string, string> = {
  condition: 'Runs “then” when this is true, otherwise “else”. Insert data and compare, e.g. {{ steps.check.total > 500 }}.',
  items: 'The list to go through, e.g. {{ trigger.invoices }}.',
  as: 'The name of the current element inside the loop (default: item).',
  concurrency: 'How many elements run at once (default 1, in order).',
  values: 'Each name is set in vars for the steps after this one.',
  message: 'What the person sees; may hold data.',
  assignee: 'Who should answer (an email or a role).',
  choices: 'The answers offered (default: approve, reject).',
  timeout: 'How long to wait, as an ISO 8601 duration such as PT30M or P1D.',
  recipe: 'The id of a callable recipe.',
  'step:call.input': 'The input the called recipe receives.',
  'trigger.input': 'The fields of the input a run takes.',
  outcome: 'How the job ends.',
  every: 'An interval such as 15m, 1h or 1d (or use cron).',
  cron: 'A 5-field cron expression such as "0 9 * * 1" (or use every).',
  filter: 'Only events for which this is true start a job.',
  path: 'The job starts when the proxy receives a POST at this path.',
  accept: 'Media types accepted, e.g. application/pdf.',
  sample: 'Sample input for test runs (JSON).'
};

const cache = new Map<string, FieldModel[]>();

function generated(key: string, schema: z.ZodType, omit: string[] = []): FieldModel[] {
  let fields = cache.get(key);
  if (!fields) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    fields = fieldsOf(json)
      .filter((f) => !omit.includes(f.key))
      .map((f) => {
        const description = DESCRIPTIONS[`${key}.${f.key}`] ?? DESCRIPTIONS[`${key.split(':')[0]}.${f.key}`] ?? DESCRIPTIONS[f.key];
        return description && !f.description ? { ...f, description } : f;
      });
    cache.set(key, fields);
  }
  return fields;
}

/** The kind-specific fields of a control step (an action's come from its connector). */
export function controlFields(kind: StepKind): FieldModel[] {
  const schema = STEP_SCHEMAS[kind];
  return schema ? generated(`step:${kind}`, schema) : [];
}

export function retryFields(): FieldModel[] {
  return generated('retry', RetrySchema);
}

export const DEFAULT_RETRY = { attempts: 3, backoff: 'exponential', initial_ms: 500, max_ms: 30_000 } as const;

export function triggerFields(kind: TriggerKind): FieldModel[] {
  return generated(`trigger:${kind}`, TRIGGER_SCHEMAS[kind], ['kind']);
}

export const TRIGGER_KINDS = Object.keys(TRIGGER_SCHEMAS) as TriggerKind[];

/** What a trigger of a new kind starts as (valid where the kind needs fields). */
export function newTrigger(kind: TriggerKind) {
  switch (kind) {
    case 'manual':
      return { kind, input: [] };
    case 'schedule':
      return { kind, every: '1h' };
    case 'event':
      return { kind, connector: '', event: '' };
    case 'document':
      return { kind };
    case 'webhook':
      return { kind, path: 'my-hook' };
    case 'callable':
      return { kind, input: [] };
  }
}
