import { describe, expect, it } from 'vitest';
import { evaluateExpr } from '../../engine/expressions';
import { conditionValue, parseCondition, printCondition, typeOfPreview, valueFor, type ConditionModel, type FieldType, type Row } from './condition';

const VENDORS = 'steps.`vendors-search`.vendors';
const one = (rows: Row[], join: 'and' | 'or' = 'and'): ConditionModel => ({ join: 'and', groups: [{ join, rows }] });
const types: Record<string, FieldType> = { [VENDORS]: 'list', 'trigger.subject': 'text', 'trigger.amount': 'number', 'trigger.urgent': 'boolean' };
const typeOf = (f: string) => types[f] ?? 'unknown';

describe('printCondition writes JSONata, and parseCondition reads it back', () => {
  const cases: Array<{ name: string; model: ConditionModel; text: string }> = [
    { name: 'a list is empty', model: one([{ field: VENDORS, op: 'empty' }]), text: '$count(steps.`vendors-search`.vendors) = 0' },
    { name: 'a list is not empty', model: one([{ field: VENDORS, op: 'notEmpty' }]), text: '$count(steps.`vendors-search`.vendors) > 0' },
    { name: 'text is empty', model: one([{ field: 'trigger.subject', op: 'empty' }]), text: '($not($exists(trigger.subject)) or trigger.subject = "")' },
    { name: 'text is not empty', model: one([{ field: 'trigger.subject', op: 'notEmpty' }]), text: '($exists(trigger.subject) and trigger.subject != "")' },
    { name: 'text is', model: one([{ field: 'trigger.subject', op: 'eq', value: 'Invoice "7"' }]), text: 'trigger.subject = "Invoice \\"7\\""' },
    { name: 'text contains', model: one([{ field: 'trigger.subject', op: 'contains', value: 'inv' }]), text: '$contains(trigger.subject, "inv")' },
    { name: 'a list contains', model: one([{ field: VENDORS, op: 'contains', value: 'x' }]), text: '"x" in steps.`vendors-search`.vendors' },
    { name: 'unknown contains', model: one([{ field: 'trigger.x', op: 'contains', value: 'a' }]), text: '$contains($string(trigger.x), "a")' },
    { name: 'number comparisons', model: one([{ field: 'trigger.amount', op: 'ge', value: 500 }, { field: 'trigger.amount', op: 'lt', value: 1e4 }]), text: 'trigger.amount >= 500 and trigger.amount < 10000' },
    { name: 'is not, or', model: one([{ field: 'trigger.amount', op: 'ne', value: 0 }, { field: 'trigger.amount', op: 'le', value: -1.5 }], 'or'), text: 'trigger.amount != 0 or trigger.amount <= -1.5' },
    { name: 'is true / is false', model: one([{ field: 'trigger.urgent', op: 'true' }, { field: 'trigger.done', op: 'false' }]), text: 'trigger.urgent = true and trigger.done = false' },
    { name: 'greater than', model: one([{ field: 'inv.amount', op: 'gt', value: 500 }]), text: 'inv.amount > 500' },
    { name: 'no rows: always', model: one([]), text: 'true' },
    {
      name: 'groups joined by or',
      model: {
        join: 'or',
        groups: [
          { join: 'and', rows: [{ field: 'trigger.amount', op: 'gt', value: 500 }, { field: 'trigger.subject', op: 'notEmpty' }] },
          { join: 'and', rows: [{ field: 'trigger.urgent', op: 'true' }] }
        ]
      },
      text: '(trigger.amount > 500 and ($exists(trigger.subject) and trigger.subject != "")) or trigger.urgent = true'
    },
    {
      name: 'two groups of or, joined by and',
      model: {
        join: 'and',
        groups: [
          { join: 'or', rows: [{ field: VENDORS, op: 'empty' }, { field: 'trigger.urgent', op: 'true' }] },
          { join: 'or', rows: [{ field: 'trigger.amount', op: 'eq', value: 1 }, { field: 'trigger.amount', op: 'eq', value: 2 }] }
        ]
      },
      text: '($count(steps.`vendors-search`.vendors) = 0 or trigger.urgent = true) and (trigger.amount = 1 or trigger.amount = 2)'
    }
  ];
  it.each(cases)('$name', ({ model, text }) => {
    expect(printCondition(model, typeOf)).toBe(text);
    expect(parseCondition(`{{ ${text} }}`)).toEqual(model);
    expect(parseCondition(text)).toEqual(model); // a bare expression, as *expr* fields may hold
    expect(conditionValue(parseCondition(conditionValue(model, typeOf))!, typeOf)).toBe(`{{ ${text} }}`);
  });
});

describe('parseCondition leaves what it cannot show to formula mode', () => {
  it.each([
    ['a function it does not write', '{{ $sum(trigger.items) > 3 }}'],
    ['and and or without parentheses', '{{ a = 1 and b = 2 or c = 3 }}'],
    ['arithmetic', '{{ trigger.amount * 2 > 10 }}'],
    ['text around braces', 'Total {{ trigger.amount }}'],
    ['two templates', '{{ a }} {{ b }}'],
    ['a bare path', '{{ trigger.ok }}'],
    ['a broken string', '{{ a = "x }}'],
    ['not a string', 42]
  ])('%s', (_, value) => {
    expect(parseCondition(value)).toBeNull();
  });

  it('reads obvious equivalents: single quotes, $exists, and an empty or always-true condition', () => {
    expect(parseCondition("{{ trigger.name = 'Ada' }}")).toEqual(one([{ field: 'trigger.name', op: 'eq', value: 'Ada' }]));
    expect(parseCondition('$exists(trigger.name)')).toEqual(one([{ field: 'trigger.name', op: 'notEmpty' }]));
    expect(parseCondition('{{ $not($exists(trigger.name)) }}')).toEqual(one([{ field: 'trigger.name', op: 'empty' }]));
    expect(parseCondition('{{ true }}')).toEqual(one([]));
    expect(parseCondition('')).toEqual(one([]));
    expect(parseCondition('{{ steps.`a-b`.`in` = 1 }}')).toEqual(one([{ field: 'steps.`a-b`.`in`', op: 'eq', value: 1 }]));
  });
});

describe('what the builder prints evaluates right in the engine', () => {
  const context = (vendors: unknown[] | undefined, trigger: Record<string, unknown>) => ({ trigger, steps: { 'vendors-search': vendors === undefined ? {} : { vendors } }, vars: {} });
  const cases: Array<{ name: string; row: Row; vendors?: unknown[]; trigger?: Record<string, unknown>; want: boolean }> = [
    { name: 'no vendors found → empty', row: { field: VENDORS, op: 'empty' }, vendors: [], want: true },
    { name: 'one vendor found → not empty', row: { field: VENDORS, op: 'empty' }, vendors: [{ id: 'v1' }], want: false },
    { name: 'the step gave no list → empty', row: { field: VENDORS, op: 'empty' }, want: true },
    { name: 'one vendor → is not empty', row: { field: VENDORS, op: 'notEmpty' }, vendors: [{ id: 'v1' }], want: true },
    { name: '"" is empty text', row: { field: 'trigger.subject', op: 'empty' }, trigger: { subject: '' }, want: true },
    { name: 'missing text is empty', row: { field: 'trigger.subject', op: 'empty' }, want: true },
    { name: 'text is not empty', row: { field: 'trigger.subject', op: 'empty' }, trigger: { subject: 'Hi' }, want: false },
    { name: 'text not empty', row: { field: 'trigger.subject', op: 'notEmpty' }, trigger: { subject: 'Hi' }, want: true },
    { name: 'missing is not "not empty"', row: { field: 'trigger.subject', op: 'notEmpty' }, want: false },
    { name: 'contains in text', row: { field: 'trigger.subject', op: 'contains', value: 'voice' }, trigger: { subject: 'Invoice 7' }, want: true },
    { name: 'contains in a list', row: { field: 'trigger.tags', op: 'contains', value: 'b' }, trigger: { tags: ['a', 'b'] }, want: true },
    { name: 'contains, missing field', row: { field: 'trigger.subject', op: 'contains', value: 'x' }, want: false },
    { name: 'is, text', row: { field: 'trigger.subject', op: 'eq', value: 'Hi' }, trigger: { subject: 'Hi' }, want: true },
    { name: 'is not, number', row: { field: 'trigger.amount', op: 'ne', value: 3 }, trigger: { amount: 3 }, want: false },
    { name: '≥ at the bound', row: { field: 'trigger.amount', op: 'ge', value: 500 }, trigger: { amount: 500 }, want: true },
    { name: '> at the bound', row: { field: 'trigger.amount', op: 'gt', value: 500 }, trigger: { amount: 500 }, want: false },
    { name: '≤', row: { field: 'trigger.amount', op: 'le', value: 500 }, trigger: { amount: 20 }, want: true },
    { name: '<', row: { field: 'trigger.amount', op: 'lt', value: 5 }, trigger: { amount: 20 }, want: false },
    { name: 'is true', row: { field: 'trigger.urgent', op: 'true' }, trigger: { urgent: true }, want: true },
    { name: 'is false', row: { field: 'trigger.urgent', op: 'false' }, trigger: { urgent: true }, want: false }
  ];
  const types2: Record<string, FieldType> = { ...types, 'trigger.tags': 'list' };
  it.each(cases)('$name', async ({ row, vendors, trigger = {}, want }) => {
    const text = conditionValue(one([row]), (f) => types2[f] ?? 'unknown');
    expect(Boolean(await evaluateExpr(text, context(vendors, trigger)))).toBe(want);
  });

  it('groups: (amount > 500 and urgent) or no vendors', async () => {
    const model: ConditionModel = {
      join: 'or',
      groups: [
        { join: 'and', rows: [{ field: 'trigger.amount', op: 'gt', value: 500 }, { field: 'trigger.urgent', op: 'true' }] },
        { join: 'and', rows: [{ field: VENDORS, op: 'empty' }] }
      ]
    };
    const text = conditionValue(model, typeOf);
    expect(await evaluateExpr(text, context([{ id: 1 }], { amount: 900, urgent: true }))).toBe(true);
    expect(await evaluateExpr(text, context([{ id: 1 }], { amount: 900, urgent: false }))).toBe(false);
    expect(await evaluateExpr(text, context([], { amount: 1 }))).toBe(true);
  });
});

describe('types and values', () => {
  it.each([
    ['"Ada"', 'text'],
    ['42', 'number'],
    ['[3 items]', 'list'],
    ['{id, name}', 'object'],
    ['true', 'boolean'],
    ['', 'unknown']
  ])('a pill previewing %s is %s', (preview, type) => {
    expect(typeOfPreview(preview)).toBe(type);
  });

  it.each([
    ['500', 'number', 'eq', 500],
    ['500', 'text', 'eq', '500'],
    ['500', 'unknown', 'eq', 500],
    ['5e2', 'unknown', 'eq', '5e2'],
    ['5e2', 'unknown', 'gt', 500],
    ['abc', 'number', 'gt', 'abc'],
    ['', 'number', 'eq', '']
  ] as const)('%s typed for a %s field with %s is %j', (text, type, op, want) => {
    expect(valueFor(text, type, op)).toBe(want);
  });
});
