/**
 * Help where it is needed: a fresh profile shows the first-run tour, the page behind it stays usable, Skip
 * hides it for good; the nav's Help opens the glossary (in English and in a Korean browser), restarts the
 * tour and shows the README's first steps. Run with E2E_PORT=4461.
 */
import { expect, test, type Page } from '@playwright/test';

const tourCard = (page: Page, name = 'Getting started') => page.getByRole('complementary', { name });

test('a fresh profile shows the tour; the page behind it works; Skip hides it for good', async ({ page }) => {
  await page.goto('/');
  const card = tourCard(page);
  await expect(card).toBeVisible();
  await expect(card).toContainText('1 of 5');
  await expect(card).toContainText('Start from a template');
  // It points at the real thing: a Use template button is outlined.
  await expect(page.locator('.tour-target')).toHaveText('Use template');
  const use = page.getByRole('button', { name: 'Use template' }).first();

  // Not modal, and only its buttons take the pointer: a click on its words reaches the page under it.
  const clickThrough = await card.locator('p').evaluate((el) => {
    const r = el.getBoundingClientRect();
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return at !== null && !el.closest('aside')!.contains(at);
  });
  expect(clickThrough).toBe(true);
  // Its buttons take their own room in the nav: no nav link is under them, however many the nav has.
  const hidden = await page.evaluate(() => {
    const controls = document.querySelector('[data-testid="tour"] .controls')!.getBoundingClientRect();
    return [...document.querySelectorAll('nav a')].filter((a) => {
      const r = a.getBoundingClientRect();
      return r.bottom > controls.top && r.top < controls.bottom && r.right > controls.left && r.left < controls.right;
    }).map((a) => a.textContent?.trim());
  });
  expect(hidden).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('tour.png') });
  // The button it talks about is pressed while it shows, and the tour goes along.
  await use.click();
  await expect(page).toHaveURL(/\/recipes\/[\w-]+$/);
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Next' }).click();
  await expect(card).toContainText('2 of 5');
  await card.getByRole('button', { name: 'Next' }).click();
  await expect(card).toContainText('Try it with sample data');
  await expect(page.getByRole('button', { name: 'Test run' })).toHaveClass(/tour-target/);
  await page.getByRole('button', { name: 'Test run' }).click();
  await expect(page.getByRole('dialog', { name: 'Test run' })).toBeVisible();
  await page.keyboard.press('Escape');

  await card.getByRole('button', { name: 'Skip' }).click();
  await expect(card).toBeHidden();
  await expect(page.locator('.tour-target')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Test run' })).toBeVisible();
  await expect(card).toBeHidden();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Recipes', level: 1 })).toBeVisible();
  await expect(card).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem('sous.tour'))).toBe('skipped');
});

test('finishing the tour is remembered too, and Help starts it again', async ({ page }) => {
  await page.goto('/');
  const card = tourCard(page);
  for (let i = 0; i < 4; i++) await card.getByRole('button', { name: 'Next' }).click();
  await expect(card).toContainText('Help is here');
  await expect(page.getByRole('button', { name: 'Help' })).toHaveClass(/tour-target/);
  await card.getByRole('button', { name: 'Done' }).click();
  await expect(card).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Recipes', level: 1 })).toBeVisible();
  await expect(card).toBeHidden();

  await page.getByRole('button', { name: 'Help' }).click();
  const help = page.getByRole('dialog', { name: 'Help' });
  await help.getByRole('button', { name: 'Restart the tour' }).click();
  await expect(help).toBeHidden();
  await expect(card).toContainText('1 of 5');
});

test('the help panel explains the words and shows the README tour', async ({ page }) => {
  await page.goto('/');
  await tourCard(page).getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('button', { name: 'Help' }).click();
  const help = page.getByRole('dialog', { name: 'Help' });
  await expect(help).toBeVisible();
  for (const term of ['Recipe', 'Trigger', 'Step', 'Job', 'Connection', 'Pill', 'Action', 'Approval', 'Sample', 'Version', 'Started / stopped']) {
    await expect(help.locator('dt', { hasText: new RegExp(`^${term}$`) })).toBeVisible();
  }
  await expect(help.locator('dd').first()).toContainText('An automation');
  await help.getByRole('link', { name: "Read the README's tour" }).click();
  await expect(help.locator('#readme-tour')).toContainText('Use template');
  // The page behind stays usable while the panel is open.
  await page.getByRole('navigation').getByRole('link', { name: 'Jobs' }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test.describe('in a Korean browser', () => {
  test.use({ locale: 'ko-KR' });

  test('the tour and the glossary speak Korean', async ({ page }) => {
    await page.goto('/');
    const card = tourCard(page, '시작하기');
    await expect(card).toBeVisible();
    await expect(card).toContainText('템플릿으로 시작하세요');
    await card.getByRole('button', { name: '건너뛰기' }).click();
    await expect(card).toBeHidden();

    await page.getByRole('button', { name: '도움말' }).click();
    const help = page.getByRole('dialog', { name: '도움말' });
    for (const term of ['레시피', '트리거', '단계', '작업', '연결', '데이터 필', '승인', '샘플', '버전']) {
      await expect(help.locator('dt', { hasText: new RegExp(`^${term}$`) })).toBeVisible();
    }
    await expect(help.getByRole('button', { name: '둘러보기 다시 시작' })).toBeVisible();
  });
});
