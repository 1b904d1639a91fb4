import { expect, test } from '@playwright/test';
import { formatIssue, parseRecipeText } from '../../src/lib/recipe';
import { fixture, importFile, openStudio, recipeRow, toast } from './helpers';

test('importing a broken recipe lists each problem by its place, as the parser names it', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/fixtures/broken.recipe.json');

  const parsed = parseRecipeText(fixture('broken.recipe.json'));
  if (parsed.ok) throw new Error('the broken fixture parses; the test would prove nothing');
  const problems = page.getByRole('list', { name: 'Problems in broken.recipe.json' }).getByRole('listitem');
  await expect(problems).toHaveText(parsed.issues.map(formatIssue));
  // The places are the contract (the wording is the parser's to improve).
  await expect(problems).toHaveText([/^id: \S/, /^steps\[0\]\.retry\.attempts: \S/, /^steps\[1\]\.kind: \S/]);
  await expect(page.getByText('No recipes yet')).toBeVisible();
});

test('a file that is not JSON says where it breaks', async ({ page }) => {
  await openStudio(page);
  await page.getByLabel('Recipe file (.json)').setInputFiles({
    name: 'half.recipe.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "format": "sous.recipe/v1",\n  "id": "x",\n}')
  });
  const problems = page.getByRole('list', { name: 'Problems in half.recipe.json' }).getByRole('listitem');
  await expect(problems).toHaveText([/^not valid JSON: .+ at line 4, column 1$/]);
});

test('a recipe file dropped on the import area is imported', async ({ page }) => {
  await openStudio(page);
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'approval.recipe.json', { type: 'application/json' }));
    return transfer;
  }, fixture('approval.recipe.json'));
  await page.getByRole('group', { name: 'Drop a recipe file here' }).dispatchEvent('drop', { dataTransfer });
  await expect(toast(page)).toHaveText(/Imported “Approve a refund” \(approve-refund\) as version 1\./);
  await expect(recipeRow(page, 'Approve a refund')).toContainText('approve-refund');
  await expect(page.getByRole('button', { name: 'Run Approve a refund' })).toBeVisible();
});
