import { expect, test } from '@playwright/test';
import { importFile, jobStatus, nav, openStep, openStudio } from './helpers';

test('the run dialog generates a form from the trigger fields, and re-uses an earlier job input', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/fixtures/trigger-form.recipe.json');
  await page.getByRole('button', { name: 'Run Announce a deadline' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run “Announce a deadline”' });
  const title = dialog.getByRole('textbox', { name: 'title', exact: true });
  const tags = dialog.getByRole('textbox', { name: 'tags', exact: true });
  await expect(dialog.getByRole('spinbutton', { name: 'count', exact: true })).toHaveValue('2'); // the default
  await expect(dialog.getByText('What is due')).toBeVisible();

  // A required field left empty is named, next to the field.
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(dialog.getByText('title is required.', { exact: true })).toBeVisible();

  // Fill the fields by keyboard: type, Tab to the next one.
  await title.focus();
  await page.keyboard.type('Quarter close');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(dialog.getByRole('checkbox', { name: 'urgent', exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('due', { exact: true })).toBeFocused();
  await dialog.getByLabel('due', { exact: true }).fill('2027-03-15');
  await tags.focus(); // Tab inside a date input walks its month, day and year first
  await page.keyboard.type('["close", ');
  // A list that is not valid JSON is named next to its field; the run does not start.
  await dialog.getByRole('button', { name: 'Run', exact: true }).press('Enter');
  await expect(dialog.getByText(/^tags is not valid JSON/)).toBeVisible();
  await tags.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('["close", "q1"]');
  await expect(dialog.getByText(/^tags is not valid JSON/)).toBeHidden();

  // The JSON view shows the same input, and back.
  const json = dialog.getByRole('button', { name: 'JSON', exact: true });
  await json.click();
  await expect(json).toHaveAttribute('aria-pressed', 'true');
  await expect(dialog.getByLabel('Trigger input (JSON)')).toHaveValue(/"title": "Quarter close"/);
  await json.click();
  await expect(title).toHaveValue('Quarter close');

  await dialog.getByRole('button', { name: 'Run', exact: true }).press('Enter');
  await expect(page).toHaveURL(/\/jobs\/[\w-]+$/);
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  const report = await openStep(page, 'report');
  await expect(report.getByLabel('Output', { exact: true })).toContainText('Quarter close x3 urgent=true due 2027-03-15 tags 2');

  // Run again with the first job's input.
  await nav(page, 'Recipes');
  await page.getByRole('button', { name: 'Run Announce a deadline' }).click();
  await expect(title).toHaveValue('');
  const earlier = dialog.getByRole('combobox', { name: 'Use input from an earlier job' });
  await expect(earlier.getByRole('option')).toHaveCount(2);
  await expect(earlier.getByRole('option').nth(1)).toHaveText(/· succeeded$/);
  await earlier.selectOption({ index: 1 });
  await expect(title).toHaveValue('Quarter close');
  await expect(dialog.getByRole('checkbox', { name: 'urgent', exact: true })).toBeChecked();
  await expect(tags).toHaveValue(/"q1"/);
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  await nav(page, 'Jobs');
  await expect(page.getByRole('table', { name: 'Jobs' }).getByRole('row')).toHaveCount(3);
});
