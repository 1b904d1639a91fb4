/**
 * Versions side by side: two saves (one with a note), Compare from the Versions menu shows the changed
 * input before → after with the words that changed, the pickers choose any two versions, and Restore
 * from the comparison saves the old version again as the newest. Once more in Korean. The pack preview's
 * Compare opens the same view for a recipe the pack would replace.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { canvas, openEditor, stepNode } from './editor-helpers';
import { addAnaAndLee, openStudio } from './helpers';

const saveState = (page: Page) => page.getByTestId('save-state');

/** Select the report step and set its Text input. */
async function setReportText(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: /fit view/i }).click();
  await expect(canvas(page)).toHaveAttribute('data-settled', 'true');
  await stepNode(page, 'report').click();
  const inspector = page.getByRole('region', { name: 'Tell finance', exact: true });
  await inspector.getByRole('textbox', { name: 'Text', exact: true }).fill(text);
}

test('save twice (once with a note), compare side by side, restore from the comparison', async ({ page }) => {
  await openEditor(page, 'editor-demo.recipe.json', 'invoice-review');
  await expect(saveState(page)).toHaveText('Saved · version 1');

  await setReportText(page, 'Large invoices: {{ $join(vars.flagged, \', \') }}');
  await expect(saveState(page)).toHaveText('Unsaved changes');
  await page.keyboard.press('Control+s');
  await expect(saveState(page)).toHaveText('Saved · version 2');

  // The second save with a note: the note dialog's Save (Ctrl+S there saves with the note too).
  await setReportText(page, 'Large invoices today: {{ $join(vars.flagged, \', \') }}');
  await page.getByRole('button', { name: 'Save with a note…' }).click();
  const noteDialog = page.getByRole('dialog', { name: 'Save with a note' });
  await noteDialog.getByRole('textbox', { name: 'Note (optional)' }).fill('Say “today” in the report');
  await page.keyboard.press('Control+s');
  await expect(noteDialog).toBeHidden();
  await expect(saveState(page)).toHaveText('Saved · version 3');

  // The note shows in the Versions list; Compare version 1 with the current one.
  await page.getByRole('button', { name: /^Versions/ }).click();
  const versions = page.getByRole('region', { name: 'Saved versions' });
  await expect(versions.getByRole('listitem')).toHaveCount(3);
  await expect(versions.getByRole('listitem').first()).toContainText('Say “today” in the report');
  await versions.getByRole('button', { name: 'Compare version 1 with the current one' }).click();

  const compare = page.getByRole('dialog', { name: 'Compare versions of “Review big invoices”' });
  await expect(compare).toBeVisible();
  await expect(compare.getByRole('combobox', { name: 'Before' })).toHaveValue('1');
  await expect(compare.getByRole('combobox', { name: 'After' })).toHaveValue('3');
  await expect(compare.getByRole('status')).toHaveText('Changed: 1 · Added: 0 · Removed: 0 · Moved: 0');
  const table = compare.getByRole('region', { name: 'Steps of Version 1 and Version 3 (current), side by side' });
  await expect(table.getByRole('columnheader', { name: /Version 3 \(current\)/ })).toContainText('Note: Say “today” in the report');
  const report = table.locator('tr[data-step="report"]');
  await expect(report).toHaveAttribute('data-kind', 'changed');
  await expect(report.getByRole('rowheader')).toHaveText('Changed');
  await expect(table.locator('tr[data-step="start"]').getByRole('rowheader')).toHaveText('Unchanged');
  // The changed input, before → after, with the words that went and came marked (and said).
  const field = compare.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'input.text' }) });
  const [before, after] = [field.getByRole('cell').nth(0), field.getByRole('cell').nth(1)];
  await expect(before).toHaveText("removed: Big end of change invoices: {{ $join(vars.flagged, ', ') }}");
  await expect(before.locator('del')).toContainText('Big');
  await expect(after.locator('ins')).toHaveText(['added: Large end of change', 'added: today end of change']);
  await page.screenshot({ path: 'test-results/versions/compare.png' });

  // Any two: version 2 against version 3 shows only the added word.
  await compare.getByRole('combobox', { name: 'Before' }).selectOption('2');
  await expect(compare.getByRole('region', { name: 'Steps of Version 2 and Version 3 (current), side by side' })).toBeVisible();
  await expect(field.getByRole('cell').nth(1).locator('ins')).toHaveText(['added: today end of change']);
  // Hiding the unchanged steps leaves the changed one.
  await compare.getByRole('checkbox', { name: 'Show unchanged steps' }).uncheck();
  await expect(compare.locator('tr.step-row')).toHaveCount(1);

  // Restore from the comparison: version 2 saved again as version 4; nothing overwritten.
  await compare.getByRole('button', { name: 'Restore version 2' }).click();
  await expect(compare).toBeHidden();
  await expect(saveState(page)).toHaveText('Saved · version 4');
  await expect(page.getByRole('status').filter({ hasText: 'Version 2 restored as version 4.' })).toBeVisible();
  await page.getByRole('button', { name: /^Versions/ }).click();
  await expect(versions.getByRole('listitem')).toHaveCount(4);
  // The current one compares with the one before it: the restore undid the note's change.
  await versions.getByRole('button', { name: 'Compare version 4 with the one before' }).click();
  await expect(compare.getByRole('status')).toHaveText('Changed: 1 · Added: 0 · Removed: 0 · Moved: 0');
  // Version 4 holds what version 2 held.
  await compare.getByRole('combobox', { name: 'Before' }).selectOption('2');
  await expect(compare.getByRole('status')).toHaveText('No differences.');
  await compare.getByRole('button', { name: 'Close' }).click();
  await expect(compare).toBeHidden();
});

test('in Korean: save, compare and restore', async ({ page }) => {
  await openEditor(page, 'editor-demo.recipe.json', 'invoice-review');
  await setReportText(page, 'Large invoices: {{ $join(vars.flagged, \', \') }}');
  // The language switch at the nav's foot: the editor speaks Korean at once, the edit kept.
  await page.getByRole('navigation', { name: 'Studio' }).getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(saveState(page)).toHaveText('저장하지 않은 변경 사항');
  await page.getByRole('button', { name: '메모와 함께 저장…' }).click();
  const noteDialog = page.getByRole('dialog', { name: '메모와 함께 저장' });
  await noteDialog.getByRole('textbox', { name: '메모 (선택)' }).fill('보고 문구 변경');
  await noteDialog.getByRole('button', { name: '저장', exact: true }).click();
  await expect(saveState(page)).toHaveText('저장됨 · 버전 2');

  await page.getByRole('button', { name: /^버전/ }).click();
  const versions = page.getByRole('region', { name: '저장된 버전' });
  await expect(versions.getByRole('listitem').first()).toContainText('보고 문구 변경');
  await versions.getByRole('button', { name: '버전 1을(를) 현재 버전과 비교' }).click();
  const compare = page.getByRole('dialog', { name: '“Review big invoices” 버전 비교' });
  await expect(compare.getByRole('status')).toHaveText('변경: 1 · 추가: 0 · 삭제: 0 · 이동: 0');
  await expect(compare.locator('tr[data-step="report"]').getByRole('rowheader')).toHaveText('변경됨');
  await expect(compare.getByRole('columnheader', { name: /버전 2 \(현재\)/ })).toContainText('메모: 보고 문구 변경');
  await compare.getByRole('button', { name: '버전 1 복원' }).click();
  await expect(compare).toBeHidden();
  await expect(saveState(page)).toHaveText('저장됨 · 버전 3');
});

test("the pack preview's Compare: the recipe here beside the pack's, side by side", async ({ page }) => {
  const pack = readFileSync('tests/fixtures/packs/finance-workshop.sous-pack.json', 'utf8');
  const toPacks = () => page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: 'Packs' }).click();
  await openStudio(page);
  await toPacks();
  await page.getByLabel('Pack file (.sous-pack.json)').setInputFiles('tests/fixtures/packs/finance-workshop.sous-pack.json');
  const preview = page.getByRole('region', { name: 'Import “Finance workshop”?' });
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(preview).toBeHidden();

  // A changed copy: a step added, the loop's items changed.
  const changed = JSON.parse(pack);
  changed.recipes[0].steps[0].items = '{{ trigger.invoices[amount > 0] }}';
  changed.recipes[0].steps.push({ id: 'done', kind: 'stop', outcome: 'success', message: 'ok' });
  await page.getByLabel('Pack file (.sous-pack.json)').setInputFiles({ name: 'changed.sous-pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed)) });
  await preview.getByRole('button', { name: 'Compare “Flag big invoices (start here)” side by side with version 1 here' }).click();
  const compare = page.getByRole('dialog', { name: '“Flag big invoices (start here)”: what is here and what the pack holds' });
  await expect(compare.getByRole('status')).toHaveText('Changed: 1 · Added: 1 · Removed: 0 · Moved: 0');
  await expect(compare.getByRole('columnheader', { name: 'Here (version 1)' })).toBeVisible();
  await expect(compare.getByRole('columnheader', { name: 'In the pack' })).toBeVisible();
  await expect(compare.locator('tr[data-step="done"]').getByRole('rowheader')).toHaveText('Added');
  await expect(compare.locator('tr[data-step="done"]').getByRole('cell').first()).toHaveText('Not in this version');
  const items = compare.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'items' }) });
  await expect(items.getByRole('cell').nth(1).locator('ins')).toHaveText(['added: [amount > 0] end of change']);
  await compare.getByRole('button', { name: 'Close' }).click();
  await expect(compare).toBeHidden();
  // Nothing was imported by comparing: the preview still waits for Import.
  await expect(preview.getByRole('button', { name: 'Import', exact: true })).toBeVisible();
});

test('a runner may not save: the editor says so plainly and keeps the edit', async ({ page }) => {
  await openEditor(page, 'editor-demo.recipe.json', 'invoice-review');
  // Ana (admin, with a PIN) and Lee (runner); switching to Lee.
  await page.getByRole('link', { name: 'Governance' }).click();
  await addAnaAndLee(page);
  await page.getByRole('button', { name: 'Switch person' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Lee · runner' }).click();
  await expect(page.getByTestId('current-person')).toHaveText('You are: Lee · runner');

  await page.goto('/recipes/invoice-review');
  await setReportText(page, 'Edited by a runner');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('A runner may not edit recipes: ask an admin to switch to someone who may.');
  await expect(saveState(page)).toHaveText('Unsaved changes');
  await expect(page.getByRole('region', { name: 'Tell finance', exact: true }).getByRole('textbox', { name: 'Text', exact: true })).toHaveValue('Edited by a runner');
});
