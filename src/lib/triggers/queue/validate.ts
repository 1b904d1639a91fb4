/** What makes a trigger event unusable, in plain words; undefined when it is fine. */
import { TRIGGER_EVENT_KINDS, type TriggerEvent } from './types';

const MAX_ID = 256;

export function problemIn(event: TriggerEvent): string | undefined {
  if (!event || typeof event !== 'object') return 'an event must be an object';
  for (const field of ['event_id', 'recipe_id'] as const) {
    const value = event[field];
    if (typeof value !== 'string' || value.length === 0) return `an event needs a ${field} (text)`;
    if (value.length > MAX_ID) return `${field} is longer than ${MAX_ID} characters`;
  }
  if (!(TRIGGER_EVENT_KINDS as readonly string[]).includes(event.kind)) {
    return `kind must be one of ${TRIGGER_EVENT_KINDS.join(', ')}, not ${String(event.kind)}`;
  }
  if (event.due_at !== undefined && (typeof event.due_at !== 'string' || Number.isNaN(Date.parse(event.due_at)))) {
    return 'due_at must be an ISO 8601 date and time';
  }
  return undefined;
}
