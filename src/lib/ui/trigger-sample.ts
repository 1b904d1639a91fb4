/**
 * What the run form starts from. A manual or callable recipe starts from its own sample or a blank (or
 * default) value per input field, for the person to fill in; a schedule, event, webhook or document recipe
 * starts from its trigger's sample (triggers/samples: a tick for now, the app's latest event, a request, a
 * small invoice), as the editor's Test run does, so a run never starts from a refused `{}`.
 */
import type { Field, Trigger, TriggerKind } from '../recipe';
import { madeUpSample, sampleFor, type Sample, type SampleContext } from '../triggers/samples';

const blank: Record<Field['type'], () => unknown> = {
  text: () => '',
  number: () => 0,
  boolean: () => false,
  date: () => new Date().toISOString().slice(0, 10),
  list: () => [],
  object: () => ({}),
  file: () => ({ name: 'note.txt', type: 'text/plain', text: '' })
};

/** The kinds whose input is data from outside (a tick, an event, a request, a file), not a person's typing. */
const FROM_SAMPLE: ReadonlySet<TriggerKind> = new Set(['schedule', 'event', 'webhook', 'document']);

export function startsFromSample(trigger: Trigger): boolean {
  return FROM_SAMPLE.has(trigger.kind);
}

/** The start with nothing read: an event's payload needs the app's schema or records, so it is `{}` here. */
export function sampleInput(trigger: Trigger, now: () => Date = () => new Date()): unknown {
  switch (trigger.kind) {
    case 'manual':
      return trigger.sample ?? fromFields(trigger.input);
    case 'callable':
      return fromFields(trigger.input);
    case 'schedule':
    case 'webhook':
    case 'document':
      return madeUpSample(trigger, { now }).value;
    case 'event':
      return {};
    default: {
      const never: never = trigger;
      throw new Error(`unknown trigger kind ${JSON.stringify(never)}`);
    }
  }
}

export interface RunStart {
  value: unknown;
  /** Where the value came from, for the form's sentence; absent for a manual or callable recipe's blanks. */
  sample?: Sample;
}

/** The run form's start, reading the app's latest event when `ctx` can; a sample that cannot be made falls back. */
export async function runFormStart(trigger: Trigger, ctx: SampleContext = {}): Promise<RunStart> {
  // A manual recipe's own saved sample is said too; blanks for a person to fill in need no sentence.
  if (trigger.kind === 'manual' && trigger.sample !== undefined) {
    const value = sampleInput(trigger, ctx.now);
    return { value, sample: { value, source: 'recipe' } };
  }
  if (!startsFromSample(trigger)) return { value: sampleInput(trigger, ctx.now) };
  try {
    const sample = await sampleFor(trigger, ctx);
    return { value: sample.value, sample };
  } catch {
    return { value: sampleInput(trigger, ctx.now) };
  }
}

function fromFields(fields: Field[] | undefined): Record<string, unknown> {
  return Object.fromEntries((fields ?? []).map((f) => [f.name, f.default ?? blank[f.type]()]));
}
