/**
 * What each trigger kind hands a job as `trigger`: the checked manual or callable input, the dropped
 * document, the webhook's request, the schedule's tick, or the event's payload (when its filter passes).
 */
import { z } from 'zod';
import type { Trigger } from '../recipe';
import { RunRefused } from './errors';
import { evaluateExpr, truthy } from './expressions';
import { checkTriggerInput } from './trigger-input';

export const DocumentOutputSchema = z.object({
  name: z.string(),
  type: z.string(),
  text: z.string(),
  pages: z.number().int().min(1).optional(),
  /** Why the file's text could not be read (then `text` is ""). */
  problem: z.string().optional()
});

export const WebhookOutputSchema = z.object({
  method: z.string().default('POST'),
  headers: z.record(z.string(), z.string()).default({}),
  query: z.record(z.string(), z.string()).default({}),
  body: z.unknown()
});

export const ScheduleOutputSchema = z.object({
  /** When the run was due, ISO 8601. */
  at: z.string(),
  /** True for the one catch-up run after the studio was closed when runs were due. */
  catch_up: z.boolean().default(false),
  missed: z.number().int().min(0).default(0),
  /** How long the run waited behind another run of the recipe, in ms; present only when it did. */
  waited_ms: z.number().int().min(0).optional()
});

/** The job's `trigger` for this recipe's trigger kind, or RunRefused naming what is wrong. */
export function triggerOutput(trigger: Trigger, raw: unknown): unknown {
  switch (trigger.kind) {
    case 'manual':
    case 'callable':
      return checkTriggerInput(trigger.input, raw);
    case 'document': {
      const doc = checked(DocumentOutputSchema, raw, 'document');
      if (trigger.accept && !trigger.accept.some((type) => mediaMatches(type, doc.type))) {
        throw new RunRefused(`this recipe accepts ${trigger.accept.join(', ')}, not ${doc.type}`, [`type: ${doc.type}`]);
      }
      return doc;
    }
    case 'webhook':
      return checked(WebhookOutputSchema, raw ?? {}, 'webhook request');
    case 'schedule':
      return checked(ScheduleOutputSchema, raw, 'schedule tick');
    case 'event':
      return raw ?? {};
    default: {
      const never: never = trigger;
      throw new Error(`unknown trigger kind ${(never as Trigger).kind}`);
    }
  }
}

/** Whether an event starts a job: the trigger's connector and event match and its `filter` holds. */
export async function eventMatches(trigger: Trigger, connector: string, event: string, payload: unknown): Promise<boolean> {
  if (trigger.kind !== 'event' || trigger.connector !== connector || trigger.event !== event) return false;
  if (!trigger.filter) return true;
  return truthy(await evaluateExpr(trigger.filter, { trigger: payload }));
}

function checked<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (raw === undefined || raw === null || typeof raw !== 'object') {
    throw new RunRefused(`a ${what} must be a JSON object`, [`expected an object`]);
  }
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || what}: ${i.message}`);
  throw new RunRefused(`not a valid ${what}: ${problems.join('; ')}`, problems);
}

function mediaMatches(pattern: string, type: string): boolean {
  if (pattern === '*/*' || pattern === type) return true;
  return pattern.endsWith('/*') && type.startsWith(pattern.slice(0, -1));
}
