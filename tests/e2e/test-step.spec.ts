/**
 * Test this step: in the inspector, one action step runs with the data before it (the trigger's sample
 * before any job, the latest job's data after a test run) and shows its output right under the button; a
 * step that changes data asks first. An en-US and a ko-KR browser. Run with E2E_PORT=4411.
 */
import { expect, test, type Page } from '@playwright/test';
import { importFile, openStudio } from './helpers';
import { canvas, stepNode } from './editor-helpers';

const FIXTURE = 'tests/fixtures/sandbox/invoice-mail-vendor.json';
const ID = 'invoice-mail-vendor';

async function openRecipe(page: Page): Promise<void> {
  // The import dialog closes only once the recipe is stored, so the editor can be opened straight away.
  await page.goto(`/recipes/${ID}`);
  await expect(canvas(page).locator('.svelte-flow__node').first()).toBeVisible();
}

/** The editor's side panel (Step details / 단계 정보), where the inspector shows the selected step. */
function inspector(page: Page) {
  return page.locator('aside.side');
}

/** Test run from the trigger's sample, and wait until the job's last step has succeeded on the canvas. */
async function testRun(page: Page, label: string, run: string): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: label });
  await dialog.getByRole('button', { name: run, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(stepNode(page, 'tell')).toHaveAttribute('data-status', 'succeeded', { timeout: 20_000 });
}

test.describe('in English', () => {
  test('before any job the sample is used and said so; after a test run a read step shows its output at once; a write step asks first', async ({ page }) => {
    await openStudio(page);
    await importFile(page, FIXTURE);
    await openRecipe(page);
    const panel = inspector(page);

    // No job yet: the trigger's sample; the set step before it is evaluated, so the read step runs as it would.
    await stepNode(page, 'search').click();
    await panel.getByRole('button', { name: 'Test this step' }).click();
    await expect(panel.getByTestId('test-step-source')).toHaveText('Using the trigger’s sample.', { timeout: 15_000 });
    await expect(panel.getByTestId('test-step-result').getByRole('button', { name: 'Output', exact: true })).toBeVisible();
    await expect(panel.getByTestId('test-step-result')).toContainText('"vendors"');

    // A write step asks first, naming the app; Cancel runs nothing; confirmed, it says what it is missing.
    await stepNode(page, 'create').click();
    await panel.getByRole('button', { name: 'Test this step' }).click();
    const question = panel.getByRole('alert').filter({ hasText: 'This changes data in' });
    await expect(question).toHaveText(/This changes data in Sandbox ERP\. Test it anyway\?/);
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect(question).toBeHidden();
    await expect(panel.getByTestId('test-step-result')).toHaveCount(0);
    await panel.getByRole('button', { name: 'Test this step' }).click();
    await question.getByRole('button', { name: 'Test it anyway' }).click();
    await expect(panel.getByTestId('test-step-source')).toHaveText('Using the trigger’s sample; earlier steps have not run yet: test run the recipe first.', { timeout: 15_000 });

    // After a test run: the job's data, the read step's output (no question) and the input it used, folded.
    await testRun(page, 'Test run', 'Run');
    await stepNode(page, 'search').click();
    await panel.getByRole('button', { name: 'Test this step' }).click();
    const result = panel.getByTestId('test-step-result');
    await expect(panel.getByTestId('test-step-source')).toHaveText(/^Using data from the job at .+\.$/, { timeout: 15_000 });
    await expect(result.getByRole('button', { name: 'Output', exact: true })).toBeVisible();
    await expect(result).toContainText('"vendors"');
    await expect(result.getByRole('button', { name: 'The input it used', exact: true })).toHaveAttribute('aria-expanded', 'false');
    await expect(panel.getByRole('alert').filter({ hasText: 'This changes data in' })).toHaveCount(0);
  });
});

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' });

  test('이 단계 테스트: the job’s data, the output and the question in Korean', async ({ page }) => {
    // The import in English (the import screen is another part's), then the studio switched to Korean by the
    // person's own choice, as the nav's language switch does.
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('h1-set')) {
        localStorage.setItem('sous.locale', 'en');
        sessionStorage.setItem('h1-set', '1');
      }
    });
    await openStudio(page);
    await importFile(page, FIXTURE);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await openRecipe(page);
    const panel = inspector(page);
    // The editor around it speaks Korean too: the header's stable labels, the trigger's node, the step picker.
    for (const label of ['저장', '테스트 실행']) await expect(page.getByRole('button', { name: label, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /^버전/ })).toBeVisible();
    await expect(canvas(page).getByRole('button', { name: '트리거: 이벤트' })).toBeVisible();
    await canvas(page).getByRole('button', { name: 'company 다음에 단계 추가' }).click();
    const picker = page.getByRole('dialog', { name: '단계 추가' });
    await expect(picker.getByRole('button', { name: /^각 항목마다/ })).toBeVisible();
    await picker.getByRole('button', { name: '단계 선택 닫기' }).click();

    await testRun(page, '테스트 실행', '실행');
    await stepNode(page, 'search').click();
    await panel.getByRole('button', { name: '이 단계 테스트' }).click();
    await expect(panel.getByTestId('test-step-source')).toHaveText(/작업의 데이터를 씁니다\.$/, { timeout: 15_000 });
    await expect(panel.getByTestId('test-step-result').getByRole('button', { name: '출력', exact: true })).toBeVisible();
    await expect(panel.getByTestId('test-step-result').getByRole('button', { name: '사용한 입력', exact: true })).toBeVisible();

    await stepNode(page, 'create').click();
    await panel.getByRole('button', { name: '이 단계 테스트' }).click();
    await expect(panel.getByRole('alert').filter({ hasText: '데이터를 바꿉니다' })).toContainText('그래도 테스트할까요?');
    await expect(panel.getByRole('button', { name: '그래도 테스트' })).toBeVisible();
  });
});
