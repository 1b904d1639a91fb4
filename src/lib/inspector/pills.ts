/**
 * Data pills: what a step's inputs can read. The trigger's output, every step that runs before the
 * selected one, the loop element and index inside a `foreach`, `error` inside a catch, and `vars` —
 * each from its schema (what it will hold) and from the last job (what it held), with a preview.
 */
import { z } from 'zod';
import type { ConnectorCatalog, JsonSchema } from '../connectors/catalog';
import { DocumentOutputSchema, ScheduleOutputSchema, WebhookOutputSchema } from '../engine/trigger-output';
import type { Job, Recipe, Step, Trigger } from '../recipe';
import { scopeOf } from '../recipe/scope';
import { allSteps } from '../recipe/walk';
import { t } from '../i18n';
import { actionLabel } from './connector-words';
import { dataPaths, schemaPaths, segment, summarize, type PathEntry } from './pill-paths';
import { typeOfSchema, typeOfValue, type PillType } from './pill-types';

export type { PillType } from './pill-types';

export interface Pill {
  /** Who gives the value: "Trigger", "fetch (HTTP request)", "Loop item", "Error", "Variables". */
  group: string;
  /** Where in it: `body › id`, or "all of it". */
  label: string;
  /** The JSONata path, without braces: `steps.fetch.body.id`. */
  expression: string;
  /** The value in the last job (else in the trigger's sample), in short; empty when neither has it. */
  preview: string;
  /** What kind of value it is: from the value seen, else from the schema; `unknown` when neither says. */
  type: PillType;
  /** How many items a list had. */
  count?: number;
  /** Where the preview comes from. */
  source: 'job' | 'sample' | '';
  /** The whole of what a group gives ("all of it"), rather than one field of it. */
  whole: boolean;
  /** Who gives it, for choosing among pills without reading their words. */
  from: 'trigger' | 'loop' | 'error' | 'step' | 'vars';
}

/** The text a pill inserts. */
export const pillTemplate = (pill: Pick<Pill, 'expression'>): string => `{{ ${pill.expression} }}`;

const toJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
const APPROVAL: JsonSchema = { type: 'object', properties: { choice: {}, by: {}, at: {}, comment: {} } };
const ERROR: JsonSchema = { type: 'object', properties: { message: {}, step: {}, code: {} } };

/**
 * The pills for the step `stepId` (null, the trigger, reads nothing before it). `sample` is the trigger's
 * sample (sampleFor): before the first run, the trigger's pills show its values and types from it.
 */
export function listPills(recipe: Recipe, stepId: string | null, catalog: ConnectorCatalog, lastJob?: Job, sample?: unknown): Pill[] {
  if (stepId === null) return [];
  const scope = scopeOf(recipe, stepId);
  if (!scope) return [];
  const pills: Pill[] = [];
  const triggerSeen: Seen = lastJob ? { data: lastJob.trigger, source: 'job' } : sample !== undefined ? { data: sample, source: 'sample' } : NOT_SEEN;
  pills.push(...group(t('inspector:pills.trigger'), 'trigger', 'trigger', triggerSchema(recipe.trigger, catalog), triggerSeen));
  for (const loop of [...scope.loops].reverse()) {
    const name = loop.as ?? 'item';
    const items = (recordOf(lastJob, loop.id)?.input as { items?: unknown[] } | undefined)?.items;
    const label = t('inspector:pills.loop', { name: loop.name ?? loop.id });
    pills.push(...group(label, 'loop', segment(name), undefined, items !== undefined ? { data: items[0], source: 'job' } : NOT_SEEN));
    pills.push({ group: label, label: t('inspector:pills.index'), expression: 'index', preview: items ? '0' : '', type: 'number', source: items ? 'job' : '', whole: false, from: 'loop' });
  }
  if (scope.inCatch) pills.push(...group(t('inspector:pills.error'), 'error', 'error', ERROR, NOT_SEEN));
  for (const step of scope.before) {
    if (step.disabled || step.kind === 'stop') continue;
    const record = recordOf(lastJob, step.id);
    pills.push(...group(stepGroup(step, catalog), 'step', `steps.${segment(step.id)}`, stepSchema(step, catalog), record !== undefined ? { data: record.output, source: 'job' } : NOT_SEEN));
  }
  // `vars` is one object for the whole job: a `set` anywhere earlier in the file (a loop's too) fills it.
  const all = [...allSteps(recipe.steps)];
  pills.push(...varsPills(all.slice(0, all.findIndex((s) => s.id === stepId)), lastJob));
  return pills;
}

/** What a group's data was seen as: in the last job, in the trigger's sample, or not at all. */
type Seen = { data: unknown; source: 'job' | 'sample' } | { data?: undefined; source: '' };
const NOT_SEEN: Seen = { source: '' };

function group(name: string, from: Pill['from'], base: string, schema: JsonSchema | undefined, seen: Seen): Pill[] {
  const ran = seen.source !== '';
  const whole: Pill = { group: name, label: t('inspector:pills.whole'), expression: base, preview: '', type: typeOfSchema(schema), source: '', whole: true, from };
  if (ran) Object.assign(whole, seenAs(seen.data, seen.source));
  const byExpression = new Map<string, Pill>([[base, whole]]);
  const add = (entry: PathEntry, fromData: boolean) => {
    const known = byExpression.get(entry.expression);
    const pill = known ?? { group: name, label: entry.keys.join(' › '), expression: entry.expression, preview: '', type: typeOfSchema(entry.schema), source: '', whole: false, from };
    // What the value was beats what the schema says it may be; the first value seen stays.
    if (fromData && pill.source === '' && entry.value !== undefined) Object.assign(pill, seenAs(entry.value, seen.source as 'job' | 'sample'));
    if (!known) byExpression.set(entry.expression, pill);
  };
  for (const entry of schemaPaths(schema, base)) add(entry, false);
  if (ran) for (const entry of dataPaths(seen.data, base)) add(entry, true);
  return [...byExpression.values()];
}

function seenAs(value: unknown, source: 'job' | 'sample'): Pick<Pill, 'preview' | 'type' | 'source' | 'count'> {
  const type = typeOfValue(value);
  const out: Pick<Pill, 'preview' | 'type' | 'source' | 'count'> = { preview: summarize(value), type, source };
  if (Array.isArray(value)) out.count = value.length;
  return out;
}

function triggerSchema(trigger: Trigger, catalog: ConnectorCatalog): JsonSchema | undefined {
  switch (trigger.kind) {
    case 'manual':
      return { type: 'object', properties: Object.fromEntries((trigger.input ?? []).map((f) => [f.name, {}])) };
    case 'callable':
      return { type: 'object', properties: Object.fromEntries(trigger.input.map((f) => [f.name, {}])) };
    case 'document':
      return toJson(DocumentOutputSchema);
    case 'webhook':
      return toJson(WebhookOutputSchema);
    case 'schedule':
      return toJson(ScheduleOutputSchema);
    case 'event': {
      const payload = catalog.connector(trigger.connector)?.events?.[trigger.event]?.payload;
      return payload ? toJson(payload) : undefined;
    }
  }
}

function stepSchema(step: Step, catalog: ConnectorCatalog): JsonSchema | undefined {
  switch (step.kind) {
    case 'action':
      return catalog.outputSchema(step.connector, step.action);
    case 'set':
      return { type: 'object', properties: Object.fromEntries(Object.keys(step.values).map((k) => [k, {}])) };
    case 'approval':
      return APPROVAL;
    default:
      return undefined;
  }
}

function stepGroup(step: Step, catalog: ConnectorCatalog): string {
  const what =
    step.kind === 'action' ? actionLabel(step.connector, step.action, catalog.action(step.connector, step.action)?.label ?? `${step.connector}.${step.action}`) : step.kind;
  return t('inspector:pills.step', { name: step.name ?? step.id, what });
}

/** `vars.KEY` for every key the `set` steps given set; the preview is the last value set. */
function varsPills(before: Step[], lastJob: Job | undefined): Pill[] {
  const pills = new Map<string, Pill>();
  for (const step of before) {
    if (step.kind !== 'set' || step.disabled) continue;
    const output = recordOf(lastJob, step.id)?.output as Record<string, unknown> | undefined;
    for (const key of Object.keys(step.values)) {
      const expression = `vars.${segment(key)}`;
      const earlier = pills.get(expression);
      const pill: Pill = earlier ?? { group: t('inspector:pills.vars'), label: key, expression, preview: '', type: 'unknown', source: '', whole: false, from: 'vars' };
      if (output && key in output) Object.assign(pill, seenAs(output[key], 'job'));
      pills.set(expression, pill);
    }
  }
  return [...pills.values()];
}

/** The last job's record of a step: the first one that finished (inside a loop, its first iteration). */
export function recordOf(job: Job | undefined, stepId: string) {
  const records = job?.steps.filter((r) => r.step_id === stepId) ?? [];
  return records.find((r) => r.status === 'succeeded') ?? records[0];
}
