/**
 * A trainer writes an exercise in the studio (issue 15): imports a model answer and a starter, makes an
 * exercise with two tests on the Workshop page, records them against the model answer (a bad input says
 * where, and nothing typed is lost), loosens a message to a part of its text, saves; the page lists it
 * under "This workspace" with its last check; the Packs page exports it with its starter and without the
 * answer; the exported pack graded in Node passes ana and fails ben once. Once in Korean.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gradeAll } from '../../src/lib/exercises/grade';
import { parsePackText } from '../../src/lib/packs';
import { importFile, openStudio } from './helpers';

const ANA = 'tests/fixtures/packs/submissions/ana.recipe.json';
const BEN = 'tests/fixtures/packs/submissions/ben.recipe.json';

/** The workshop fixture's starter, as a recipe file of its own. */
function starterFile() {
  const pack = JSON.parse(readFileSync('tests/fixtures/packs/finance-workshop.sous-pack.json', 'utf8'));
  const starter = pack.recipes.find((r: { id: string }) => r.id === 'flag-big-starter');
  return { name: 'flag-big-starter.recipe.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(starter)) };
}

function studioNav(page: Page) {
  return page.getByRole('navigation').first();
}

const TWO_BIG = JSON.stringify({ invoices: [{ id: 'A', amount: 900 }, { id: 'B', amount: 20 }] });
const EDGE = JSON.stringify({ invoices: [{ id: 'D', amount: 500 }] });

test('a trainer records an exercise from a model answer, saves it, and exports it without the answer', async ({ page }) => {
  await openStudio(page);
  await importFile(page, ANA);
  await importFile(page, starterFile());

  await studioNav(page).getByRole('link', { name: 'Workshop' }).click();
  await page.getByRole('button', { name: 'New exercise' }).click();
  const form = page.getByRole('region', { name: 'New exercise' });
  await expect(form.getByLabel('Title')).toBeFocused();
  await form.getByLabel('Title').fill('Flag big ones');
  await form.getByLabel('Task').fill('Post the ids of invoices over 500 to #finance.');
  await form.getByLabel('Model answer').selectOption({ label: 'Flag big invoices (flag-big)' });
  await form.getByLabel('Starter').selectOption({ label: 'Flag big invoices (start here) (flag-big-starter)' });

  // The first row starts from the model answer's trigger.
  const first = form.getByRole('group', { name: 'Test 1' });
  await expect(first.getByLabel('Input (JSON)')).toHaveValue(JSON.stringify({ invoices: [] }, null, 2));
  await first.getByLabel('Name', { exact: true }).fill('one big');
  await first.getByLabel('Input (JSON)').fill(TWO_BIG);
  await form.getByRole('button', { name: 'Add a test' }).click();
  const second = form.getByRole('group', { name: 'Test 2' });
  await second.getByLabel('Name', { exact: true }).fill('edge');
  await second.getByLabel('Input (JSON)').fill('{\n  invoices: []\n}');

  // A bad input says where; Save waits for a recording; nothing typed is lost.
  await expect(form.getByRole('button', { name: 'Save' })).toBeDisabled();
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(form.getByRole('alert')).toHaveText('Test 2 “edge”: the input is not JSON at line 2, column 3.');
  await expect(form.getByLabel('Title')).toHaveValue('Flag big ones');
  await expect(first.getByLabel('Input (JSON)')).toHaveValue(TWO_BIG);
  await second.getByLabel('Input (JSON)').fill(EDGE);
  await form.getByRole('button', { name: 'Record' }).press('Enter');

  const recorded = form.getByTestId('recorded-test');
  await expect(form.getByRole('status')).toContainText('Recorded 2 tests against “Flag big invoices”.');
  await expect(recorded.nth(0)).toContainText('The job succeeds.');
  await expect(recorded.nth(0)).toContainText('Posts to #finance: “Big invoice A”');
  await expect(recorded.nth(1)).toContainText('It posts no message.');
  await recorded.nth(0).getByLabel('Part of the text').check();
  await recorded.nth(0).getByLabel('The part of message 1 that must be there').fill('invoice A');

  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Flag big ones” under “This workspace”.' })).toBeVisible();
  const mine = page.getByRole('region', { name: 'Exercises of “This workspace”' });
  await expect(mine.getByRole('listitem')).toHaveCount(1);
  await expect(mine).toContainText('Flag big ones');
  await expect(mine).toContainText('2 tests');
  await expect(mine.getByTestId('last-check')).toHaveText('Not checked yet');

  // The participant's check beside the editor (the model answer here) is kept on the Workshop page.
  await mine.getByRole('link', { name: 'Open “Flag big ones”' }).click();
  const panel = page.getByRole('complementary', { name: 'Exercise' });
  await panel.getByRole('button', { name: 'Check' }).click();
  await expect(panel).toContainText('All 2 tests passed.');
  await studioNav(page).getByRole('link', { name: 'Workshop' }).click();
  await expect(mine.getByTestId('last-check')).toHaveText('Last check: 2 of 2 passed, version 1, just now');

  // Edit: recorded again, the part of the text kept is still there; a change after recording asks for another.
  await mine.getByRole('button', { name: 'Edit “Flag big ones”' }).click();
  const edit = page.getByRole('region', { name: 'Edit “Flag big ones”' });
  await expect(edit.getByRole('group', { name: 'Test 2' }).getByLabel('Name', { exact: true })).toHaveValue('edge');
  await edit.getByRole('button', { name: 'Record' }).click();
  await expect(edit.getByTestId('recorded-test').nth(0).getByLabel('The part of message 1 that must be there')).toHaveValue('invoice A');
  await edit.getByRole('group', { name: 'Test 2' }).getByLabel('Input (JSON)').fill(JSON.stringify({ invoices: [{ id: 'D', amount: 501 }] }));
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('alert')).toHaveText('The form changed since the tests were recorded: record them again before saving.');
  await edit.getByRole('group', { name: 'Test 2' }).getByLabel('Input (JSON)').fill(EDGE);
  await edit.getByRole('button', { name: 'Record' }).click();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(mine.getByRole('listitem')).toHaveCount(1);

  // Exported from the Packs page: the exercise and its starter, never the model answer.
  await studioNav(page).getByRole('link', { name: 'Packs' }).click();
  await page.getByLabel('Pack name').fill('Author pack');
  await page.getByRole('group', { name: 'Exercises' }).getByLabel('Flag big ones').check();
  await expect(page.getByTestId('pack-added')).toContainText('“Flag big invoices (start here)” is added too');
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export pack' }).click();
  const download = await waiting;
  const read = parsePackText(readFileSync(await download.path(), 'utf8'));
  if (!read.ok) throw new Error(read.issues.map((i) => i.message).join('\n'));
  expect(read.pack.recipes.map((r) => r.id)).toEqual(['flag-big-starter']);
  expect(read.pack.exercises).toMatchObject([
    {
      title: 'Flag big ones', recipe: 'flag-big', starter: 'flag-big-starter',
      tests: [
        { name: 'one big', expect: { status: 'succeeded', chat: [{ channel: 'finance', text_contains: 'invoice A' }] } },
        { name: 'edge', expect: { status: 'succeeded', chat: [] } }
      ]
    }
  ]);
  await expect(page.getByTestId('pack-answers')).toBeHidden();

  // Choosing the answer too puts it in, and the page says so.
  await page.getByRole('group', { name: 'Recipes' }).getByLabel('Flag big invoices', { exact: true }).check();
  await expect(page.getByTestId('pack-answers')).toHaveText('This pack includes the answer to “Flag big ones”.');

  const rows = await gradeAll(read.pack, [ANA, BEN].map((file) => ({ file, text: readFileSync(file, 'utf8') })), { timeoutMs: 10_000 });
  expect(rows.map((r) => [r.passed, r.total])).toEqual([[2, 2], [1, 2]]);
  expect(rows[1].failures).toMatchObject([{ test: 'edge' }]);
});

test('an approval step without an answer is named; with one it records; Delete asks first', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/fixtures/packs/submissions/eun.recipe.json');
  await studioNav(page).getByRole('link', { name: 'Workshop' }).click();
  await page.getByRole('button', { name: 'New exercise' }).click();
  const form = page.getByRole('region', { name: 'New exercise' });
  await form.getByLabel('Title').fill('Vendors');
  await form.getByLabel('Model answer').selectOption({ label: 'Add a vendor after approval (add-vendor)' });
  const row = form.getByRole('group', { name: 'Test 1' });
  await row.getByLabel('Name', { exact: true }).fill('approved');
  await row.getByLabel('Input (JSON)').fill(JSON.stringify({ name: 'Bluefin', country: 'DE' }));
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(form.getByRole('alert')).toHaveText('Test 1 “approved”: the job waits at the approval step “ask”. Choose an answer for it in this test.');
  await row.getByLabel('Answer to “ask”').selectOption('approve');
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(form.getByTestId('recorded-test')).toContainText('Posts to #finance: “New vendor Bluefin”');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await form.getByRole('button', { name: 'Save' }).click();

  // Delete asks first; Keep it keeps it.
  const mine = page.getByRole('region', { name: 'Exercises of “This workspace”' });
  await mine.getByRole('button', { name: 'Delete “Vendors”' }).click();
  await expect(mine.getByRole('alert')).toContainText('Delete the exercise “Vendors”? The recipes it names stay.');
  await mine.getByRole('button', { name: 'Keep it' }).click();
  await expect(mine.getByRole('alert')).toHaveCount(0);
  await mine.getByRole('button', { name: 'Delete “Vendors”' }).click();
  await mine.getByRole('button', { name: 'Delete it' }).click();
  await expect(mine).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Vendors”.' })).toBeVisible();
});

test('a runner sees the trainer’s exercise but no New exercise, Edit or Delete', async ({ page }) => {
  await openStudio(page);
  await importFile(page, ANA);
  await studioNav(page).getByRole('link', { name: 'Workshop' }).click();
  await page.getByRole('button', { name: 'New exercise' }).click();
  const form = page.getByRole('region', { name: 'New exercise' });
  await form.getByLabel('Title').fill('Flag big ones');
  await form.getByLabel('Model answer').selectOption({ label: 'Flag big invoices (flag-big)' });
  await form.getByRole('group', { name: 'Test 1' }).getByLabel('Name', { exact: true }).fill('none');
  await form.getByRole('button', { name: 'Record' }).click();
  await form.getByRole('button', { name: 'Save' }).click();
  const mine = page.getByRole('region', { name: 'Exercises of “This workspace”' });
  await expect(mine.getByRole('button', { name: 'Delete “Flag big ones”' })).toBeVisible();

  await page.getByRole('link', { name: 'Governance' }).click();
  const people = page.getByTestId('people-card');
  const person = people.getByTestId('person-form');
  await people.getByRole('button', { name: 'Add person' }).click();
  await person.getByLabel('Name').fill('Ana');
  await person.getByTestId('person-pin').fill('1234');
  await person.getByRole('button', { name: 'Add person' }).click();
  await people.getByRole('button', { name: 'Add person' }).click();
  await person.getByLabel('Name').fill('Lee');
  await person.getByLabel('Role').selectOption('runner');
  await person.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('button', { name: 'Switch person' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Lee · runner' }).click();
  await expect(page.getByTestId('current-person')).toHaveText('You are: Lee · runner');

  await studioNav(page).getByRole('link', { name: 'Workshop' }).click();
  await expect(mine).toContainText('Flag big ones');
  await expect(page.getByRole('button', { name: 'New exercise' })).toHaveCount(0);
  await expect(mine.getByRole('button', { name: 'Edit “Flag big ones”' })).toHaveCount(0);
  await expect(mine.getByRole('button', { name: 'Delete “Flag big ones”' })).toHaveCount(0);
});

test.describe('in a Korean browser', () => {
  test.use({ locale: 'ko-KR' });

  test('the trainer writes and saves an exercise in Korean', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await page.getByLabel('레시피 파일 (.json)').setInputFiles(ANA);
    await page.getByRole('dialog').getByRole('button', { name: '가져오기', exact: true }).click();
    await studioNav(page).getByRole('link', { name: '워크숍' }).click();
    await page.getByRole('button', { name: '새 연습 문제' }).click();
    const form = page.getByRole('region', { name: '새 연습 문제' });
    await form.getByLabel('제목').fill('큰 청구서');
    await form.getByLabel('모범 답안').selectOption({ label: 'Flag big invoices (flag-big)' });
    const row = form.getByRole('group', { name: '테스트 1' });
    await row.getByLabel('이름', { exact: true }).fill('하나');
    await row.getByLabel('입력 (JSON)').fill(TWO_BIG);
    await form.getByRole('button', { name: '기록' }).click();
    await expect(form.getByTestId('recorded-test')).toContainText('작업이 성공합니다.');
    await expect(form.getByTestId('recorded-test')).toContainText('#finance에 보냄: “Big invoice A”');
    await form.getByRole('button', { name: '저장' }).click();
    const mine = page.getByRole('region', { name: '“이 작업 공간”의 연습 문제' });
    await expect(mine).toContainText('큰 청구서');
    await expect(mine.getByTestId('last-check')).toHaveText('아직 검사하지 않음');
  });
});
