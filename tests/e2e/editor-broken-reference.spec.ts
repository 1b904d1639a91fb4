import { expect, test } from '@playwright/test';
import { canvas, openEditor, stepNode } from './editor-helpers';

test('breaking a reference shows the problem on its node and in the problems list; mending it clears both', async ({ page }) => {
  await openEditor(page, 'editor-demo.recipe.json', 'invoice-review');
  await canvas(page).getByRole('button', { name: 'Fit view' }).click();
  await stepNode(page, 'report').focus();
  const text = page.getByRole('textbox', { name: /^Text/ });
  await expect(text).toBeVisible();
  const before = await text.inputValue();

  await text.fill('Total: {{ steps.nope.total }}');
  await expect(stepNode(page, 'report').getByTestId('problem-badge')).toBeVisible();
  const problems = page.getByRole('button', { name: /^Problems/ }).or(page.getByText(/^Problems/).first());
  await expect(problems.first()).toContainText('1');
  await page.getByText(/^Problems/).first().click();
  await expect(page.getByText(/nope/).first()).toBeVisible();

  await text.fill(before);
  await expect(stepNode(page, 'report').getByTestId('problem-badge')).toHaveCount(0);
});
