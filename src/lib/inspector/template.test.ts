import { describe, expect, it } from 'vitest';
import { RecipeSchema, type Job } from '../recipe';
import { previewContext, previewValue } from './preview';
import { formulaOf, fromFormula, insertAt, segments, toFormula } from './template';

describe('templates in a field', () => {
  it('splits text and expressions', () => {
    expect(segments('Hi {{ trigger.name }}, see {{steps.a}}')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'expr', source: 'trigger.name' },
      { kind: 'text', text: ', see ' },
      { kind: 'expr', source: 'steps.a' }
    ]);
  });

  it.each([
    ['abc', 1, 1, 'X', 'aXbc', 2],
    ['abc', 1, 3, 'X', 'aX', 2],
    ['abc', 9, 9, 'X', 'abcX', 4]
  ])('insertAt(%s, %i, %i)', (text, start, end, insert, out, cursor) => {
    expect(insertAt(text, start, end, insert)).toEqual({ text: out, cursor });
  });

  it.each([
    ['{{ trigger.x }}', 'trigger.x'],
    ['plain', '"plain"'],
    ['Hi {{ a }}!', '"Hi " & (a) & "!"'],
    ['', ''],
    [3, '3']
  ])('toFormula(%j) = %s', (value, formula) => expect(toFormula(value)).toBe(formula));

  it.each([
    ['trigger.x > 5', true, 'trigger.x > 5'],
    ['trigger.x > 5', false, '"trigger.x > 5"'],
    ['{{ a }}', true, 'a']
  ])('formulaOf(%j, expr: %s) = %s', (value, expr, formula) => expect(formulaOf(value, expr)).toBe(formula));

  it('writes a formula back as one expression', () => {
    expect(fromFormula(' a + 1 ')).toBe('{{ a + 1 }}');
    expect(fromFormula('  ')).toBe('');
  });
});

describe('formula preview', () => {
  const recipe = RecipeSchema.parse({
    format: 'sous.recipe/v1', id: 'r', name: 'R', trigger: { kind: 'manual' },
    steps: [
      { id: 'a', kind: 'set', values: { n: '{{ 2 }}' } },
      { id: 'each', kind: 'foreach', items: '{{ trigger.list }}', as: 'inv', steps: [{ id: 'b', kind: 'set', values: {} }] }
    ]
  });
  const job = {
    id: 'j', recipe_id: 'r', recipe_version: 1, status: 'succeeded', trigger: { list: [{ id: 5 }] }, started_at: '2026-01-01T00:00:00Z', finished_at: null,
    steps: [
      { step_id: 'a', path: 'a', kind: 'set', status: 'succeeded', attempt: 1, started_at: 't', output: { n: 2 } },
      { step_id: 'each', path: 'each', kind: 'foreach', status: 'succeeded', attempt: 1, started_at: 't', input: { items: [{ id: 5 }] } }
    ]
  } satisfies Job;

  it('evaluates against the last job as the step sees it', async () => {
    const context = previewContext(recipe, 'b', job);
    expect(await previewValue('{{ steps.a.n + vars.n + inv.id + index }}', context)).toEqual({ ok: true, value: 9 });
    expect(await previewValue('Now: {{ now }}', context)).toEqual({ ok: true, value: 'Now: 2026-01-01T00:00:00Z' });
  });

  it('answers compile and runtime errors', async () => {
    const context = previewContext(recipe, 'a', job);
    const bad = await previewValue('{{ 1 + }}', context);
    expect(bad.ok).toBe(false);
    const failing = await previewValue('{{ $number("x") }}', context);
    expect(failing).toMatchObject({ ok: false, error: expect.stringContaining('failed') });
    // `a` cannot see its own output.
    expect(await previewValue('{{ steps.a }}', context)).toEqual({ ok: true, value: undefined });
  });
});
