/**
 * The copilot answers in the person's language: a Korean request gives Korean step names, assumptions
 * and refusals, an English one English; explaining (which has no request) follows the studio's language.
 * Every draft's step ids are "_" words, so its expressions need no backticks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lintRecipe } from '../../lint/lint';
import type { Recipe } from '../../recipe/schema';
import { allSteps } from '../../recipe/walk';
import { ScriptedModelClient } from '../scripted-model-client';
import { CatalogView } from './catalog-view';
import { CORPUS_EXISTING } from './corpus';
import { copilotWith, type ModelProvider } from './copilot';
import { draftBasic, DraftRefused } from './draft-basic';
import { explainBasic } from './explain';
import { langOf } from './lang';
import { draftSystemPrompt, modelDraft } from './model-draft';
import type { CatalogEntry } from './draft-result';
import { modelExplain, plainWords } from './model-explain';
import { NAMES_CATALOG } from './names-catalog';
import { CorpusRequestSchema } from './shape';

const HANGUL = /[\uac00-\ud7a3]/;
const draft = (words: string) => draftBasic(words, NAMES_CATALOG, CORPUS_EXISTING);
const names = (recipe: Recipe) => [...allSteps(recipe.steps)].map((s) => s.name).filter((n): n is string => Boolean(n));
const none: ModelProvider = async () => undefined;
const modelDraftFor = (words: string, catalog: CatalogEntry[], client: ScriptedModelClient) => modelDraft(words, catalog, [], client);

describe('the language of a request', () => {
  it.each([
    ['manually tell #finance', 'en'],
    ['매일 아침 9시 재무팀 채팅으로 알려줘', 'ko'],
    ['https://status.example.com/health 를 호출하고 실패하면 #ops에 알려줘', 'ko'],
    ['when an invoice arrives tell #finance "송장"', 'ko'],
    ['', 'en']
  ])('%j → %s', (words, lang) => expect(langOf(words)).toBe(lang));
});

describe('a draft in the language of its request', () => {
  it.each([
    ['메일이 오면 신규 거래처를 등록하고 채팅으로 알려줘', 'ko'],
    ['새 주문이 들어오면 각 항목마다 재고를 확인하고 5개 미만이면 창고팀에 알려줘', 'ko'],
    ['매일 아침 9시 재무팀 채팅으로 알려줘', 'ko'],
    ['when a mail arrives, add the vendor if it is new, then tell #finance', 'en'],
    ['when a new order comes in, check the stock of each item and tell #warehouse if it is under 5', 'en'],
    ['Every morning at 9, call https://status.example.com/health and tell #ops if it fails', 'en']
  ])('%s: step names and assumptions in %s', (words, lang) => {
    const { recipe, assumptions } = draft(words);
    expect(names(recipe).length).toBeGreaterThan(0);
    for (const text of [...names(recipe), ...assumptions]) expect(HANGUL.test(text), text).toBe(lang === 'ko');
  });

  it('a Korean request names its steps in Korean, with the same "_" ids as the English one', () => {
    const ko = draft('메일이 오면 신규 거래처를 등록하고 채팅으로 알려줘').recipe;
    const en = draft('when a mail arrives, add the vendor if it is new, then tell #finance').recipe;
    const ids = (r: Recipe) => [...allSteps(r.steps)].map((s) => s.id);
    expect(ids(ko)).toEqual(ids(en));
    expect(ids(ko)).toContain('look_up_vendor');
    expect(names(ko)).toEqual(expect.arrayContaining(['거래처 조회', '거래처 등록', '채팅에 알리기']));
    expect(names(en)).toEqual(expect.arrayContaining(['Look up the vendor', 'Create the vendor', 'Post to chat']));
  });

  it.each([
    ['', 'en', 'empty', /^Say what the recipe should do/],
    ['', 'ko', 'empty', /^레시피가 할 일을 적어 주세요/],
    ['안녕하세요', 'en', 'no_trigger', /^이 레시피를 무엇으로 시작할지 알 수 없었습니다/],
    ['hello there', 'ko', 'no_trigger', /^I could not tell what should start this recipe/]
  ] as const)('%j (studio %s) is refused as %s in the words\' language', (words, studio, code, message) => {
    let refused: unknown;
    try {
      draftBasic(words, NAMES_CATALOG, [], studio);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(DraftRefused);
    expect(refused).toMatchObject({ code });
    expect((refused as Error).message).toMatch(message);
  });
});

describe('every corpus draft uses "_" step ids and lints clean', () => {
  const load = (file: string) => z.array(CorpusRequestSchema).parse(JSON.parse(readFileSync(`tests/fixtures/requests/${file}.json`, 'utf8')));
  const requests = ['en', 'ko', 'second-set', 'third-set', 'fourth-set', 'fifth-set', 'held-out'].flatMap(load);
  const view = new CatalogView(NAMES_CATALOG);

  it(`holds for the ${requests.length} requests it drafts`, () => {
    let drafted = 0;
    for (const { words } of requests) {
      let recipe: Recipe;
      try {
        recipe = draft(words).recipe;
      } catch (err) {
        if (err instanceof DraftRefused) continue;
        throw err;
      }
      drafted++;
      for (const step of allSteps(recipe.steps)) expect(step.id, words).toMatch(/^[a-z0-9_]+$/);
      expect(JSON.stringify(recipe), words).not.toContain('`');
      expect(lintRecipe(recipe, view, { knownRecipes: CORPUS_EXISTING.map((r) => r.id) }), words).toEqual([]);
    }
    expect(drafted).toBeGreaterThan(requests.length * 0.8);
  });
});

describe('explaining in the studio\'s language', () => {
  const recipe = draft('새 주문이 들어오면 각 항목마다 재고를 확인하고 5개 미만이면 창고팀에 알려줘').recipe;

  it('basic mode: Korean lines and summary for a Korean studio, English ones otherwise', () => {
    const ko = explainBasic(recipe, 'ko');
    expect(ko.summary).toMatch(/^".*"은\(는\) sandbox.orders에서 "order.created" 이벤트가 나면 시작하며 단계가 \d+개 있습니다/);
    expect(ko.lines[0].text).toBe('sandbox.orders에서 "order.created" 이벤트가 나면 시작합니다.');
    for (const line of ko.lines) expect(HANGUL.test(line.text), line.text).toBe(true);
    const en = explainBasic(recipe);
    expect(en.lines[0].text).toBe('It starts when sandbox.orders raises "order.created".');
    expect(en.summary).toMatch(/starts when sandbox.orders raises "order.created" and has \d+ steps/);
  });

  it('the copilot passes the studio language to basic mode', async () => {
    const answer = await copilotWith(none).explainer.explain(recipe, { lang: 'ko' });
    expect(answer.mode).toBe('basic');
    expect(answer.summary).toMatch(/시작하며/);
  });

  it('model mode: the prompts ask for the answer\'s language', async () => {
    expect(draftSystemPrompt(NAMES_CATALOG, [], 'ko')).toMatch(/request is in Korean: write the recipe name, every step name and every assumption in Korean/);
    expect(draftSystemPrompt(NAMES_CATALOG, [], 'en')).toMatch(/names and the assumptions in English/);
    expect(draftSystemPrompt(NAMES_CATALOG, [])).toMatch(/→ search_vendors\), never with hyphens/);
    expect(plainWords('ko')).toMatch(/in Korean/);
    const client = new ScriptedModelClient([JSON.stringify({ explanation: '주문이 오면 재고를 확인합니다.' })]);
    await modelExplain(recipe, client, { lang: 'ko' });
    expect(client.requests[0].messages[0].content).toMatch(/in Korean \(한국어\)/);
  });
});

describe('failure advice in the studio\'s language', () => {
  it('the copilot passes the language to basic mode\'s advice', async () => {
    const facts = { step: 'http_request', code: 'http_404', message: 'answered 404 Not Found' };
    const ko = await copilotWith(none).advisor.advise(facts, { lang: 'ko' });
    const en = await copilotWith(none).advisor.advise(facts, { lang: 'en' });
    expect(HANGUL.test(ko.cause), ko.cause).toBe(true);
    expect(HANGUL.test(en.cause), en.cause).toBe(false);
  });
});

describe('model drafts use "_" step ids too', () => {
  it('a hyphenated step id goes back to the model for repair', async () => {
    const recipe = (id: string) => ({
      format: 'sous.recipe/v1',
      id: 'tell-finance',
      name: '재무팀에 알리기',
      trigger: { kind: 'manual' },
      steps: [{ id, kind: 'action', connector: 'chat', action: 'post', input: { channel: 'finance', text: '안녕하세요' } }]
    });
    const client = new ScriptedModelClient([
      JSON.stringify({ recipe: recipe('post-to-chat'), assumptions: [] }),
      JSON.stringify({ recipe: recipe('post_to_chat'), assumptions: ['채널을 finance로 가정했습니다.'] })
    ]);
    const chat = NAMES_CATALOG.filter((c) => c.connector === 'chat');
    const draft = await modelDraftFor('재무팀 채팅으로 알려줘', chat, client);
    expect(draft.repairs).toBe(1);
    expect(draft.recipe.steps[0].id).toBe('post_to_chat');
    expect(JSON.stringify(client.requests[1].messages)).toContain('never \\"-\\"');
  });
});
