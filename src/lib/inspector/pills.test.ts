import { describe, expect, it } from 'vitest';
import { createCatalog } from '../connectors/catalog';
import { RecipeSchema, type Job, type Recipe } from '../recipe';
import { listPills, pillTemplate } from './pills';
import { segment, summarize } from './pill-paths';

const catalog = createCatalog();

const recipe: Recipe = RecipeSchema.parse({
  format: 'sous.recipe/v1',
  id: 'r',
  name: 'R',
  trigger: { kind: 'manual', input: [{ name: 'invoices', type: 'list' }, { name: 'who', type: 'text' }] },
  steps: [
    { id: 'fetch-it', kind: 'action', connector: 'http', action: 'request', input: { url: 'https://x.test' } },
    { id: 'off', kind: 'set', values: { x: '1' }, disabled: true },
    {
      id: 'each', kind: 'foreach', items: '{{ trigger.invoices }}', as: 'inv', steps: [
        { id: 'flag', kind: 'set', values: { flagged: '{{ inv.id }}' } },
        { id: 'post', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'c', text: '' } }
      ]
    },
    { id: 'guard', kind: 'try', steps: [], catch: [{ id: 'oops', kind: 'stop', outcome: 'failure' }] },
    { id: 'later', kind: 'set', values: { y: '2' } }
  ]
});

const record = (step_id: string, path: string, fields: Record<string, unknown>) => ({
  step_id, path, kind: 'x', status: 'succeeded' as const, attempt: 1, started_at: 't', ...fields
});
const job: Job = {
  id: 'j', recipe_id: 'r', recipe_version: 1, status: 'succeeded', started_at: 't', finished_at: 't',
  trigger: { invoices: [{ id: 7, amount: 600 }], who: 'Ada' },
  steps: [
    record('fetch-it', 'fetch-it', { output: { status: 200, headers: {}, body: { ok: true } } }),
    record('each', 'each', { input: { items: [{ id: 7, amount: 600 }] } }),
    record('flag', 'each[0]/flag', { output: { flagged: 7 } })
  ]
};

const pick = (pills: ReturnType<typeof listPills>) => pills.map((p) => `${p.expression}=${p.preview}`);

describe('listPills', () => {
  it('lists the trigger, the loop element, earlier steps and vars, with the last job as preview', () => {
    const pills = pick(listPills(recipe, 'post', catalog, job));
    expect(pills).toEqual([
      'trigger={invoices, who}',
      'trigger.invoices=[1 item]',
      'trigger.who="Ada"',
      'trigger.invoices.id=[1 item]',
      'trigger.invoices.amount=[1 item]',
      'inv={id, amount}',
      'inv.id=7',
      'inv.amount=600',
      'index=0',
      'steps.`fetch-it`={status, headers, body}',
      'steps.`fetch-it`.status=200',
      'steps.`fetch-it`.headers={}',
      'steps.`fetch-it`.body={ok}',
      'steps.`fetch-it`.body.ok=true',
      'steps.flag={flagged}',
      'steps.flag.flagged=7',
      'vars.flagged=7'
    ]);
  });

  it('lists from the schemas alone when there is no job', () => {
    const pills = pick(listPills(recipe, 'later', catalog));
    expect(pills).toEqual([
      'trigger=',
      'trigger.invoices=',
      'trigger.who=',
      'steps.`fetch-it`=',
      'steps.`fetch-it`.status=',
      'steps.`fetch-it`.headers=',
      'steps.`fetch-it`.body=',
      'steps.each=',
      'steps.guard=',
      'vars.flagged='
    ]);
  });

  it('offers `error` inside a catch, and nothing for the trigger itself', () => {
    const inCatch = listPills(recipe, 'oops', catalog).map((p) => p.expression);
    expect(inCatch).toEqual(expect.arrayContaining(['error', 'error.message', 'error.step', 'error.code']));
    expect(listPills(recipe, 'fetch-it', catalog).some((p) => p.expression.startsWith('error'))).toBe(false);
    expect(listPills(recipe, null, catalog, job)).toEqual([]);
  });

  it('labels a pill by where it comes from', () => {
    const status = listPills(recipe, 'post', catalog, job).find((p) => p.expression === 'steps.`fetch-it`.status');
    expect(status).toMatchObject({ group: 'fetch-it (Send an HTTP request)', label: 'status' });
    expect(pillTemplate(status!)).toBe('{{ steps.`fetch-it`.status }}');
  });
});

describe('pill paths', () => {
  it.each([
    ['body', 'body'],
    ['fetch-user', '`fetch-user`'],
    ['in', '`in`'],
    ['2nd', '`2nd`']
  ])('segment(%s) = %s', (name, out) => expect(segment(name)).toBe(out));

  it.each([
    ['a long text that goes on and on and on and on and on', '"a long text that goes on and on and on and on …'],
    [[1, 2], '[2 items]'],
    [null, 'null'],
    [undefined, '']
  ])('summarize(%j)', (value, out) => expect(summarize(value)).toBe(out));
});
