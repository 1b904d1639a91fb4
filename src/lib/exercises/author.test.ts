import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePackText, type Pack } from '../packs';
import { parseRecipeText, type Recipe } from '../recipe';
import { approvalSteps, loosenMessage, recordTest, recordTests } from './author';
import { checkExercise } from './run';
import type { Exercise } from './schema';

const read = parsePackText(readFileSync('tests/fixtures/packs/finance-workshop.sous-pack.json', 'utf8'));
if (!read.ok) throw new Error('the fixture pack does not read');
const world: Pack = { ...read.pack, exercises: [] };

function recipe(file: string): Recipe {
  const parsed = parseRecipeText(readFileSync(`tests/fixtures/packs/submissions/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not read`);
  return parsed.recipe;
}
const ana = recipe('ana.recipe.json');
const ben = recipe('ben.recipe.json');
const eun = recipe('eun.recipe.json');

const invoices = (...amounts: Array<[string, number]>) => ({ invoices: amounts.map(([id, amount]) => ({ id, amount })) });
const exercise = (model: Recipe, tests: Exercise['tests']): Exercise => ({ id: 'ex', title: 'Ex', task: 'Do it', recipe: model.id, tests });

describe('recording a test from a model answer', () => {
  it('writes the status and every message with its channel and exact text, in order', async () => {
    const got = await recordTest(ana, { name: 'two big', input: invoices(['A', 900], ['B', 20], ['C', 501]) }, world);
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.test).toEqual({
      name: 'two big',
      input: invoices(['A', 900], ['B', 20], ['C', 501]),
      expect: { status: 'succeeded', chat: [{ channel: 'finance', text: 'Big invoice A' }, { channel: 'finance', text: 'Big invoice C' }] }
    });
  });

  it('passes against the model answer by construction, and a changed recipe fails it', async () => {
    const recorded = await recordTests(ana, [{ name: 'edge', input: invoices(['D', 500]) }, { name: 'big', input: invoices(['E', 501]) }], world);
    const tests = recorded.map((r) => (r.ok ? r.test : expect.unreachable(r.reason)));
    expect(tests[0].expect).toEqual({ status: 'succeeded', chat: [] });
    const results = await checkExercise(ana, exercise(ana, tests), world);
    expect(results.map((r) => r.passed)).toEqual([true, true]);
    // ben flags 500 too: the edge test fails with its first difference.
    const other = await checkExercise(ben, exercise(ana, tests), world);
    expect(other.map((r) => r.passed)).toEqual([false, true]);
    expect(other[0].reason).toMatch(/^chat: expected 0 messages, got 1/);
  });

  it('a message loosened to a part of its text still passes; a part that is not in it is refused', async () => {
    const got = await recordTest(ana, { name: 'one', input: invoices(['A', 900]) }, world);
    if (!got.ok) throw new Error(got.reason);
    const [message] = got.test.expect.chat!;
    const loose = loosenMessage(message, 'Big invoice A', 'invoice A');
    expect(loose).toEqual({ channel: 'finance', text_contains: 'invoice A' });
    expect(loosenMessage(loose, 'Big invoice A', undefined)).toEqual({ channel: 'finance', text: 'Big invoice A' });
    expect(() => loosenMessage(message, 'Big invoice A', 'invoice Z')).toThrow(/not part of the message/);
    expect(() => loosenMessage(message, 'Big invoice A', '')).toThrow(/empty/);
    const test = { ...got.test, expect: { ...got.test.expect, chat: [loose] } };
    expect((await checkExercise(ana, exercise(ana, [test]), world))[0].passed).toBe(true);
  });

  it('says which approval step a test needs an answer for, and records it with one', async () => {
    expect(approvalSteps(eun)).toEqual([{ id: 'ask', choices: ['approve', 'reject'] }]);
    const missing = await recordTest(eun, { name: 'no answer', input: { name: 'Bluefin', country: 'DE' } }, world);
    expect(missing).toMatchObject({ ok: false, step: 'ask', reason: expect.stringMatching(/approval step "ask"/) });
    const approved = await recordTest(eun, { name: 'yes', input: { name: 'Bluefin', country: 'DE' }, answers: { ask: 'approve' } }, world);
    if (!approved.ok) throw new Error(approved.reason);
    expect(approved.test).toMatchObject({ answers: { ask: 'approve' }, expect: { status: 'succeeded', chat: [{ channel: 'finance', text: 'New vendor Bluefin' }] } });
    expect((await checkExercise(eun, exercise(eun, [approved.test]), world))[0].passed).toBe(true);
  });

  it('a failed job records its failed step; a callable recipe its output', async () => {
    const failing: Recipe = {
      format: 'sous.recipe/v1', id: 'fails', name: 'Fails', trigger: { kind: 'manual' },
      steps: [{ id: 'boom', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'finance', text: '{{ trigger.missing.deeper }}' } }]
    } as Recipe;
    const failed = await recordTest(failing, { name: 'fails', input: {} }, world);
    if (!failed.ok) throw new Error(failed.reason);
    expect(failed.test.expect).toMatchObject({ status: 'failed', error_step: 'boom', chat: [] });
    expect((await checkExercise(failing, exercise(failing, [failed.test]), world))[0].passed).toBe(true);

    const callable = parseRecipeText(JSON.stringify({
      format: 'sous.recipe/v1', id: 'double', name: 'Double', trigger: { kind: 'callable', input: [{ name: 'n', type: 'number' }] },
      steps: [{ id: 'calc', kind: 'set', values: { twice: '{{ trigger.n * 2 }}' } }]
    }));
    if (!callable.ok) throw new Error(JSON.stringify(callable.issues));
    const doubled = await recordTest(callable.recipe, { name: 'two', input: { n: 2 } }, world);
    if (!doubled.ok) throw new Error(doubled.reason);
    expect(doubled.test.expect).toEqual({ status: 'succeeded', output: { twice: 4 }, chat: [] });
  });

  it('a test without a name, or with another test\'s name, is not recorded', async () => {
    const got = await recordTests(ana, [{ name: ' ', input: invoices() }, { name: 'a', input: invoices() }, { name: 'a', input: invoices() }], world);
    expect(got.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['a test needs a name', 'ok', 'another test is called "a": each test needs its own name']);
  });
});
