import { expect, test, type Page } from '@playwright/test';
import { canvas, openEditor, stepNode, stepOrder } from './editor-helpers';
import { triggerJson } from './helpers';

const saveState = (page: Page) => page.getByTestId('save-state');

test('add steps with the + picker by pointer and by keyboard, move one with the keyboard, undo and redo', async ({ page }) => {
  await openEditor(page, 'editor-demo.recipe.json', 'invoice-review');

  // Pointer: the + after "start" opens the picker; choosing an action adds it there, selected, its id made
  // from its name with "_" (no backticks in expressions).
  await canvas(page).getByRole('button', { name: 'Add a step after start' }).click();
  const picker = page.getByRole('dialog', { name: 'Add a step' });
  await expect(picker).toContainText('after start');
  await picker.getByRole('button', { name: /Send an HTTP request/ }).click();
  await expect(picker).toBeHidden();
  await expect(stepNode(page, 'send_http_request')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => stepOrder(page, ['start', 'send_http_request', 'each', 'report'])).toEqual(['start', 'send_http_request', 'each', 'report']);
  await expect(saveState(page)).toHaveText('Unsaved changes');

  // Keyboard: focus the + at the end, Enter opens the picker, type to search, Enter adds the first match.
  await canvas(page).getByRole('button', { name: 'Add a step after report' }).focus();
  await page.keyboard.press('Enter');
  await expect(picker.getByRole('searchbox', { name: 'Search steps' })).toBeFocused();
  await page.keyboard.type('stop');
  await page.keyboard.press('Enter');
  await expect(stepNode(page, 'stop')).toBeVisible();

  // A new if has two empty branches, each with its own button to add the first step.
  await page.getByRole('button', { name: /fit view/i }).click();
  await canvas(page).getByRole('button', { name: 'Add a step after send_http_request' }).click();
  await picker.getByRole('button', { name: /If \/ else/ }).click();
  await canvas(page).getByRole('button', { name: 'Add a step at the start of else in if_else' }).click();
  await picker.getByRole('button', { name: /Set variables/ }).click();
  await expect(stepNode(page, 'set_variables')).toBeVisible();
  await expect(canvas(page).getByRole('button', { name: 'Add a step at the start of then in if_else' })).toBeVisible();

  // Alt+↑ moves the selected step up within its list; ↑/↓ select by keyboard.
  await stepNode(page, 'stop').focus();
  await expect(stepNode(page, 'stop')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => stepOrder(page, ['report', 'stop'])).toEqual(['stop', 'report']);
  await expect(stepNode(page, 'stop')).toBeFocused();

  await page.keyboard.press('Control+z');
  await expect.poll(() => stepOrder(page, ['report', 'stop'])).toEqual(['report', 'stop']);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => stepOrder(page, ['report', 'stop'])).toEqual(['stop', 'report']);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await expect.poll(() => stepOrder(page, ['report', 'stop'])).toEqual(['stop', 'report']);

  // Delete removes the selected step; undo brings it back.
  await stepNode(page, 'send_http_request').focus();
  await expect(stepNode(page, 'send_http_request')).toBeInViewport();
  await page.keyboard.press('Delete');
  await expect(stepNode(page, 'send_http_request')).toHaveCount(0);
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(stepNode(page, 'send_http_request')).toBeVisible();
});

test('saving makes a new version; restoring an earlier one saves it again as the newest', async ({ page }) => {
  await openEditor(page, 'editor-demo.recipe.json', 'invoice-review');
  await expect(saveState(page)).toHaveText('Saved · version 1');

  await page.getByRole('button', { name: /fit view/i }).click();
  await stepNode(page, 'report').click();
  await expect(stepNode(page, 'report')).toHaveAttribute('aria-pressed', 'true');
  // Selecting a step near the edge brings it into view first.
  await expect(page.getByRole('button', { name: 'Duplicate Tell finance' })).toBeInViewport({ ratio: 1 });
  // Under load the pan to the selected step can still be moving: click once the canvas has settled.
  await expect(canvas(page)).toHaveAttribute('data-settled', 'true');
  await page.getByRole('button', { name: 'Duplicate Tell finance' }).click();
  await expect(saveState(page)).toHaveText('Unsaved changes');
  // The copy is laid out by ELK in a worker; only then does its node exist (off-screen nodes are not drawn).
  await expect(canvas(page)).toHaveAttribute('data-settled', 'true');
  await expect(stepNode(page, 'report-2')).toHaveAttribute('aria-pressed', 'true', { timeout: 15_000 });
  await page.keyboard.press('Control+s');
  await expect(saveState(page)).toHaveText('Saved · version 2');

  await page.getByRole('button', { name: /^Versions/ }).click();
  const versions = page.getByRole('region', { name: 'Saved versions' });
  await expect(versions.getByRole('listitem')).toHaveCount(2);
  await versions.getByRole('button', { name: 'Restore version 1' }).click();
  await expect(saveState(page)).toHaveText('Saved · version 3');
  await expect(stepNode(page, 'report-2')).toHaveCount(0);

  // Nothing was overwritten: version 2 is still there, with the copy.
  await page.getByRole('button', { name: /^Versions/ }).click();
  await expect(versions.getByRole('listitem')).toHaveCount(3);
  await page.reload();
  await expect(saveState(page)).toHaveText('Saved · version 3');
});

test('a test run saves, runs, and turns the nodes succeeded; a step shows its data in that job', async ({ page }) => {
  await openEditor(page, 'editor-demo.recipe.json', 'invoice-review');
  await stepNode(page, 'start').click();
  await page.getByRole('button', { name: 'Disable Start the list' }).click();
  await page.getByRole('button', { name: 'Enable Start the list' }).click();
  await page.getByRole('button', { name: 'Test run' }).click();
  const dialog = page.getByRole('dialog', { name: 'Test run' });
  await expect(dialog.getByRole('textbox', { name: 'invoices', exact: true })).toHaveValue(/"A-1"/);
  await expect(await triggerJson(dialog, 'Trigger data (JSON)')).toHaveValue(/"A-1"/);
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(dialog).toBeHidden();
  for (const id of ['start', 'each', 'check', 'flag', 'note', 'report']) {
    await expect(stepNode(page, id)).toHaveAttribute('data-status', 'succeeded');
  }
  await page.getByRole('button', { name: /fit view/i }).click();
  await stepNode(page, 'report').click();
  const records = page.getByRole('region', { name: 'In the latest test job' });
  await expect(records).toContainText('Big invoices: A-1');
  await page.screenshot({ path: 'tests/screenshots/editor-test-run.png' });
});

test('a step with a problem shows a badge; the recipe can be saved but not run', async ({ page }) => {
  await openEditor(page, 'editor-demo.recipe.json', 'invoice-review');
  await canvas(page).getByRole('button', { name: 'Add a step after start' }).click();
  await page.getByRole('dialog', { name: 'Add a step' }).getByRole('button', { name: /Call a recipe/ }).click();
  await expect(stepNode(page, 'call_recipe').getByTestId('problem-badge')).toBeVisible();
  await expect(stepNode(page, 'call_recipe')).toHaveAttribute('aria-label', /problem/);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(saveState(page)).toHaveText('Saved · version 2');
  await page.getByRole('button', { name: 'Test run' }).click();
  const dialog = page.getByRole('dialog', { name: 'Test run' });
  await expect(dialog.getByRole('alert')).toContainText(/problem/);
  await expect(dialog.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
});
