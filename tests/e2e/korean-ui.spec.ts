/**
 * The studio in Korean: a `ko-KR` browser on a fresh profile sees the nav, the Recipes page and its template
 * gallery in Korean, uses the first template and runs it to 성공 (with the machine word `succeeded` beside
 * it); the language switch at the nav's foot turns the studio English at once, with nothing reloaded, and
 * the choice outlives a reload. An en-US browser stays English. Run with E2E_PORT=4431.
 */
import { expect, test, type Page } from '@playwright/test';
import { jobStatus } from './helpers';

/** The first template of the gallery: no approval, runs on the sandbox apps (studio-labels.md). */
const FIRST = { id: 'vendor-registration', titleKo: '거래처 등록', recipe: 'Vendor registration' };

function studioNav(page: Page, name: string) {
  return page.getByRole('navigation', { name });
}

test.describe('in a Korean browser', () => {
  test.use({ locale: 'ko-KR' });

  test('the nav, the Recipes page and its templates speak Korean; the first template runs to 성공 (succeeded)', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    const nav = studioNav(page, '스튜디오');
    for (const name of ['레시피', '작업', '받은 편지함', '채팅']) await expect(nav.getByRole('link', { name: new RegExp(`^${name}`) })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: '레시피' })).toBeVisible();
    await expect(page.getByText('아직 레시피가 없습니다')).toBeVisible();

    const gallery = page.getByRole('list', { name: '레시피 템플릿' });
    await expect(gallery.getByRole('button', { name: '템플릿 사용' }).first()).toBeVisible();
    await expect(gallery.getByRole('button', { name: 'Use template' })).toHaveCount(0);
    await gallery.getByRole('article', { name: FIRST.titleKo, exact: true }).getByRole('button', { name: '템플릿 사용' }).click();
    await expect(page).toHaveURL(new RegExp(`/recipes/${FIRST.id}$`));

    // Run it from the recipe list's Run form: it starts from the recipe's own sample, no typing.
    await nav.getByRole('link', { name: /^레시피/ }).click();
    await page.getByRole('button', { name: `${FIRST.recipe} 실행` }).click();
    const dialog = page.getByRole('dialog', { name: `“${FIRST.recipe}” 실행` });
    await expect(dialog.getByRole('button', { name: '입력 되돌리기' })).toBeVisible();
    await expect(dialog.getByTestId('sample-source')).toHaveText('샘플 입력: 이 레시피에 저장된 샘플.');
    await dialog.getByRole('button', { name: '실행', exact: true }).click();
    await expect(page).toHaveURL(/\/jobs\/[\w-]+$/);
    await expect(jobStatus(page)).toHaveText('상태: 성공 succeeded');
    await expect(jobStatus(page).locator('code')).toHaveText('succeeded');
    await expect(page.getByRole('heading', { name: '타임라인' })).toBeVisible();

    // The jobs list says the same, in words and in the machine word.
    await nav.getByRole('link', { name: /^작업/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: '작업' })).toBeVisible();
    const table = page.getByRole('table', { name: '작업' });
    await expect(table.getByRole('link', { name: new RegExp(`, 성공 succeeded, ${FIRST.recipe}$`) })).toHaveCount(1);
  });

  test('the language switch turns the studio English at once, with nothing reloaded, and is remembered', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: '레시피' })).toBeVisible();
    // A mark on the page's window: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { sousMark: number }).sousMark = 1));
    const language = studioNav(page, '스튜디오').getByRole('combobox', { name: '언어' });
    await language.selectOption('en');

    await expect(page.getByRole('heading', { level: 1, name: 'Recipes' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Recipe templates' }).getByRole('button', { name: 'Use template' }).first()).toBeVisible();
    await expect(studioNav(page, 'Studio').getByRole('link', { name: /^Jobs/ })).toBeVisible();
    await expect(page.getByText('No recipes yet')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { sousMark?: number }).sousMark)).toBe(1);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Recipes' })).toBeVisible();
    const remembered = studioNav(page, 'Studio').getByRole('combobox', { name: 'Language' });
    await expect(remembered).toHaveValue('en');
    await remembered.selectOption('ko');
    await expect(page.getByRole('heading', { level: 1, name: '레시피' })).toBeVisible();
  });
});

/** Controls that run past the window's right edge (Korean words are often longer than the English ones). */
async function pastTheEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const doc = document.scrollingElement ?? document.documentElement;
    const found = doc.scrollWidth > vw + 1 ? [`the page is ${doc.scrollWidth - vw} px wider than the window`] : [];
    for (const el of document.querySelectorAll('button, input, select, textarea, a[href]')) {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 1 && r.right > vw + 1) found.push(`${el.tagName.toLowerCase()} "${(el as HTMLElement).innerText.trim().slice(0, 30)}" runs ${Math.round(r.right - vw)} px past the edge`);
    }
    return found;
  });
}

test.describe('in a Korean browser at 1024×768', () => {
  test.use({ locale: 'ko-KR', viewport: { width: 1024, height: 768 } });

  test('the recipe list, the run dialog, the jobs list and a job fit the window', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('list', { name: '레시피 템플릿' }).getByRole('button', { name: '템플릿 사용' }).first().click();
    await expect(page).toHaveURL(new RegExp(`/recipes/${FIRST.id}$`));
    const nav = studioNav(page, '스튜디오');
    await nav.getByRole('link', { name: /^레시피/ }).click();
    await expect(page.getByRole('table', { name: '레시피' })).toBeVisible();
    expect(await pastTheEdge(page), 'the recipe list').toEqual([]);
    await page.getByRole('button', { name: `${FIRST.recipe} 실행` }).click();
    const dialog = page.getByRole('dialog', { name: `“${FIRST.recipe}” 실행` });
    await expect(dialog.getByRole('button', { name: '실행', exact: true })).toBeEnabled();
    expect(await pastTheEdge(page), 'the run dialog').toEqual([]);
    await dialog.getByRole('button', { name: '실행', exact: true }).click();
    await expect(jobStatus(page)).toHaveText('상태: 성공 succeeded');
    expect(await pastTheEdge(page), 'the job').toEqual([]);
    await nav.getByRole('link', { name: /^작업/ }).click();
    await expect(page.getByRole('table', { name: '작업' })).toBeVisible();
    expect(await pastTheEdge(page), 'the jobs list').toEqual([]);
  });
});

test.describe('in an English browser', () => {
  test.use({ locale: 'en-US' });

  test('the studio stays English', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Recipes' })).toBeVisible();
    const nav = studioNav(page, 'Studio');
    for (const name of ['Recipes', 'Jobs', 'Inbox', 'Chat']) await expect(nav.getByRole('link', { name: new RegExp(`^${name}`) })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Recipe templates' }).getByRole('button', { name: 'Use template' }).first()).toBeVisible();
    await expect(nav.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
    await expect(page.getByText('템플릿 사용')).toHaveCount(0);
  });
});
