/**
 * A first recipe as a new user builds it, in a fresh profile (basic mode), with no docs and no code: the
 * invoice-mail recipe of the seed (when a mail arrives in the sandbox mailbox, search the vendors by the
 * sender's from_email; if none is found, create the vendor; tell #finance) made only with pickers, data
 * pills, the condition builder and the channel list; the one thing typed is the recipe's name. Test run
 * starts from the latest mail and ends `succeeded`. Then the same in a Korean browser, by the Korean labels.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { canvas } from './editor-helpers';

interface Words {
  newRecipe: RegExp;
  recipeName: string;
  create: string;
  trigger: RegExp;
  triggerRegion: string;
  startsWhen: string;
  app: string;
  event: string;
  mailbox: string;
  mailArrived: string;
  addAtStart: RegExp;
  addAfter: (id: string) => RegExp;
  addInThen: (id: string) => RegExp;
  picker: string;
  searchVendors: RegExp;
  createVendor: RegExp;
  ifElse: RegExp;
  postMessage: RegExp;
  insertInto: (field: string) => string;
  query: string;
  name: string;
  email: string;
  text: string;
  channelList: string;
  addCondition: string;
  field1: string;
  operator1: string;
  isEmpty: string;
  facts: RegExp;
  testRun: string;
  run: string;
  /** Where to keep a picture of the built recipe (the Korean one needs a Korean font on the test machine). */
  shot?: string;
}

const EN: Words = {
  newRecipe: /New recipe/,
  recipeName: 'Recipe name',
  create: 'Create',
  trigger: /^Trigger: /,
  triggerRegion: 'Trigger',
  startsWhen: 'Starts when',
  app: 'App',
  event: 'Event',
  mailbox: 'Sandbox mailbox',
  mailArrived: 'A mail arrived',
  addAtStart: /^Add a step at the start$/,
  addAfter: (id) => new RegExp(`^Add a step after ${id}$`),
  addInThen: (id) => new RegExp(`^Add a step at the start of then in ${id}$`),
  picker: 'Add a step',
  searchVendors: /Search vendors/,
  createVendor: /Create a vendor/,
  ifElse: /If \/ else/,
  postMessage: /Post a message/,
  insertInto: (field) => `Insert data into ${field}`,
  query: 'Query',
  name: 'Name',
  email: 'Email',
  text: 'Text',
  channelList: 'Channel from the list',
  addCondition: '+ Add a condition',
  field1: 'Field 1',
  operator1: 'Operator 1',
  isEmpty: 'is empty',
  facts: /^list/,
  testRun: 'Test run',
  run: 'Run',
  shot: 'tests/screenshots/first-recipe-en.png'
};

const KO: Words = {
  newRecipe: /새 레시피/,
  recipeName: '레시피 이름',
  create: '만들기',
  trigger: /^트리거: /,
  triggerRegion: '트리거',
  startsWhen: '시작 조건',
  app: '앱',
  event: '이벤트',
  mailbox: '샌드박스 메일함',
  mailArrived: '메일이 도착함',
  addAtStart: /맨 앞에 단계 추가$/,
  addAfter: (id) => new RegExp(`^${id} 다음에 단계 추가$`),
  addInThen: (id) => new RegExp(`^${id}.*then.*단계 추가$`),
  picker: '단계 추가',
  // The step picker names actions by the connector's labels (English until the canvas has Korean ones).
  searchVendors: /거래처 검색|Search vendors/,
  createVendor: /거래처 만들기|Create a vendor/,
  ifElse: /조건 \(만약 \/ 아니면\)|If \/ else/,
  postMessage: /메시지 올리기|Post a message/,
  insertInto: (field) => `${field}에 데이터 넣기`,
  query: '검색어',
  name: '이름',
  email: '이메일',
  text: '내용',
  channelList: '목록에서 채널 고르기',
  addCondition: '+ 조건 추가',
  field1: '데이터 1',
  operator1: '비교 1',
  isEmpty: '비어 있음',
  facts: /^목록/,
  testRun: '테스트 실행',
  run: '실행'
};

/** The id of the step just added (the editor selects it). */
async function selectedStep(page: Page): Promise<string> {
  const node = canvas(page).locator('[data-step][aria-pressed="true"]');
  await expect(node).toHaveCount(1);
  return (await node.getAttribute('data-step')) ?? '';
}

async function addStep(page: Page, w: Words, plus: RegExp, entry: RegExp): Promise<{ id: string; form: Locator }> {
  // The canvas lays out a moment after an edit: a + clicked before then may have moved under the pointer.
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-settled', 'true');
  // Pressed from the keyboard (as a keyboard user does): the canvas pans to the step just selected, and a
  // pointer aimed at a + while it pans can land on the node that slides under it.
  const button = canvas(page).getByRole('button', { name: plus });
  await button.focus();
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog', { name: w.picker });
  await picker.getByRole('button', { name: entry }).first().click();
  await expect(picker).toBeHidden();
  const id = await selectedStep(page);
  return { id, form: page.getByRole('region', { name: id, exact: true }) };
}

/** Insert a data pill into a field by clicking: open the field's picker, click the pill. */
async function pill(form: Locator, w: Words, field: string, name: RegExp) {
  await form.getByRole('button', { name: w.insertInto(field), exact: true }).click();
  await form.getByRole('dialog').getByRole('option', { name }).first().click();
}

async function buildAndRun(page: Page, w: Words) {
  await page.goto('/');
  await page.getByRole('button', { name: w.newRecipe }).first().click();
  await page.getByLabel(w.recipeName).fill('My invoice mail');
  await page.getByRole('button', { name: w.create, exact: true }).click();
  await expect(canvas(page).locator('.svelte-flow__node').first()).toBeVisible();

  // The trigger: chosen as an app and its event, by their labels.
  await canvas(page).getByRole('button', { name: w.trigger }).click();
  const trigger = page.getByRole('region', { name: w.triggerRegion, exact: true });
  await trigger.getByRole('combobox', { name: w.startsWhen }).selectOption('event');
  await trigger.getByRole('combobox', { name: w.app, exact: true }).selectOption({ label: w.mailbox });
  await trigger.getByRole('combobox', { name: w.event, exact: true }).selectOption({ label: w.mailArrived });

  // Search the vendors by the sender's address: a pill, with its type and the sample's value beside it.
  const search = await addStep(page, w, w.addAtStart, w.searchVendors);
  await search.form.getByRole('button', { name: w.insertInto(w.query), exact: true }).click();
  const fromEmail = search.form.getByRole('dialog').getByRole('option', { name: /^from_email/ });
  await expect(fromEmail).toContainText('@');
  await fromEmail.click();
  await expect(search.form.getByRole('textbox', { name: w.query, exact: true })).toHaveValue('{{ trigger.from_email }}');

  // If none is found: the condition builder, "vendors is empty" (a list, before any run).
  const check = await addStep(page, w, w.addAfter(search.id), w.ifElse);
  await check.form.getByRole('button', { name: w.addCondition }).click();
  const field = check.form.getByRole('combobox', { name: w.field1, exact: true });
  const vendors = await field.locator('option', { hasText: '› vendors' }).first().getAttribute('value');
  await field.selectOption(vendors ?? '');
  await expect(check.form.getByTestId('condition-field-facts')).toHaveText(w.facts);
  await check.form.getByRole('combobox', { name: w.operator1, exact: true }).selectOption({ label: w.isEmpty });

  // Then create the vendor from the sender's name and address.
  const create = await addStep(page, w, w.addInThen(check.id), w.createVendor);
  await pill(create.form, w, w.name, /^from_name/);
  await pill(create.form, w, w.email, /^from_email/);

  // Tell #finance, chosen from the channels that exist, with the mail's subject.
  const tell = await addStep(page, w, w.addAfter(check.id), w.postMessage);
  await tell.form.getByRole('combobox', { name: w.channelList }).selectOption({ label: '#finance' });
  await expect(tell.form.getByRole('textbox', { name: 'Channel', exact: true }).or(tell.form.getByRole('textbox', { name: '채널', exact: true }))).toHaveValue('finance');
  await pill(tell.form, w, w.text, /^subject/);
  if (w.shot) await page.screenshot({ path: w.shot });

  // Test run from the latest mail: every step that ran succeeded.
  await page.getByRole('button', { name: w.testRun, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: w.testRun });
  await dialog.getByRole('button', { name: w.run, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(canvas(page).locator(`[data-step="${tell.id}"]`)).toHaveAttribute('data-status', 'succeeded', { timeout: 20_000 });
  await expect(canvas(page).locator(`[data-step="${search.id}"]`)).toHaveAttribute('data-status', 'succeeded');
  await expect(canvas(page).locator(`[data-step="${create.id}"]`)).toHaveAttribute('data-status', 'succeeded');
}

test('a first recipe with pickers, pills and the condition builder only, test-run to succeeded', async ({ page }) => {
  test.setTimeout(90_000);
  await buildAndRun(page, EN);
});

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' });
  test('the same first recipe by the Korean labels', async ({ page }) => {
    test.setTimeout(90_000);
    await buildAndRun(page, KO);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  });
});
