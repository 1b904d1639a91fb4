/**
 * The Run form on the recipe list starts a schedule, event, webhook or document recipe from its trigger's
 * sample (a tick for now, the sandbox app's latest record, a made-up request), says where it came from, and
 * the run succeeds with no typing; a Korean browser says it in Korean. Run with E2E_PORT=4431.
 */
import { expect, test, type Page } from '@playwright/test';
import { jobStatus } from './helpers';

const CASES = [
  { title: 'Daily open-invoices digest', source: 'Sample input: a tick for now.' },
  { title: 'Welcome new vendors', source: 'Sample input: the latest vendor in the sandbox ERP.' },
  { title: 'Webhook → table', source: 'Sample input: a made-up request (POST with a JSON body).' }
];

/** Use a template from the gallery, then come back to the recipe list (the editor opened on it). */
async function addTemplate(page: Page, title: string, use: string, recipes: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('article', { name: title, exact: true }).getByRole('button', { name: use }).click();
  await expect(page).toHaveURL(/\/recipes\/[\w-]+$/);
  await page.getByRole('navigation').getByRole('link', { name: new RegExp(`^${recipes}`) }).click();
}

for (const { title, source } of CASES) {
  test(`${title}: the Run form starts from the trigger's sample and the job succeeds`, async ({ page }) => {
    await addTemplate(page, title, 'Use template', 'Recipes');
    await page.getByRole('button', { name: `Run ${title}` }).click();
    const dialog = page.getByRole('dialog', { name: `Run “${title}”` });
    await expect(dialog.getByTestId('sample-source')).toHaveText(source);
    await expect(dialog.getByRole('textbox', { name: 'Trigger input (JSON)' })).not.toHaveValue('{}');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page).toHaveURL(/\/jobs\/[\w-]+$/);
    await expect(jobStatus(page)).toHaveText('Status: succeeded');
  });
}

test.describe('in a Korean browser', () => {
  test.use({ locale: 'ko-KR' });
  test('a schedule recipe starts from a tick, said in Korean, and runs to 성공', async ({ page }) => {
    const title = 'Daily open-invoices digest';
    await addTemplate(page, '미결 송장 일일 요약', '템플릿 사용', '레시피');
    await page.getByRole('button', { name: `${title} 실행` }).click();
    const dialog = page.getByRole('dialog', { name: `“${title}” 실행` });
    await expect(dialog.getByTestId('sample-source')).toHaveText('샘플 입력: 지금 시각의 실행 신호.');
    await dialog.getByRole('button', { name: '실행', exact: true }).click();
    await expect(jobStatus(page)).toHaveText('상태: 성공 succeeded');
  });
});
