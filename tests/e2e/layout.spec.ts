/**
 * Fits the screen: at 1280×720 and 1024×768 every visible control of the studio's main screens lies inside
 * the window (across; down, inside the window or in a box that scrolls it into view), the window never
 * widens past its edge, a selected node's toolbar is not under the minimap, and a dialog's buttons show.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { importFile, jobStatus, nav, openStudio, runRecipe } from './helpers';
import { canvas, stepNode } from './editor-helpers';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 }
] as const;

type Offender = { control: string; problem: string };

/**
 * The visible controls (in `scope`, or the whole page) that leave the window: runs in the page. A canvas's
 * nodes are left out (the canvas pans to them); its own buttons (zoom, toolbar) are checked.
 */
async function offenders(page: Page, scope = 'body'): Promise<Offender[]> {
  return page.evaluate((scope) => {
    const found: Array<{ control: string; problem: string }> = [];
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const doc = document.scrollingElement ?? document.documentElement;
    if (doc.scrollWidth > vw + 1) found.push({ control: 'the page', problem: `is ${doc.scrollWidth - vw} px wider than the window` });
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.getAttribute('name') ?? '').trim().slice(0, 40) || el.id || el.className}"`;
    /** A box between the control and the page that scrolls down far enough to bring it into view. */
    const scrollsDown = (el: Element) => {
      for (let box = el.parentElement; box; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (/(auto|scroll)/.test(style.overflowY) && box.scrollHeight > box.clientHeight + 1) return true;
      }
      return doc.scrollHeight > vh + 1;
    };
    const controls = document.querySelector(scope)?.querySelectorAll('button, input, select, textarea, a[href], [role="button"]') ?? [];
    for (const el of controls) {
      // The canvas pans: its nodes and edge buttons may sit past the edge; its panels (controls, minimap) may not.
      if (el.closest('.svelte-flow') && !el.closest('.svelte-flow__panel')) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue; // visually hidden (a file input under its label)
      if (r.left < -1) found.push({ control: name(el), problem: `starts ${Math.round(-r.left)} px left of the window` });
      if (r.right > vw + 1) found.push({ control: name(el), problem: `runs ${Math.round(r.right - vw)} px past the window's right edge` });
      // Cut off by a box that clips it across (a panel narrower than its field).
      for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
        if (getComputedStyle(box).overflowX === 'visible' || box.closest('.svelte-flow__node')) continue;
        const b = box.getBoundingClientRect();
        if (r.right > b.right + 1) {
          found.push({ control: name(el), problem: `is cut ${Math.round(r.right - b.right)} px by ${name(box)}` });
          break;
        }
      }
      if ((r.bottom > vh + 1 || r.top < -1) && !scrollsDown(el)) found.push({ control: name(el), problem: `lies outside the window (top ${Math.round(r.top)}, bottom ${Math.round(r.bottom)}) with nothing to scroll it into view` });
    }
    return found;
  }, scope);
}

/** A dialog's buttons show without scrolling: inside the window and not hidden by the dialog's own edge. */
async function buttonsShow(dialog: Locator, names: string[]): Promise<void> {
  for (const label of names) {
    const button = dialog.getByRole('button', { name: label, exact: true });
    await expect(button).toBeVisible();
    const hit = await button.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { inside: r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= document.documentElement.clientWidth, hit: !!at && el.contains(at) };
    });
    expect.soft(hit, `the "${label}" button shows in the window`).toEqual({ inside: true, hit: true });
  }
}

async function expectFits(page: Page, where: string, scope?: string): Promise<void> {
  await page.waitForTimeout(150); // a layout settling after a click (a canvas fitting its view)
  expect.soft(await offenders(page, scope), `${where}: controls that leave the window`).toEqual([]);
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.setViewportSize(size);
    });

    test('the recipe list, the nav and New from words fit the window', async ({ page }) => {
      await openStudio(page);
      await expectFits(page, 'the empty recipe list');
      await importFile(page, 'tests/conformance/big-invoices.recipe.json');
      await importFile(page, 'tests/fixtures/inspector.recipe.json');
      await expect(page.getByRole('table', { name: 'Recipes' }).getByRole('row')).toHaveCount(3);
      await expectFits(page, 'the recipe list');

      await page.getByRole('button', { name: 'New from words' }).click();
      const dialog = page.getByRole('dialog', { name: 'New recipe from words' });
      await dialog.getByLabel('What should the recipe do?').fill('Every morning at 9, call https://status.example.com/health and tell #ops if it fails');
      await dialog.getByRole('button', { name: 'Draft', exact: true }).click();
      await expect(dialog.getByRole('region', { name: 'Draft preview' })).toBeVisible();
      await expectFits(page, 'the copilot dialog', 'dialog[open]');
      await buttonsShow(dialog, ['Cancel', 'Create recipe']);
    });

    test('the editor: the inspector of an action step, the node toolbar and the test-run dialog fit', async ({ page }) => {
      await openStudio(page);
      await importFile(page, 'tests/conformance/big-invoices.recipe.json');
      await expect(page.getByRole('link', { name: 'Flag big invoices' })).toBeVisible();
      await page.goto('/recipes/big-invoices');
      await expect(stepNode(page, 'report')).toBeVisible();
      await stepNode(page, 'report').click();
      await expect(page.getByRole('region', { name: 'Step details' }).or(page.getByRole('complementary', { name: 'Step details' }))).toBeVisible();
      await expect(page.getByLabel('Action', { exact: true })).toBeVisible();
      await expectFits(page, 'the editor with the inspector of an action step');

      const toolbar = page.getByRole('toolbar', { name: /^Actions for step/ });
      await expect(toolbar).toBeVisible();
      // Measured once the canvas has drawn and panned to the selected step (both happen a moment after the click).
      await expect(page.getByTestId('canvas')).toHaveAttribute('data-settled', 'true');
      const pressable = (el: Element) => {
        const r = el.getBoundingClientRect();
        const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !!at && el.contains(at);
      };
      await expect.poll(() => toolbar.evaluate(pressable), { message: 'the node toolbar is on top (not under the minimap)' }).toBe(true);
      for (const button of await toolbar.getByRole('button').all()) {
        const name = await button.getAttribute('aria-label');
        await expect.poll(() => button.evaluate(pressable), { message: `${name} can be pressed` }).toBe(true);
      }

      await page.getByRole('button', { name: 'Test run' }).click();
      const dialog = page.getByRole('dialog', { name: 'Test run' });
      await expect(dialog).toBeVisible();
      await expectFits(page, 'the test-run dialog', 'dialog[open]');
      await buttonsShow(dialog, ['Cancel', 'Run']);
    });

    test('the inspector of a long form scrolls and never widens the window', async ({ page }) => {
      await openStudio(page);
      await importFile(page, 'tests/fixtures/inspector-forms.recipe.json');
      const link = page.getByRole('table', { name: 'Recipes' }).getByRole('link').first();
      await link.click();
      await expect(canvas(page).locator('.svelte-flow__node').first()).toBeVisible();
      for (const node of await canvas(page).locator('[data-step]').all()) {
        if (!(await node.isVisible())) continue;
        await node.click();
        await expectFits(page, `the inspector of ${await node.getAttribute('data-step')}`);
      }
    });

    test('jobs, a job, chat, connections and the sandbox apps fit the window', async ({ page }) => {
      await openStudio(page);
      await importFile(page, 'tests/conformance/big-invoices.recipe.json');
      await runRecipe(page, 'Flag big invoices', JSON.stringify({ invoices: [{ id: 'INV-1', amount: 950 }] }));
      await expect(jobStatus(page)).toHaveText('Status: succeeded');
      await expectFits(page, "a job's page");
      await nav(page, 'Jobs');
      await expect(page.getByRole('table', { name: 'Jobs' })).toBeVisible();
      await expectFits(page, 'Jobs');
      await nav(page, 'Chat');
      await expectFits(page, 'Chat');
      await nav(page, 'Connections');
      await expectFits(page, 'Connections');
      for (const path of ['/sandbox', '/sandbox/erp', '/sandbox/hr', '/sandbox/orders', '/sandbox/mail']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectFits(page, path);
      }
    });
  });
}
