import { describe, expect, it } from 'vitest';
import { TriggerSchema } from '../recipe';
import type { FieldModel } from './form-model';
import { controlFields, newTrigger, retryFields, triggerFields, TRIGGER_KINDS } from './step-forms';

const shape = (fields: FieldModel[]) => fields.map((f) => `${f.key}:${f.kind}${f.required ? '!' : ''}`);

describe('generated forms of control steps, retry and triggers', () => {
  it.each([
    ['if', ['condition:text!']],
    ['foreach', ['items:text!', 'as:text', 'concurrency:number']],
    ['set', ['values:map!']],
    ['approval', ['message:text!', 'assignee:text', 'choices:list', 'timeout:text']],
    ['call', ['recipe:text!', 'input:map']],
    ['stop', ['outcome:enum!', 'message:text']],
    ['try', []],
    ['action', []]
  ] as const)('%s', (kind, expected) => expect(shape(controlFields(kind))).toEqual(expected));

  it('retry has its defaults', () => {
    expect(retryFields().map((f) => [f.key, f.default])).toEqual([['attempts', undefined], ['backoff', 'exponential'], ['initial_ms', 500], ['max_ms', 30_000]]);
  });

  it('a manual trigger edits its input fields as a list of name/type/required/description (and a list\'s items)', () => {
    const [input] = triggerFields('manual');
    expect(input.kind === 'list' && input.item.kind === 'object' && shape(input.item.fields)).toEqual(['name:text!', 'type:enum!', 'required:boolean', 'description:text', 'default:json', 'items:list']);
    expect(input.description).toBe('The fields of the input a run takes.');
    expect(shape(triggerFields('callable'))).toEqual(['input:list!', 'output:json']);
  });

  it.each(TRIGGER_KINDS)('a new %s trigger is valid or names what it needs', (kind) => {
    const parsed = TriggerSchema.safeParse(newTrigger(kind));
    expect(parsed.success || kind === 'event').toBe(true);
    expect(triggerFields(kind).some((f) => f.key === 'kind')).toBe(false);
  });
});
