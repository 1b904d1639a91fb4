/**
 * Storage you can trust (issue 13 part 2), as a person sees it: Settings says the space used and whether
 * the browser keeps the data; the first import asks the browser to keep it, once, and says its answer
 * (headless Chromium grants or refuses by its own rules: the words must match what `persisted()` says
 * afterwards); IndexedDB cleared (CDP) shows, on the next visit, that the data was cleared with the earlier
 * counts, until dismissed. English and Korean. Run with E2E_PORT=4481.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { importFile, openStudio } from './helpers';

const RECIPE = 'tests/conformance/big-invoices.recipe.json';
const WORDS = {
  en: {
    settings: 'Settings',
    heading: 'Storage',
    usage: /^\d+(\.\d)? (B|KB|MB|GB|TB) used of \d+(\.\d)? (KB|MB|GB|TB)$/,
    kept: 'Kept: the browser will not clear it on its own.',
    bestEffort: 'Best effort: the browser may clear it when space runs low.',
    noticeKept: "Your work is kept: the browser will not clear Sous's data on its own.",
    noticeNotKept: "Best effort: the browser may clear Sous's data when space runs low. Keep a backup file (Settings).",
    notice: 'Storage',
    alert: 'Storage cleared',
    cleared: /^Sous's data in this browser was cleared since your last visit \(.*2\d{3}.*: 1 recipe, 0 jobs\)\. If you have a backup file, restore it in Settings\.$/,
    open: 'Open Settings',
    dismiss: 'Dismiss',
    empty: 'No recipes yet',
    fileLabel: 'Recipe file (.json)',
    importButton: 'Import',
    split: 'Your work:',
    nothing: 'No recipes, jobs, tables, connections or agents saved yet.',
    askAgain: 'Ask the browser to keep it',
    backupLink: 'Backup and restore'
  },
  ko: {
    settings: '설정',
    heading: '저장 공간',
    usage: /^\d+(\.\d)? (KB|MB|GB|TB) 중 \d+(\.\d)? (B|KB|MB|GB|TB) 사용$/,
    kept: '보관됨: 브라우저가 스스로 지우지 않습니다.',
    bestEffort: '최선 노력: 공간이 부족하면 브라우저가 지울 수 있습니다.',
    noticeKept: '작업이 보관됩니다: 브라우저가 Sous의 데이터를 스스로 지우지 않습니다.',
    noticeNotKept: '최선 노력: 공간이 부족하면 브라우저가 Sous의 데이터를 지울 수 있습니다. 백업 파일을 만들어 두세요(설정).',
    notice: '저장 공간',
    alert: '저장 공간 삭제됨',
    cleared: /^지난 방문 이후 이 브라우저의 Sous 데이터가 삭제되었습니다\(.*2\d{3}.*: 레시피 1개, 작업 0개\)\. 백업 파일이 있으면 설정에서 복원하세요\.$/,
    open: '설정 열기',
    dismiss: '닫기',
    empty: '아직 레시피가 없습니다',
    fileLabel: '레시피 파일 (.json)',
    importButton: '가져오기',
    split: '작업 데이터:',
    nothing: '아직 저장한 레시피, 작업, 표, 연결, 에이전트가 없습니다.',
    askAgain: '브라우저에 보관 요청하기',
    backupLink: '백업과 복원'
  }
} as const;
type Words = (typeof WORDS)[keyof typeof WORDS];

async function persisted(page: Page): Promise<boolean> {
  return page.evaluate(() => navigator.storage.persisted());
}

/** The import helper in either language: choose the file, press Import, wait until the recipe is listed. */
async function importRecipe(page: Page, w: Words): Promise<void> {
  if (w === WORDS.en) await importFile(page, RECIPE);
  else {
    await page.getByLabel(w.fileLabel).setInputFiles(RECIPE);
    await page.getByRole('dialog').getByRole('button', { name: w.importButton, exact: true }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
  }
  await expect(listed(page, 'Flag big invoices')).toBeVisible();
}

/** A recipe's name in the recipes table (whose own name is in the page's language). */
function listed(page: Page, name: string) {
  return page.getByRole('table').getByRole('link', { name, exact: true });
}

/** What the studio last wrote down outside IndexedDB: how many recipes it saw. */
async function markedRecipes(page: Page): Promise<number | undefined> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('sous.storage.marker') ?? 'null')?.counts?.recipes);
}

async function open(page: Page, w: Words): Promise<void> {
  if (w === WORDS.en) return openStudio(page);
  await page.goto('/');
  await expect(page.getByText(w.empty)).toBeVisible();
}

/** Clear the origin's IndexedDB with no page open on it, as the browser's eviction would. */
async function clearIndexedDb(page: Page, context: BrowserContext): Promise<void> {
  const origin = new URL(page.url()).origin;
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
  await cdp.detach();
}

for (const [lang, w] of Object.entries(WORDS) as Array<[keyof typeof WORDS, Words]>) {
  test.describe(lang === 'en' ? 'in an English browser' : 'in a Korean browser', () => {
    test.use({ locale: lang === 'en' ? 'en-US' : 'ko-KR' });

    test('Settings shows the storage used and whether the browser keeps it', async ({ page }) => {
      await open(page, w);
      await page.getByRole('navigation').getByRole('link', { name: new RegExp(`^${w.settings}`) }).click();
      const card = page.getByRole('region', { name: w.heading });
      await expect(card).toBeVisible();
      await expect(card.getByTestId('storage-usage')).toHaveText(w.usage);
      const kept = card.getByTestId('storage-kept');
      await expect(kept).toHaveText((await persisted(page)) ? w.kept : w.bestEffort);
      await expect(card.getByTestId('storage-split')).toContainText(w.split);
      await expect(card).toContainText(w.nothing);
      if (!(await persisted(page))) {
        // Ask again: the card then says what the browser answered.
        await card.getByRole('button', { name: w.askAgain }).click();
        await expect(card.getByRole('button', { name: w.askAgain })).toBeEnabled();
        await expect(kept).toHaveText((await persisted(page)) ? w.kept : w.bestEffort);
      }
      await expect(card.getByRole('link', { name: w.backupLink })).toHaveAttribute('href', '#backup-heading');
    });

    test('the first import asks the browser to keep the data once, and says its answer', async ({ page }) => {
      // Counts the page's calls of the real persist() (it still asks the browser).
      await page.addInitScript(() => {
        const real = navigator.storage.persist.bind(navigator.storage);
        (window as unknown as { persistCalls: number }).persistCalls = 0;
        navigator.storage.persist = () => ((window as unknown as { persistCalls: number }).persistCalls++, real());
      });
      await open(page, w);
      await importRecipe(page, w);
      const notice = page.getByRole('status', { name: w.notice, exact: true });
      await expect(notice).toBeVisible();
      const kept = await persisted(page);
      test.info().annotations.push({ type: 'persist', description: kept ? 'granted' : 'refused' });
      await expect(notice).toContainText(kept ? w.noticeKept : w.noticeNotKept);

      // A second save asks nothing more.
      await notice.getByRole('button').click();
      await expect(notice).toBeHidden();
      await page.getByLabel(w.fileLabel).setInputFiles('tests/fixtures/approval.recipe.json');
      await page.getByRole('dialog').getByRole('button', { name: w.importButton, exact: true }).click();
      await expect(listed(page, 'Approve a refund')).toBeVisible();
      await expect.poll(() => markedRecipes(page)).toBe(2);
      await expect(notice).toBeHidden();
      expect(await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(1);
    });

    test('IndexedDB cleared: the next visit says so with the earlier count, until dismissed', async ({ page, context }) => {
      await open(page, w);
      await importRecipe(page, w);
      await expect.poll(() => markedRecipes(page)).toBe(1);

      await clearIndexedDb(page, context);
      await open(page, w);
      const alert = page.getByRole('alert', { name: w.alert });
      await expect(alert).toBeVisible();
      await expect(alert.locator('.text')).toHaveText(w.cleared);
      await expect(alert.getByRole('link', { name: w.open })).toHaveAttribute('href', '/settings');

      // It stays until dismissed (a reload does not lose it), and the keyboard reaches Dismiss.
      await page.reload();
      await expect(alert).toBeVisible();
      await alert.getByRole('button', { name: w.dismiss }).focus();
      await page.keyboard.press('Enter');
      await expect(alert).toBeHidden();
      await page.reload();
      await expect(page.getByText(w.empty)).toBeVisible();
      await page.waitForTimeout(1500); // the storage watch starts once the page is drawn
      await expect(alert).toHaveCount(0);
    });
  });
}
