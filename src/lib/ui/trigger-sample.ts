/** What the run form starts from: the trigger's own sample, or a blank value for each of its input fields. */
import type { Field, Trigger } from '../recipe';

const blank: Record<Field['type'], () => unknown> = {
  text: () => '',
  number: () => 0,
  boolean: () => false,
  date: () => new Date().toISOString().slice(0, 10),
  list: () => [],
  object: () => ({}),
  file: () => ({ name: 'note.txt', type: 'text/plain', text: '' })
};

export function sampleInput(trigger: Trigger): unknown {
  switch (trigger.kind) {
    case 'manual':
      return trigger.sample ?? fromFields(trigger.input);
    case 'callable':
      return fromFields(trigger.input);
    case 'document':
      return blank.file();
    case 'schedule':
    case 'event':
    case 'webhook':
      return {};
    default: {
      const never: never = trigger;
      throw new Error(`unknown trigger kind ${JSON.stringify(never)}`);
    }
  }
}

function fromFields(fields: Field[] | undefined): Record<string, unknown> {
  return Object.fromEntries((fields ?? []).map((f) => [f.name, f.default ?? blank[f.type]()]));
}

