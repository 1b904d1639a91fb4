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
import { dataPaths, schemaPaths, segment, summarize, type PathEntry } from './pill-paths';

export interface Pill {
  /** Who gives the value: "Trigger", "fetch (HTTP request)", "Loop item", "Error", "Variables". */
  group: string;
  /** Where in it: `body › id`, or "all of it". */
  label: string;
  /** The JSONata path, without braces: `steps.fetch.body.id`. */
  expression: string;
  /** The value in the last job, in short; empty when the last job did not have it. */
  preview: string;
}

/** The text a pill inserts. */
export const pillTemplate = (pill: Pick<Pill, 'expression'>): string => `{{ ${pill.expression} }}`;

const toJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
const APPROVAL: JsonSchema = { type: 'object', properties: { choice: {}, by: {}, at: {}, comment: {} } };
const ERROR: JsonSchema = { type: 'object', properties: { message: {}, step: {}, code: {} } };

/** The pills for the step `stepId` (null, the trigger, reads nothing before it). */
export function listPills(recipe: Recipe, stepId: string | null, catalog: ConnectorCatalog, lastJob?: Job): Pill[] {
  if (stepId === null) return [];
  const scope = scopeOf(recipe, stepId);
  if (!scope) return [];
  const pills: Pill[] = [];
  pills.push(...group('Trigger', 'trigger', triggerSchema(recipe.trigger, catalog), lastJob?.trigger, lastJob !== undefined));
  for (const loop of [...scope.loops].reverse()) {
    const name = loop.as ?? 'item';
    const items = (recordOf(lastJob, loop.id)?.input as { items?: unknown[] } | undefined)?.items;
    pills.push(...group(`Loop “${loop.name ?? loop.id}” element`, segment(name), undefined, items?.[0], items !== undefined));
    pills.push({ group: `Loop “${loop.name ?? loop.id}” element`, label: 'index', expression: 'index', preview: items ? '0' : '' });
  }
  if (scope.inCatch) pills.push(...group('Error', 'error', ERROR, lastJob?.error ?? undefined, false));
  for (const step of scope.before) {
    if (step.disabled || step.kind === 'stop') continue;
    const record = recordOf(lastJob, step.id);
    pills.push(...group(stepGroup(step, catalog), `steps.${segment(step.id)}`, stepSchema(step, catalog), record?.output, record !== undefined));
  }
  // `vars` is one object for the whole job: a `set` anywhere earlier in the file (a loop's too) fills it.
  const all = [...allSteps(recipe.steps)];
  pills.push(...varsPills(all.slice(0, all.findIndex((s) => s.id === stepId)), lastJob));
  return pills;
}

function group(name: string, base: string, schema: JsonSchema | undefined, data: unknown, ran: boolean): Pill[] {
  const whole: Pill = { group: name, label: 'all of it', expression: base, preview: ran ? summarize(data) : '' };
  const byExpression = new Map<string, Pill>([[base, whole]]);
  const add = (entry: PathEntry, fromData: boolean) => {
    const known = byExpression.get(entry.expression);
    const preview = fromData ? summarize(entry.value) : '';
    if (known) known.preview ||= preview;
    else byExpression.set(entry.expression, { group: name, label: entry.keys.join(' › '), expression: entry.expression, preview });
  };
  for (const entry of schemaPaths(schema, base)) add(entry, false);
  if (ran) for (const entry of dataPaths(data, base)) add(entry, true);
  return [...byExpression.values()];
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
  const what = step.kind === 'action' ? (catalog.action(step.connector, step.action)?.label ?? `${step.connector}.${step.action}`) : step.kind;
  return `${step.name ?? step.id} (${what})`;
}

/** `vars.KEY` for every key the `set` steps given set; the preview is the last value set. */
function varsPills(before: Step[], lastJob: Job | undefined): Pill[] {
  const pills = new Map<string, Pill>();
  for (const step of before) {
    if (step.kind !== 'set' || step.disabled) continue;
    const output = recordOf(lastJob, step.id)?.output as Record<string, unknown> | undefined;
    for (const key of Object.keys(step.values)) {
      const expression = `vars.${segment(key)}`;
      const preview = output && key in output ? summarize(output[key]) : '';
      pills.set(expression, { group: 'Variables', label: key, expression, preview: preview || (pills.get(expression)?.preview ?? '') });
    }
  }
  return [...pills.values()];
}

/** The last job's record of a step: the first one that finished (inside a loop, its first iteration). */
export function recordOf(job: Job | undefined, stepId: string) {
  const records = job?.steps.filter((r) => r.step_id === stepId) ?? [];
  return records.find((r) => r.status === 'succeeded') ?? records[0];
}
