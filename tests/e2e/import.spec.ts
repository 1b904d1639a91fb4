import { expect, test } from '@playwright/test';
import { formatIssue, parseRecipeText } from '../../src/lib/recipe';
import { fixture, importFile, openStudio, recipeRow, toast } from './helpers';

test('importing a broken recipe lists each problem by its place, as the parser names it', async ({ page }) => {
  await openStudio(page);
  await page.getByLabel('Recipe file (.json)').setInputFiles('tests/fixtures/broken.recipe.json');

  const parsed = parseRecipeText(fixture('broken.recipe.json'));
  if (parsed.ok) throw new Error('the broken fixture parses; the test would prove nothing');
  const problems = page.getByRole('list', { name: 'Problems in broken.recipe.json' }).getByRole('listitem');
  await expect(problems).toHaveText(parsed.issues.map(formatIssue));
  // The places are the contract (the wording is the parser's to improve).
  // Every problem at once: the schema's and the step id used twice.
  await expect(problems).toHaveText([/^id: \S/, /^steps\[0\]\.retry\.attempts: \S/, /^steps\[1\]\.kind: \S/, /^steps\[2\]\.id: "fetch" is already/]);
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
  await expect(problems).toHaveText([/^This file is not valid JSON, so it cannot be a recipe file: .+ at line 4, column 1\.$/]);
});

test('a recipe file dropped on the import area is imported', async ({ page }) => {
  await openStudio(page);
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'approval.recipe.json', { type: 'application/json' }));
    return transfer;
  }, fixture('approval.recipe.json'));
  await page.getByRole('group', { name: 'Drop a recipe file here' }).dispatchEvent('drop', { dataTransfer });
  await page.getByRole('dialog', { name: 'Import “Approve a refund”?' }).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(toast(page)).toHaveText(/Imported “Approve a refund” \(approve-refund\) as version 1\./);
  await expect(recipeRow(page, 'Approve a refund')).toContainText('approve-refund');
  await expect(page.getByRole('button', { name: 'Run Approve a refund' })).toBeVisible();
});

const file = (name: string, recipe: Record<string, unknown>) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(recipe)) });
const base = { format: 'sous.recipe/v1', id: 'say-hi', name: 'Say hi', trigger: { kind: 'manual' } };
const post = (channel: unknown) => ({ id: 'post', kind: 'action', connector: 'chat', action: 'post', input: { channel, text: 'hi' } });

test('a recipe with lint problems is imported, and every problem is said (it can be saved, not run)', async ({ page }) => {
  await openStudio(page);
  const steps = [post(5), { id: 'beam', kind: 'action', connector: 'http', action: 'teleport', input: {} }];
  await page.getByLabel('Recipe file (.json)').setInputFiles(file('say-hi.recipe.json', { ...base, steps }));
  const preview = page.getByRole('dialog', { name: 'Import “Say hi”?' });
  const problems = preview.getByRole('list', { name: 'Problems in say-hi.recipe.json' }).getByRole('listitem');
  await expect(problems).toHaveText([
    'steps[0].input.channel: the input "channel" must be text, not the number 5',
    'steps[1].action: the connector "http" has no action "teleport"'
  ]);
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(toast(page)).toHaveText(/Imported “Say hi” \(say-hi\) as version 1\. It has 2 problems to fix before it can run\./);
  await expect(recipeRow(page, 'Say hi')).toContainText('say-hi');
});

test('an id that exists asks: replace (new version), keep both, or cancel, by keyboard too', async ({ page }) => {
  await openStudio(page);
  const input = page.getByLabel('Recipe file (.json)');
  await importFile(page, file('say-hi.recipe.json', { ...base, steps: [post('general')] }));
  await expect(toast(page)).toHaveText(/as version 1\./);

  // Cancel (Escape): nothing changes.
  await input.setInputFiles(file('say-hi.recipe.json', { ...base, name: 'Say hello', steps: [post('general')] }));
  const dialog = page.getByRole('dialog', { name: 'A recipe with this id exists' });
  await expect(dialog).toContainText('“Say hello” has the id say-hi, which “Say hi” already uses.');
  await expect(dialog.getByRole('button', { name: 'Replace', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(recipeRow(page, 'Say hello')).toHaveCount(0);

  // Keep both: a new id, chosen with Tab (Shift+Tab from the focused Replace) and Enter.
  await input.setInputFiles(file('say-hi.recipe.json', { ...base, name: 'Say hello', steps: [post('general')] }));
  await expect(dialog).toContainText('Imports the file as a new recipe with the id say-hi-2.');
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Keep both' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toast(page)).toHaveText(/Imported “Say hello” \(say-hi-2\) as version 1\./);
  await expect(recipeRow(page, 'Say hello')).toContainText('say-hi-2');

  // Replace: the next version of the recipe that is there.
  await input.setInputFiles(file('say-hi.recipe.json', { ...base, name: 'Say hi again', steps: [post('general')] }));
  await dialog.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(toast(page)).toHaveText(/Imported “Say hi again” \(say-hi\) as version 2\./);
  await expect(recipeRow(page, 'Say hi again')).toContainText('say-hi');
});
