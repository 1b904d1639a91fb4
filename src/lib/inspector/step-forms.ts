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
import { locale, t } from '../i18n';
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

/** Help for the fields the recipe's schemas leave undescribed, by key (`step:call.input` for one kind's own). */
const DESCRIPTIONS: Partial<Record<string, () => string>> = {
  condition: () => t('inspector:help.condition', { example: '{{ steps.check.total > 500 }}' }),
  items: () => t('inspector:help.items', { example: '{{ trigger.invoices }}' }),
  as: () => t('inspector:help.as'),
  concurrency: () => t('inspector:help.concurrency'),
  values: () => t('inspector:help.values'),
  message: () => t('inspector:help.message'),
  assignee: () => t('inspector:help.assignee'),
  choices: () => t('inspector:help.choices'),
  timeout: () => t('inspector:help.timeout'),
  recipe: () => t('inspector:help.recipe'),
  'step:call.input': () => t('inspector:help.callInput'),
  'trigger.input': () => t('inspector:help.triggerInput'),
  outcome: () => t('inspector:help.outcome'),
  every: () => t('inspector:help.every'),
  cron: () => t('inspector:help.cron'),
  filter: () => t('inspector:help.filter'),
  path: () => t('inspector:help.path'),
  accept: () => t('inspector:help.accept'),
  sample: () => t('inspector:help.sample')
};

const cache = new Map<string, FieldModel[]>();

function generated(key: string, schema: z.ZodType, omit: string[] = []): FieldModel[] {
  // Per language: labels and help are words of the language the studio speaks.
  const cacheKey = `${locale.current} ${key}`;
  let fields = cache.get(cacheKey);
  if (!fields) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    fields = fieldsOf(json)
      .filter((f) => !omit.includes(f.key))
      .map((f) => {
        const help: (() => string) | undefined = DESCRIPTIONS[`${key}.${f.key}`] ?? DESCRIPTIONS[`${key.split(':')[0]}.${f.key}`] ?? DESCRIPTIONS[f.key];
        return help && !f.description ? { ...f, description: help() } : f;
      });
    cache.set(cacheKey, fields);
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
