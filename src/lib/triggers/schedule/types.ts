import type { z } from 'zod';
import type { ScheduleTriggerSchema } from '../../recipe';

/** A recipe's schedule trigger, as the recipe schema parses it. */
export type ScheduleTrigger = z.infer<typeof ScheduleTriggerSchema>;
