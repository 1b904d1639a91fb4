/**
 * The data a test run starts from, for every trigger kind: the recipe's own sample, one made from the
 * trigger's input fields, a tick for now, a request, a small invoice document, or an event's payload (the
 * sandbox app's latest real record when there is one, else one made up from the payload's schema). Every
 * made-up value passes the trigger's own check (`triggerOutput`), so Test run never starts from `{}`.
 */
import { z } from 'zod';
import type { Field, Trigger } from '../../recipe';
import type { EventDef } from '../../connectors/sdk';
import { sampleFromSchema } from './from-schema';
import { invoiceText, numberFor, textFor } from './values';

/** Where a sample came from, for the dialog's sentence (words.ts). */
export type SampleSource = 'recipe' | 'fields' | 'tick' | 'request' | 'document' | 'latest' | 'schema' | 'unknown-event';

export interface Sample {
  value: unknown;
  source: SampleSource;
}

/** What sampleFor may read; every part is optional (a test, the CLI or a template check passes less). */
export interface SampleContext {
  now?: () => Date;
  /** The connectors, for an event's payload schema (the studio passes its catalogue). */
  connectors?: { connector(id: string): { events?: Record<string, EventDef> } | undefined };
  /** The app's latest real record for an event, already in the event's payload shape; undefined when it has none. */
  latestEvent?(connector: string, event: string): Promise<unknown>;
}

/** The sample for a trigger, looking for a real event first. */
export async function sampleFor(trigger: Trigger, ctx: SampleContext = {}): Promise<Sample> {
  if (trigger.kind === 'event' && ctx.latestEvent) {
    const latest = await ctx.latestEvent(trigger.connector, trigger.event).catch(() => undefined);
    const payload = eventDef(trigger, ctx)?.payload;
    // A record the schema no longer describes (an older shape) gives way to a made-up one that fits.
    if (latest !== undefined && (!payload || payload.safeParse(latest).success)) return { value: latest, source: 'latest' };
  }
  return madeUpSample(trigger, ctx);
}

/** The sample with nothing read from storage: synchronous, for templates' tests and previews. */
export function madeUpSample(trigger: Trigger, ctx: Omit<SampleContext, 'latestEvent'> = {}): Sample {
  const now = (ctx.now ?? (() => new Date()))();
  switch (trigger.kind) {
    case 'manual':
      return trigger.sample !== undefined ? { value: copy(trigger.sample), source: 'recipe' } : { value: fromFields(trigger.input, now), source: 'fields' };
    case 'callable':
      return { value: fromFields(trigger.input, now), source: 'fields' };
    case 'schedule':
      return { value: { at: now.toISOString(), catch_up: false, missed: 0 }, source: 'tick' };
    case 'webhook':
      return { value: sampleRequest(now), source: 'request' };
    case 'document':
      return { value: sampleDocument(trigger.accept, now), source: 'document' };
    case 'event': {
      const payload = eventDef(trigger, ctx)?.payload;
      if (!payload) return { value: {}, source: 'unknown-event' };
      return { value: fromPayload(payload, now), source: 'schema' };
    }
    default: {
      const never: never = trigger;
      throw new Error(`unknown trigger kind ${JSON.stringify(never)}`);
    }
  }
}

function eventDef(trigger: Trigger & { kind: 'event' }, ctx: Pick<SampleContext, 'connectors'>): EventDef | undefined {
  const events = ctx.connectors?.connector(trigger.connector)?.events;
  return events && Object.hasOwn(events, trigger.event) ? events[trigger.event] : undefined;
}

/** From the payload's JSON Schema, then through the zod schema itself (its defaults applied). */
function fromPayload(payload: z.ZodType, now: Date): unknown {
  const json = z.toJSONSchema(payload, { io: 'input', unrepresentable: 'any' });
  const made = sampleFromSchema(json, now);
  const parsed = payload.safeParse(made);
  return parsed.success ? parsed.data : made;
}

/** One value per field: its default, else a plausible one for its name and type (optional ones too, for pills). */
export function fromFields(fields: readonly Field[] | undefined, now: Date): Record<string, unknown> {
  return Object.fromEntries((fields ?? []).map((field) => [field.name, field.default !== undefined ? copy(field.default) : fieldValue(field, now)]));
}

function fieldValue(field: Field, now: Date): unknown {
  switch (field.type) {
    case 'text':
      return textFor(field.name, now);
    case 'number':
      return numberFor(field.name);
    case 'boolean':
      return false;
    case 'date':
      return now.toISOString().slice(0, 10);
    case 'list':
      return field.items && field.items.length > 0 ? [fromFields(field.items, now)] : [];
    case 'object':
      return {};
    case 'file':
      return sampleDocument(undefined, now);
    default: {
      const never: never = field.type;
      throw new Error(`unknown field type ${String(never)}`);
    }
  }
}

function sampleRequest(now: Date) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    query: {},
    body: { id: 'sample-1', name: 'Acme Supplies Ltd', email: textFor('email', now), amount: 150, created_at: now.toISOString() }
  };
}

/** The type a document trigger accepts (text first: the invoice's text reads the same in any type). */
const CONCRETE: Record<string, { type: string; ext: string }> = {
  'text/*': { type: 'text/plain', ext: 'txt' },
  'application/*': { type: 'application/pdf', ext: 'pdf' },
  'image/*': { type: 'image/png', ext: 'png' }
};

function sampleDocument(accept: readonly string[] | undefined, now: Date) {
  const wanted = !accept || accept.length === 0 || accept.some((a) => a === '*/*' || a === 'text/plain' || a === 'text/*') ? 'text/plain' : accept[0];
  const concrete = CONCRETE[wanted] ?? (wanted.endsWith('/*') ? { type: `${wanted.slice(0, -2)}/octet-stream`, ext: 'bin' } : { type: wanted, ext: wanted.split('/')[1]?.split(/[+.;]/)[0] || 'bin' });
  const pages = concrete.type === 'application/pdf' ? { pages: 1 } : {};
  return { name: `invoice-INV-1001.${concrete.ext === 'plain' ? 'txt' : concrete.ext}`, type: concrete.type, text: invoiceText(now), ...pages };
}

/** A copy of JSON data; unlike structuredClone it also copies a Svelte state proxy (the editor's recipe). */
function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
