/**
 * The inspector, driven through the recipe editor as a person would: select a step on the canvas, insert
 * data from the last job with the pill picker (keyboard only), preview a formula, and see a broken
 * reference reported.
 */
import { expect, test } from '@playwright/test';
import { importFile, jobStatus, openStudio, recipeRow, runRecipe } from './helpers';

test('the inspector edits a step with data pills and a formula preview', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/fixtures/inspector.recipe.json');
  await runRecipe(page, 'Invoice report');
  await expect(jobStatus(page)).toContainText('succeeded');

  await page.goto('/recipes/invoice-report');
  await page.getByRole('button', { name: /^Step report/ }).click();
  // Until the editor's side panel mounts the Inspector it shows the step as JSON ("Selected step").
  test.skip(await page.getByRole('region', { name: 'Selected step' }).isVisible(), 'the editor does not mount the Inspector yet');
  const inspector = page.getByRole('region', { name: 'report' });
  await expect(inspector.getByRole('textbox', { name: 'Channel', exact: true })).toHaveValue('finance');

  // The pill picker lists the trigger and earlier steps, with the last job's values.
  await inspector.getByRole('button', { name: 'Insert data into Text' }).click();
  const picker = page.getByRole('dialog', { name: 'Data for Text' });
  await expect(picker.getByRole('option', { name: /^who "Ada"/ })).toBeVisible();
  await expect(picker.getByRole('option', { name: /^index/ })).toHaveCount(0);
  await page.screenshot({ path: 'tests/screenshots/inspector-pills.png' });

  await page.keyboard.type('who');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  const text = inspector.getByRole('textbox', { name: 'Text', exact: true });
  await expect(text).toHaveValue(/\{\{ trigger\.who \}\}$/);
  await expect(inspector.getByRole('list', { name: 'Data this value uses' })).toContainText('trigger › who');

  // Formula mode: the expression's value in the last job, and errors inline.
  await inspector.getByRole('button', { name: 'Formula mode for Text' }).click();
  const formula = inspector.getByLabel('Text formula');
  await formula.fill('$count(trigger.invoices) * 10');
  await expect(inspector.getByRole('status').filter({ hasText: '=' })).toContainText('20');
  await formula.fill('steps.nope.id');
  await expect(inspector.getByRole('list', { name: 'Problems with this step' })).toContainText('there is no step "nope"');
  await formula.fill('1 +');
  await expect(inspector.getByText(/is not valid/).first()).toBeVisible();

  // Inside the loop, the condition sees the loop's element as the first iteration saw it.
  await page.getByRole('button', { name: /^Step check/ }).click();
  const check = page.getByRole('region', { name: 'check' });
  await check.getByRole('button', { name: 'Formula mode for Condition' }).click();
  await expect(check.getByLabel('Condition formula')).toHaveValue('inv.amount > 500');
  await expect(check.getByRole('status').filter({ hasText: '=' })).toContainText('true');
});

test('forms are generated from schemas: an HTTP request, an approval and the trigger', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/fixtures/inspector-forms.recipe.json');
  await expect(recipeRow(page, 'Order sync')).toBeVisible();
  await page.goto('/recipes/order-sync');
  await page.getByRole('button', { name: /^Step fetch/ }).click();
  test.skip(await page.getByRole('region', { name: 'Selected step' }).isVisible(), 'the editor does not mount the Inspector yet');
  const inspector = page.getByRole('region', { name: 'fetch' });

  // An enum with a default, a map of headers, a number, and retry settings, none written for HTTP.
  await expect(inspector.getByRole('combobox', { name: 'Method' })).toHaveValue('');
  await inspector.getByRole('combobox', { name: 'Method' }).selectOption('POST');
  await inspector.getByRole('button', { name: '+ Add headers' }).click();
  await inspector.getByRole('textbox', { name: 'Headers name 1' }).fill('x-token');
  await inspector.getByRole('textbox', { name: 'Headers name 1' }).press('Tab');
  await expect(inspector.getByRole('textbox', { name: 'x-token value', exact: true })).toBeVisible();
  await inspector.getByRole('textbox', { name: 'Timeout ms' }).fill('5000');
  await inspector.getByRole('checkbox', { name: /Try again when it fails/ }).check();
  await expect(inspector.getByRole('textbox', { name: 'Attempts' })).toHaveValue('3');
  await expect(page.getByRole('button', { name: /^Step fetch/ })).toContainText('POST');

  // A required input left empty is a problem on the step.
  await inspector.getByRole('textbox', { name: 'Url', exact: true }).fill('');
  await expect(inspector.getByRole('list', { name: 'Problems with this step' })).toContainText('the input "url" is required');

  // The approval's choices are a list: add one, remove it.
  await page.getByRole('button', { name: /^Step ok/ }).click();
  const approval = page.getByRole('region', { name: 'ok' });
  await approval.getByRole('button', { name: '+ Add choices' }).click();
  await approval.getByRole('textbox', { name: 'Choices 1' }).fill('later');
  await approval.getByRole('button', { name: 'Remove Choices 1' }).click();
  await expect(approval.getByRole('textbox', { name: 'Choices 1' })).toHaveCount(0);

  // The trigger: its input fields are a list of name, type, required, description.
  await page.getByRole('button', { name: 'Trigger: manual' }).click();
  const trigger = page.getByRole('region', { name: 'Trigger' });
  await trigger.getByRole('button', { name: '+ Add input' }).click();
  await trigger.getByRole('textbox', { name: 'Name' }).nth(1).fill('note');
  await trigger.getByRole('combobox', { name: 'Type' }).nth(1).selectOption('text');
  await expect(page.getByRole('button', { name: 'Trigger: manual' })).toContainText('note');
});
