import { expect, test, type Page } from '@playwright/test';
import { canvas, stepNode } from './editor-helpers';
import { importFile } from './helpers';

/**
 * Test run starts from the trigger's sample, with no typing: a schedule gets a tick for now, an event the
 * sandbox app's latest record (a vendor, a mail). Each recipe test-runs to success.
 */
const RECIPES = [
  {
    id: 'sample-tick',
    trigger: { kind: 'schedule', every: '1h' },
    values: { due: '{{ trigger.at }}', missed: '{{ trigger.missed }}' },
    source: 'Sample input: a tick for now.',
    json: /"catch_up": false/
  },
  {
    id: 'sample-vendor',
    trigger: { kind: 'event', connector: 'sandbox.erp', event: 'vendor.created' },
    values: { vendor: '{{ trigger.name }}', email: '{{ trigger.email }}' },
    source: 'Sample input: the latest vendor in the sandbox ERP.',
    json: /"tax_id": "/
  },
  {
    id: 'sample-mail',
    trigger: { kind: 'event', connector: 'sandbox.mail', event: 'mail.received' },
    values: { subject: '{{ trigger.subject }}', sender: '{{ trigger.from }}', files: '{{ $count(trigger.attachments) }}' },
    source: 'Sample input: the latest mail in the sandbox mailbox.',
    json: /"subject": "Month-end close"/
  }
];

async function importRecipe(page: Page, recipe: (typeof RECIPES)[number]): Promise<void> {
  const file = {
    format: 'sous.recipe/v1',
    id: recipe.id,
    name: recipe.id,
    trigger: recipe.trigger,
    steps: [{ id: 'read', kind: 'set', values: recipe.values }]
  };
  await importFile(page, { name: `${recipe.id}.recipe.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByText(recipe.id).first()).toBeVisible();
}

for (const recipe of RECIPES) {
  test(`${recipe.id}: Test run starts from the sample and succeeds with no typing`, async ({ page }) => {
    // Not openStudio: the first screen may show the template gallery instead of "No recipes yet".
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Recipes', level: 1 })).toBeVisible();
    await importRecipe(page, recipe);
    await page.goto(`/recipes/${recipe.id}`);
    await expect(canvas(page).locator('.svelte-flow__node').first()).toBeVisible();
    await page.getByRole('button', { name: 'Test run' }).click();
    const dialog = page.getByRole('dialog', { name: 'Test run' });
    await expect(dialog.getByTestId('sample-source')).toHaveText(`${recipe.source} Change it if you like, then press Run.`);
    await expect(dialog.getByLabel('Trigger data (JSON)')).toHaveValue(recipe.json);
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(stepNode(page, 'read')).toHaveAttribute('data-status', 'succeeded');
    await expect(page.getByText('not a valid schedule tick')).toHaveCount(0);
  });
}
