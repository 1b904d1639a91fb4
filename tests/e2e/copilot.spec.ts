import { expect, test, type Page } from '@playwright/test';
import { jobStatus, nav, openStudio, runRecipe } from './helpers';

/** "New from words" up to the preview; answers the dialog. */
async function draftFromWords(page: Page, words: string) {
  await page.getByRole('button', { name: 'New from words' }).click();
  const dialog = page.getByRole('dialog', { name: 'New recipe from words' });
  await dialog.getByLabel('What should the recipe do?').fill(words);
  await dialog.getByRole('button', { name: 'Draft', exact: true }).click();
  await expect(dialog.getByRole('region', { name: 'Draft preview' })).toBeVisible();
  return dialog;
}

const BASIC_REASON = /^Basic mode: This browser (has no WebGPU|knows WebGPU but found no graphics adapter)/;

test('without WebGPU (default headless Chromium) New from words says basic mode and why, before and after drafting', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('button', { name: 'New from words' }).click();
  const dialog = page.getByRole('dialog', { name: 'New recipe from words' });
  const note = dialog.getByTestId('model-mode-note');
  await expect(note).toHaveText(BASIC_REASON);
  await expect(note.getByRole('link', { name: 'Models' })).toHaveAttribute('href', '/models');
  await dialog.getByLabel('What should the recipe do?').fill('manually tell #finance');
  await dialog.getByRole('button', { name: 'Draft', exact: true }).click();
  const preview = dialog.getByRole('region', { name: 'Draft preview' });
  await expect(preview.getByTestId('copilot-mode')).toHaveText('Basic mode (no model)');
  await expect(preview.getByTestId('model-problem')).toHaveCount(0); // no model was asked, so none failed
  await expect(note).toHaveText(BASIC_REASON);
});

test('an English request becomes a previewed draft, then a recipe in the editor, which Explain reads back', async ({ page }) => {
  await openStudio(page);
  const dialog = await draftFromWords(page, 'Every morning at 9, call https://status.example.com/health and tell #ops if it fails');
  const preview = dialog.getByRole('region', { name: 'Draft preview' });
  await expect(preview.getByTestId('copilot-mode')).toHaveText('Basic mode (no model)');
  await expect(preview.getByTestId('canvas')).toContainText('HTTP request');
  await expect(preview.getByTestId('canvas')).toContainText('Post to chat');
  await expect(preview.getByRole('button', { name: /^Add a step/ })).toHaveCount(0); // read-only
  await expect(preview.getByTestId('assumptions')).toContainText('I assumed "Every morning at 9" means the schedule cron "0 9 * * *"');
  await dialog.getByRole('button', { name: 'Create recipe' }).click();

  await expect(page).toHaveURL(/\/recipes\/every-morning-at-9-call-https$/);
  await expect(page.getByLabel('Recipe name')).toHaveValue(/^Every morning at 9, call https:\/\/status/);
  await expect(page.getByTestId('canvas')).toContainText('Post to chat');
  await expect(page.getByTestId('save-state')).toHaveText('Saved · version 1');

  await page.getByRole('button', { name: 'Explain' }).click();
  const explain = page.getByRole('dialog', { name: 'What this recipe does' });
  await expect(explain.getByTestId('copilot-mode')).toHaveText('Basic mode (no model)');
  await expect(explain.getByTestId('model-mode-note')).toHaveText(BASIC_REASON);
  await expect(explain.getByTestId('explanation')).toContainText('It starts on the schedule "0 9 * * *".');
  await expect(explain.getByTestId('explanation')).toContainText('uses http to request');
  await explain.getByRole('button', { name: 'Close' }).click();

  // Change with words: nothing changes until the person applies the draft; then it is a new version.
  await page.getByRole('button', { name: 'Change with words' }).click();
  const change = page.getByRole('dialog', { name: /^Change “.*” with words$/ });
  await change.getByLabel('What should the recipe do?').fill('every 15 minutes tell #finance');
  await change.getByRole('button', { name: 'Draft', exact: true }).click();
  await expect(change.getByRole('region', { name: 'Draft preview' })).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('Saved · version 1');
  await change.getByRole('button', { name: 'Apply as a new version' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved · version 2');
  await expect(page.getByTestId('canvas')).not.toContainText('HTTP request');
});

test('a Korean request drafts (answering in Korean, in an English studio) and creates too; words it cannot read say what to try', async ({ page }) => {
  await openStudio(page);
  const dialog = await draftFromWords(page, '매일 아침 9시 재무팀 채팅으로 알려줘');
  await expect(dialog.getByTestId('assumptions')).toContainText('"매일 아침 9시"을(를) cron "0 9 * * *" 일정으로 가정했습니다');
  await expect(dialog.getByTestId('canvas')).toContainText('채팅에 알리기');

  await dialog.getByLabel('What should the recipe do?').fill('안녕하세요');
  await dialog.getByRole('button', { name: 'Draft again' }).click();
  await expect(dialog.getByRole('alert')).toContainText('이 레시피를 무엇으로 시작할지 알 수 없었습니다');
  await expect(dialog.getByRole('button', { name: 'Create recipe' })).toBeDisabled();

  // By keyboard: Ctrl+Enter drafts, Tab reaches the buttons.
  const words = dialog.getByLabel('What should the recipe do?');
  await words.fill('매일 아침 9시 재무팀 채팅으로 알려줘');
  await words.press('Control+Enter');
  await expect(dialog.getByTestId('canvas')).toContainText('채팅에 알리기');
  await dialog.getByRole('button', { name: 'Create recipe' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/recipes\/draft-schedule$/);
  await expect(page.getByTestId('canvas')).toContainText('채팅에 알리기');
});

test('a failed job of a drafted recipe gets a fix hint, saying which mode wrote it', async ({ page }) => {
  await openStudio(page);
  // Port 9 on this machine answers nothing: the request fails.
  const dialog = await draftFromWords(page, 'Manually call http://127.0.0.1:9/status');
  await dialog.getByRole('button', { name: 'Create recipe' }).click();
  await expect(page).toHaveURL(/\/recipes\//);
  await nav(page, 'Recipes');
  await runRecipe(page, 'Manually call http://127.0.0.1:9/status');
  await expect(jobStatus(page)).toHaveText('Status: failed');
  await page.getByRole('button', { name: 'Why did this fail?' }).click();
  const advice = page.getByTestId('failure-advice');
  await expect(advice.getByTestId('copilot-mode')).toHaveText('Basic mode (no model)');
  await expect(advice.getByTestId('model-mode-note')).toHaveText(BASIC_REASON);
  await expect(advice).toContainText('The step "http_request" could not reach the address it calls');
  await expect(advice).toContainText('How to fix it');
});

test('a draft with an unsure part says how sure it is, names the steps to check and asks one question', async ({ page }) => {
  await openStudio(page);
  const dialog = await draftFromWords(page, 'Whenever a vendor is added to the ERP, update the vendor and tell #finance');
  const preview = dialog.getByRole('region', { name: 'Draft preview' });
  await expect(preview.getByTestId('copilot-confidence')).toHaveText(/^How sure: \d+%$/);
  await expect(preview.getByTestId('copilot-question')).toContainText('One question');
  await expect(preview.getByTestId('copilot-question')).toContainText('Update a vendor');
  await expect(preview.getByTestId('copilot-unsure')).toContainText('Check these steps: Update a vendor');
});
