/** Values the opening message already holds (being written; returns nothing yet). */
import type { Field } from '../../recipe';

export function extractValues(_text: string, _fields: Field[], _hints?: { examples?: string[]; now?: Date }): Record<string, unknown> {
  return {};
}
