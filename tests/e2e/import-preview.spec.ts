/**
 * Every import shows a preview first (name, when it runs, steps, what it does, its problems, the connections
 * it needs) and stores nothing before Import; an id that exists offers Replace / Keep both instead; a refused
 * file lists every problem at once in an alert, in plain words. In English and in a Korean browser.
 */
import { expect, test, type Page } from '@playwright/test';
import { fixture, openStudio, recipeRow, toast } from './helpers';

const json = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });
const choose = (page: Page, label: string, file: Parameters<Page['setInputFiles']>[1]) => page.getByLabel(label).setInputFiles(file);
const PDF = { name: 'invoice-0042.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n') };
const VENDOR = {
  format: 'sous.recipe/v1',
  id: 'new-vendor-hello',
  name: 'Say hello to new vendors',
  trigger: { kind: 'event', connector: 'sandbox.mail', event: 'mail.received' },
  connections: { erp: { connector: 'sandbox.erp', label: 'Company ERP' } },
  steps: [{ id: 'hello', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'vendors', text: 'Hello {{ trigger.from_name }}' } }]
};

test.describe('en-US', () => {
  test('a recipe file shows what it does before anything is stored; Import stores it', async ({ page }) => {
    await openStudio(page);
    await choose(page, 'Recipe file (.json)', 'tests/fixtures/approval.recipe.json');
    const preview = page.getByRole('dialog', { name: 'Import “Approve a refund”?' });
    await expect(preview.getByTestId('preview-trigger')).toHaveText('When you press Run');
    await expect(preview.getByTestId('preview-steps')).toHaveText('2 steps');
    await expect(preview.getByTestId('preview-effect')).toContainText('Changes data');
    await expect(preview.getByTestId('preview-connections')).toContainText('None');
    await expect(preview.getByRole('button', { name: 'Import', exact: true })).toBeFocused();

    // Cancel: nothing was stored.
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await expect(preview).toBeHidden();
    await expect(page.getByText('No recipes yet')).toBeVisible();

    // Again, and Import.
    await choose(page, 'Recipe file (.json)', 'tests/fixtures/approval.recipe.json');
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(toast(page)).toHaveText(/Imported “Approve a refund” \(approve-refund\) as version 1\./);
    await expect(recipeRow(page, 'Approve a refund')).toBeVisible();
  });

  test('the trigger in words and the connections it needs', async ({ page }) => {
    await openStudio(page);
    await choose(page, 'Recipe file (.json)', json('hello.recipe.json', VENDOR));
    const preview = page.getByRole('dialog', { name: 'Import “Say hello to new vendors”?' });
    await expect(preview.getByTestId('preview-trigger')).toHaveText('When Sandbox mailbox: A mail arrived');
    await expect(preview.getByTestId('preview-steps')).toHaveText('1 step');
    await expect(preview.getByTestId('preview-connections')).toContainText('Company ERP (sandbox.erp)');
    await expect(preview.getByRole('list', { name: 'Problems in hello.recipe.json' })).toHaveCount(0);
  });

  test('an id that exists: Replace or Keep both instead of Import', async ({ page }) => {
    await openStudio(page);
    await choose(page, 'Recipe file (.json)', 'tests/fixtures/approval.recipe.json');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(recipeRow(page, 'Approve a refund')).toBeVisible();
    await choose(page, 'Recipe file (.json)', 'tests/fixtures/approval.recipe.json');
    const dialog = page.getByRole('dialog', { name: 'A recipe with this id exists' });
    await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'Replace', exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Keep both' }).click();
    await expect(toast(page)).toHaveText(/\(approve-refund-2\) as version 1\./);
  });

  test('a dropped PDF is named for what it is, in an alert, and nothing is imported', async ({ page }) => {
    await openStudio(page);
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'], 'invoice-0042.pdf', { type: 'application/pdf' }));
      return transfer;
    });
    await page.getByRole('group', { name: 'Drop a recipe file here' }).dispatchEvent('drop', { dataTransfer });
    const alert = page.getByRole('alert').filter({ hasText: 'invoice-0042.pdf' });
    await expect(alert).toContainText('This is a PDF, not a recipe file: to read an invoice or another document, open Extract.');
    await expect(alert).not.toContainText('unexpected');
    await expect(alert.getByRole('link', { name: 'Open Extract' })).toHaveAttribute('href', '/extract');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByText('No recipes yet')).toBeVisible();
  });

  test('a file with three mistakes lists all three at once', async ({ page }) => {
    await openStudio(page);
    const broken = JSON.parse(fixture('approval.recipe.json'));
    broken.id = 'Not An Id!';
    broken.trigger = { kind: 'sometimes' };
    broken.steps[0].kind = 'wish';
    await choose(page, 'Recipe file (.json)', json('three.recipe.json', broken));
    const alert = page.getByRole('alert').filter({ hasText: 'three.recipe.json' });
    await expect(alert.getByRole('listitem')).toHaveText([/^id: /, /^trigger/, /^steps\[0\]/]);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});

test.describe('ko-KR', () => {
  test.use({ locale: 'ko-KR' });

  test('the preview speaks Korean: 가져오기, then 바꾸기 / 둘 다 유지 for an id that exists', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('group', { name: '레시피 파일을 여기에 놓기' })).toContainText('파일 선택');
    await choose(page, '레시피 파일 (.json)', 'tests/fixtures/approval.recipe.json');
    const preview = page.getByRole('dialog', { name: '“Approve a refund”을(를) 가져올까요?' });
    await expect(preview.getByTestId('preview-trigger')).toHaveText('실행을 누를 때');
    await expect(preview.getByTestId('preview-steps')).toHaveText('2단계');
    await preview.getByRole('button', { name: '가져오기', exact: true }).click();
    await expect(preview).toBeHidden();
    // Saved (the list shows it) before the same file is picked again, so the id exists by then.
    await expect(page.getByRole('row').filter({ hasText: 'Approve a refund' })).toHaveCount(1);

    await choose(page, '레시피 파일 (.json)', 'tests/fixtures/approval.recipe.json');
    const exists = page.getByRole('dialog', { name: '같은 ID의 레시피가 있습니다' });
    await expect(exists.getByRole('button', { name: '둘 다 유지' })).toBeVisible();
    await exists.getByRole('button', { name: '바꾸기', exact: true }).click();
    await expect(exists).toBeHidden();
  });

  test('a PDF is refused in Korean', async ({ page }) => {
    await page.goto('/');
    await choose(page, '레시피 파일 (.json)', PDF);
    await expect(page.getByRole('alert').filter({ hasText: 'invoice-0042.pdf' })).toContainText('레시피 파일이 아니라 PDF입니다. 청구서 같은 문서를 읽으려면 추출을 여세요.');
  });
});
