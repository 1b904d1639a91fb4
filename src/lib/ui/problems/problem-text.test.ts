/** Lint's problems in either language: every code lint can give has words in English and Korean. */
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../connectors/catalog';
import { RESOURCES } from '../../i18n/catalog';
import { fixedT } from '../../i18n/translator';
import { LINT_CODES } from '../../lint/codes';
import { lintRecipe, type Problem } from '../../lint/lint';
import type { Policy } from '../../policy';
import { RecipeSchema } from '../../recipe/schema';
import { NotAllowedError } from '../../access/not-allowed';
import { policyLintProblems } from '../../lint/policy';
import { startReasons } from '../../triggers/lifecycle';
import { errorTextWith, problemText, problemTextWith, startReasonTextWith } from './problem-text';

const catalog = createCatalog();
const en = fixedT('en');
const ko = fixedT('ko');
const HANGUL = /[\uac00-\ud7a3]/;

const set = (id: string, v: string) => ({ id, kind: 'set', values: { v } });
const post = (id: string, input: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id, kind: 'action', connector: 'chat', action: 'post', input, ...extra });
const search = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'action', connector: 'sandbox.erp', action: 'vendors.search', input: { query: 'a' }, ...extra });

/** Recipes that, between them, make lint give every code it has. */
const CORPUS: Array<{ trigger?: unknown; steps: unknown[]; connections?: unknown; knownRecipes?: string[]; policy?: Policy }> = [
  { steps: [set('a', '1'), set('a', '2')] },
  { steps: [{ id: 's', kind: 'stop', outcome: 'success' }, set('b', '1')] },
  { steps: [{ id: 'c', kind: 'if', condition: ' ', then: [] }, { id: 'e', kind: 'foreach', items: ' ', steps: [] }] },
  { steps: [{ id: 'a', kind: 'action', connector: 'nope', action: 'x', input: {} }, { id: 'b', kind: 'action', connector: 'http', action: 'fetch', input: {} }] },
  { steps: [post('a', { channel: '', text: 'hi' }), post('b', { channel: 5, text: true })] },
  { steps: [{ id: 'g', kind: 'action', connector: 'http', action: 'request', input: { url: 'https://x.test', method: 'FETCH', timeout_ms: '5' } }] },
  // A call step or event not chosen yet (the editor holds them so; a file cannot): made empty below.
  { steps: [{ id: 'k', kind: 'call', recipe: 'unchosen', input: {} }, { id: 'm', kind: 'call', recipe: 'ghost', input: {} }], knownRecipes: ['unchosen'] },
  { trigger: { kind: 'event', connector: ' ', event: 'x' }, steps: [] },
  { trigger: { kind: 'event', connector: 'sandbox.erp', event: 'vendor.made', filter: 'a ==' }, steps: [] },
  { trigger: { kind: 'event', connector: 'http', event: 'changed' }, steps: [] },
  { trigger: { kind: 'event', connector: 'sandbox.erp', event: 'unchosen' }, steps: [] },
  { trigger: { kind: 'event', connector: 'http', event: 'unchosen' }, steps: [] },
  { steps: [search('vendors-search'), set('b', '{{ $count(steps.vendors-search.vendors) }}')] },
  { steps: [{ id: 't', kind: 'try', steps: [set('a', '{{ error.message }}')], catch: [] }] },
  { steps: [set('a', '{{ item.x }}'), { id: 'l', kind: 'foreach', items: '{{ trigger.list }}', as: 'inv', steps: [set('b', '{{ item.x }}')] }] },
  { steps: [{ ...set('off', '1'), disabled: true }, set('b', '{{ steps.off.v & steps.ghost.v & steps.b.v & steps.later.v }}'), set('later', '1')] },
  {
    steps: [search('a', { connection: 'erp' }), search('b', { connection: 'crm' }), { ...post('c', { channel: 'x', text: 'y' }), connection: 'erp' }],
    connections: { erp: { connector: 'sandbox.erp' } }
  },
  // The policy's rules: the contract's line in English, its words in Korean.
  {
    trigger: { kind: 'event', connector: 'sandbox.erp', event: 'vendor.created' },
    steps: [
      { id: 'get', kind: 'action', connector: 'http', action: 'request', input: { url: 'https://evil.test/x' } },
      { id: 'sum', kind: 'action', connector: 'ai', action: 'summarize', input: { text: 'x' } },
      post('say', { channel: 'c', text: 'hi' }),
      search('find')
    ],
    policy: { format: 'sous.policy/v1', name: 'Rules', hosts: ['api.test'], ai: false, actions: { deny: ['chat.post'] }, require_approval: ['sandbox.erp.vendors.search'] }
  },
  { steps: [{ id: 'get', kind: 'action', connector: 'http', action: 'request', input: { url: 'https://evil.test/x' } }], policy: { format: 'sous.policy/v1', name: 'None', hosts: [] } },
  { trigger: { kind: 'event', connector: 'sandbox.erp', event: 'vendor.created' }, steps: [], policy: { format: 'sous.policy/v1', name: 'No ERP', connectors: { deny: ['sandbox.erp'] } } }
];

function corpusProblems(): Problem[] {
  return CORPUS.flatMap((c) => {
    const recipe = RecipeSchema.parse({ format: 'sous.recipe/v1', id: 'r', name: 'R', trigger: c.trigger ?? { kind: 'manual' }, steps: c.steps, connections: c.connections });
    for (const step of recipe.steps) if (step.kind === 'call' && step.recipe === 'unchosen') step.recipe = '';
    if (recipe.trigger.kind === 'event' && recipe.trigger.event === 'unchosen') recipe.trigger.event = '';
    return lintRecipe(recipe, catalog, { knownRecipes: c.knownRecipes, bindings: new Map(), policy: c.policy });
  });
}

describe('lint problems in either language', () => {
  const problems = corpusProblems();

  it('every problem lint gives has a known code', () => {
    for (const p of problems) expect(LINT_CODES, p.message).toContain(p.code);
  });

  it('the corpus reaches every code lint has', () => {
    const seen = new Set(problems.map((p) => p.code));
    expect(LINT_CODES.filter((code) => !seen.has(code))).toEqual([]);
  });

  it('every code has words in English and Korean', () => {
    const words = (lang: 'en' | 'ko') => RESOURCES[lang].problems.lint as Record<string, string>;
    for (const code of LINT_CODES) {
      for (const lang of ['en', 'ko'] as const) {
        const has = code in words(lang) || `${code}_other` in words(lang);
        expect(has, `${lang}: problems:lint.${code}`).toBe(true);
      }
    }
  });

  it.each(problems.map((p) => [p.code, p] as const))('%s: English reads as lint wrote it; Korean is Korean', (_code, p) => {
    expect(problemTextWith(en, p)).toBe(p.message);
    const korean = problemTextWith(ko, p);
    expect(korean).not.toBe(p.message);
    expect(HANGUL.test(korean), korean).toBe(true);
  });

  it('says the words of parameters in Korean too', () => {
    const byCode = (code: string) => problems.find((p) => p.code === code)!;
    expect(problemTextWith(ko, byCode('input_type'))).toMatch(/텍스트이어야|숫자|정수/);
    expect(problemTextWith(ko, byCode('connection_not_named'))).toContain('"b" 단계');
  });
});

describe('problemText', () => {
  it('shows a string, a problem without a code and an unknown code as given', () => {
    expect(problemText('as it is')).toBe('as it is');
    expect(problemText({ message: 'no code' })).toBe('no code');
    expect(problemText({ message: 'newer lint', code: 'not_a_code_yet' })).toBe('newer lint');
  });
  it('speaks the studio language (English in Node)', () => {
    expect(problemText({ message: 'x', code: 'input_required', params: { key: 'url' } })).toBe('the input "url" is required');
  });
});

describe('a refusal by role, in either language', () => {
  it('is read back from its message, also after the worker wrapped it', () => {
    const err = new NotAllowedError('edit', 'runner');
    expect(errorTextWith(en, err)).toBe(err.message);
    expect(errorTextWith(ko, new Error(`Import failed: ${err.message}`))).toBe('실행자은(는) 레시피를 편집할 수 없습니다. 할 수 있는 사람으로 바꿔 달라고 관리자에게 요청하세요.'.replace('실행자', ko('governance:roles.runner')));
  });

  it('leaves other messages as they are', () => {
    expect(errorTextWith(ko, new Error('A runner may not fly'))).toBe('A runner may not fly');
  });
});

describe("Start's reasons in either language", () => {
  const catalogWithHttp = catalog;
  const reasonsOf = (trigger: unknown, steps: unknown[], more: Partial<Parameters<typeof startReasons>[0]> = {}) =>
    startReasons({
      recipe: RecipeSchema.parse({ format: 'sous.recipe/v1', id: 'r', name: 'R', trigger, steps }),
      catalog: catalogWithHttp,
      bindings: new Map(),
      startedWebhooks: [],
      ...more
    });

  const cases: Array<[string, ReturnType<typeof reasonsOf>]> = [
    ['manual', reasonsOf({ kind: 'manual' }, [])],
    ['callable', reasonsOf({ kind: 'callable', input: [] }, [])],
    ['lint, counted', reasonsOf({ kind: 'webhook', path: 'in' }, [set('a', '1'), set('a', '2'), set('b', '{{ steps.ghost.x }}'), set('c', '{{ steps.ghost.y }}'), set('d', '{{ steps.ghost.z }}')])],
    ['webhook path empty', reasonsOf({ kind: 'webhook', path: '//' }, [])],
    ['webhook path taken', reasonsOf({ kind: 'webhook', path: 'in' }, [], { startedWebhooks: [{ recipeId: 'o', name: 'Other', path: 'in' }] })],
    ['schedule', reasonsOf({ kind: 'schedule', cron: '99 * * * *' }, [])]
  ];

  it.each(cases)('%s: English as Start wrote it; Korean is Korean', (_name, reasons) => {
    expect(reasons.length).toBeGreaterThan(0);
    for (const r of reasons) {
      expect(startReasonTextWith(en, r)).toBe(r.message);
      const korean = startReasonTextWith(ko, r);
      expect(HANGUL.test(korean), korean).toBe(true);
    }
  });

  it('a policy rule and a reason without a code', () => {
    const policy: Policy = { format: 'sous.policy/v1', name: 'Rules', connectors: { deny: ['http'] } };
    const recipe = RecipeSchema.parse({ format: 'sous.recipe/v1', id: 'r', name: 'R', trigger: { kind: 'manual' }, steps: [{ id: 'g', kind: 'action', connector: 'http', action: 'request', input: { url: 'https://a.test' } }] });
    const [rule] = policyLintProblems(recipe, policy);
    expect(startReasonTextWith(en, rule!)).toBe('steps[0] (g): the policy "Rules" does not allow the connector "http"');
    expect(startReasonTextWith(ko, rule!)).toBe('steps[0] (g): 정책 "Rules"은(는) 커넥터 "http"을(를) 허용하지 않습니다');
    expect(startReasonTextWith(ko, { message: 'something else' })).toBe('something else');
  });
});
