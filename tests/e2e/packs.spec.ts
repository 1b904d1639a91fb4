/**
 * The Packs page (docs/pack-format.md): export chosen recipes and a table as one file, byte for byte what
 * `exportPack` writes and with no secret in it; import a pack by the picker or by a drop, with a preview
 * (New / Replaces with a diff) and nothing stored before Import; a broken pack changes nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { exportPack, parsePackText } from '../../src/lib/packs';
import { importFile, nav, openStudio, recipeRow, storeConnections, toast } from './helpers';

const PACK = 'tests/fixtures/packs/finance-workshop.sous-pack.json';
const packText = readFileSync(PACK, 'utf8');
const asFile = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

async function toPacks(page: Page) {
  await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: 'Packs' }).click();
  await expect(page.getByRole('heading', { name: 'Packs', level: 1 })).toBeVisible();
}

test('export two recipes and a table: the file is what exportPack writes, with no secret', async ({ page }) => {
  await openStudio(page);
  await importFile(page, 'tests/conformance/big-invoices.recipe.json');
  await importFile(page, 'tests/fixtures/with-secret.recipe.json');
  await nav(page, 'Tables');
  await page.getByLabel('CSV file').setInputFiles(asFile('tiers.csv', 'tier,discount\r\ngold,10\r\nsilver,5\r\n'));
  await page.getByLabel('New table name').fill('Tiers');
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByRole('table', { name: 'Rows of Tiers' })).toBeVisible();

  await toPacks(page);
  await page.getByLabel('Pack name').fill('Two recipes');
  await expect(page.getByLabel('Pack id')).toHaveValue('two-recipes');
  await page.getByRole('group', { name: 'Recipes' }).getByLabel('Flag big invoices').check();
  await page.getByRole('group', { name: 'Recipes' }).getByLabel('Call an API with a key').check();
  await page.getByRole('group', { name: 'Tables' }).getByLabel('Tiers').check();
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export pack' }).click();
  const download = await waiting;
  expect(download.suggestedFilename()).toBe('two-recipes.sous-pack.json');
  const text = readFileSync(await download.path(), 'utf8');
  const read = parsePackText(text);
  if (!read.ok) throw new Error(read.issues.map((i) => i.message).join('\n'));
  expect(read.pack.recipes.map((r) => r.id).sort()).toEqual(['big-invoices', 'with-secret']);
  expect(read.pack.tables).toEqual([{ name: 'Tiers', columns: [{ name: 'tier', type: 'text' }, { name: 'discount', type: 'number' }], rows: [{ tier: 'gold', discount: 10 }, { tier: 'silver', discount: 5 }] }]);
  expect(exportPack(read.pack).text).toBe(text);
  expect(text).not.toContain('sk-live-123');
  await expect(toast(page)).toContainText('Exported two-recipes.sous-pack.json. Secrets were blanked at: recipes[');
});

test('import a pack: preview first, Import stores it; a changed copy replaces with a diff; a broken one changes nothing', async ({ page }) => {
  await openStudio(page);
  await toPacks(page);
  await page.getByLabel('Pack file (.sous-pack.json)').setInputFiles(PACK);
  const preview = page.getByRole('region', { name: 'Import “Finance workshop”?' });
  const recipes = preview.getByRole('list', { name: 'Recipes' }).getByRole('listitem');
  await expect(recipes).toHaveCount(1);
  await expect(recipes.first()).toContainText('Flag big invoices (start here)');
  await expect(recipes.first()).toContainText('New');
  await expect(preview.getByRole('list', { name: 'Tables' })).toContainText('pricing');
  await expect(preview.getByRole('list', { name: 'Exercises' })).toContainText('Flag big invoices');
  await expect(preview.getByTestId('pack-policy')).toContainText('“Workshop rules”');
  await expect(preview.getByRole('button', { name: 'Import', exact: true })).toBeFocused();

  // Nothing is stored before Import.
  await nav(page, 'Recipes');
  await expect(page.getByText('No recipes yet')).toBeVisible();
  await toPacks(page);
  await page.getByLabel('Pack file (.sous-pack.json)').setInputFiles(PACK);
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(toast(page)).toContainText('Imported “Finance workshop” (recipes: 1, agents: 0, tables: 1).');
  await expect(preview).toBeHidden();
  await nav(page, 'Recipes');
  await expect(recipeRow(page, 'Flag big invoices (start here)')).toBeVisible();

  // A changed copy, dropped on the page: Replaces, with the step it adds.
  const changed = JSON.parse(packText);
  changed.recipes[0].steps.push({ id: 'done', kind: 'stop', outcome: 'success', message: 'ok' });
  await toPacks(page);
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'changed.sous-pack.json', { type: 'application/json' }));
    return transfer;
  }, JSON.stringify(changed));
  await page.getByRole('heading', { name: 'Export a pack' }).dispatchEvent('drop', { dataTransfer });
  const again = preview.getByRole('list', { name: 'Recipes' }).getByRole('listitem').first();
  await expect(again).toContainText('Replaces version 1');
  await expect(preview.getByRole('list', { name: 'Changes to “Flag big invoices (start here)”' })).toContainText('Step done added');
  await preview.getByRole('button', { name: 'Cancel' }).click();

  // A broken pack: every problem in an alert, no preview, nothing changed.
  const broken = { ...JSON.parse(packText), id: 'Not A Slug', recipes: [{ format: 'sous.recipe/v1', id: 'x' }] };
  await page.getByLabel('Pack file (.sous-pack.json)').setInputFiles(asFile('broken.sous-pack.json', JSON.stringify(broken)));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('broken.sous-pack.json');
  await expect(alert.getByRole('listitem')).not.toHaveCount(0);
  await expect(alert).toContainText('id');
  await expect(preview).toBeHidden();
  await nav(page, 'Recipes');
  await expect(page.getByRole('table', { name: 'Recipes' }).getByRole('row')).toHaveCount(2);
  await expect(recipeRow(page, 'Flag big invoices (start here)')).toContainText('1');
});

test('a chosen recipe brings the recipe it calls, and the page says so', async ({ page }) => {
  const recipe = (value: Record<string, unknown>) => asFile(`${value.id}.recipe.json`, JSON.stringify({ format: 'sous.recipe/v1', ...value }));
  await openStudio(page);
  await importFile(page, recipe({ id: 'double-it', name: 'Double it', trigger: { kind: 'callable', input: [{ name: 'n', type: 'number' }] }, steps: [] }));
  await importFile(page, recipe({ id: 'outer', name: 'Outer', trigger: { kind: 'manual' }, steps: [{ id: 'c', kind: 'call', recipe: 'double-it', input: { n: 2 } }] }));
  await toPacks(page);
  await page.getByRole('button', { name: 'Export pack' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose at least one recipe, agent, table, exercise, sandbox app or the policy.');
  await page.getByRole('group', { name: 'Recipes' }).getByLabel('Outer').check();
  await page.getByLabel('Pack id').fill('Not A Slug');
  await page.getByRole('button', { name: 'Export pack' }).click();
  await expect(page.getByRole('alert')).toContainText('The pack id may hold only');
  await page.getByLabel('Pack id').fill('pack');
  await expect(page.getByTestId('pack-added')).toHaveText('“Double it” is added too: “Outer” calls it.');
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export pack' }).press('Enter');
  const read = parsePackText(readFileSync(await (await waiting).path(), 'utf8'));
  expect(read.ok && read.pack.recipes.map((r) => r.id)).toEqual(['outer', 'double-it']);
  await expect(toast(page)).toContainText('Exported pack.sous-pack.json.');
});

test('a trainer re-exports the workshop: an exercise brings its starter, the ERP’s records become the seed', async ({ page }) => {
  await openStudio(page);
  await toPacks(page);
  await page.getByLabel('Pack file (.sous-pack.json)').setInputFiles(PACK);
  await page.getByRole('region', { name: 'Import “Finance workshop”?' }).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(toast(page)).toContainText('Imported “Finance workshop”');
  await page.getByLabel('Pack name').fill('Again');
  await page.getByRole('group', { name: 'Exercises' }).getByLabel('Flag big invoices').check();
  await page.getByRole('group', { name: 'Sandbox data' }).getByLabel('ERP').check();
  await expect(page.getByTestId('pack-added')).toHaveText('“Flag big invoices (start here)” is added too: the exercise “Flag big invoices” starts from it.');
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export pack' }).click();
  const text = readFileSync(await (await waiting).path(), 'utf8');
  const read = parsePackText(text);
  if (!read.ok) throw new Error(read.issues.map((i) => i.message).join('\n'));
  expect(read.pack.recipes.map((r) => r.id)).toEqual(['flag-big-starter']);
  expect(read.pack.exercises.map((e) => e.id)).toEqual(['flag-big']);
  // The fixture's one vendor replaced the ERP's on import; that is what goes out again.
  expect(read.pack.sandbox).toEqual(JSON.parse(packText).sandbox);
  expect(exportPack(read.pack).text).toBe(text);
});

test.describe('ko-KR', () => {
  test.use({ locale: 'ko-KR' });
  test('the nav and the page speak Korean', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: '팩' }).click();
    await expect(page.getByRole('heading', { name: '팩', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: '팩 가져오기' })).toBeVisible();
    await expect(page.getByLabel('팩 파일 (.sous-pack.json)')).toBeAttached();
  });
});

test("a recipe's connection reference is mapped to a connection of its connector on Import", async ({ page }) => {
  await openStudio(page);
  // Two connections, as the Connections page stores them (these need no secret); only the ERP one fits.
  await storeConnections(page, [
    { id: 'c-erp', connector: 'sandbox.erp', label: 'Our ERP' },
    { id: 'c-hr', connector: 'sandbox.hr', label: 'Our HR' }
  ]);
  const withRef = JSON.parse(packText);
  withRef.recipes[0].connections = { erp: { connector: 'sandbox.erp', label: 'Company ERP' } };
  await toPacks(page);
  await page.getByLabel('Pack file (.sous-pack.json)').setInputFiles(asFile('ref.sous-pack.json', JSON.stringify(withRef)));
  const select = page.getByLabel('Company ERP (sandbox.erp) for “Flag big invoices (start here)”');
  await expect(select).toHaveValue('');
  await expect(select.getByRole('option')).toHaveText(['Set up later', 'Our ERP']);
  await select.selectOption({ label: 'Our ERP' });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(toast(page)).toContainText('Imported “Finance workshop”');
  const binding = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const open = indexedDB.open('sous');
      open.onsuccess = () => ok(open.result);
    });
    const rows = await new Promise<unknown[]>((ok) => {
      const req = db.transaction('connection_bindings').objectStore('connection_bindings').getAll();
      req.onsuccess = () => ok(req.result);
    });
    db.close();
    return rows;
  });
  expect(binding).toEqual([{ recipe_id: 'flag-big-starter', ref: 'erp', connection_id: 'c-erp' }]);
});
