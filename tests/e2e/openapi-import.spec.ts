/**
 * OpenAPI import as a person does it: upload the Petstore on the Connectors page, see the actions and auth
 * it will create, import it, give it a connection with an API key, and run a recipe whose step calls one
 * of its actions against a local Petstore on 127.0.0.1 (through the studio's proxy).
 */
import { expect, test } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile, jobStatus, nav, openStudio, runRecipe, toast } from './helpers';

test('import the Petstore, see its actions, connect it and run a step that uses it', async ({ page }) => {
  // A local Petstore: GET /pet/{id} answers the pet only with the right API key in the api_key header.
  const server = createServer((req, res) => {
    const ok = req.headers.api_key === 'special-key';
    const id = Number(req.url?.split('/').pop());
    res
      .writeHead(ok ? 200 : 401, { 'content-type': 'application/json' })
      .end(JSON.stringify(ok ? { id, name: 'Rex the local dog', photoUrls: [], status: 'available' } : { message: 'no key' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'sous-openapi-'));
  const recipe = join(dir, 'find-pet.recipe.json');
  writeFileSync(
    recipe,
    JSON.stringify({
      format: 'sous.recipe/v1',
      id: 'find-pet',
      name: 'Find a pet',
      trigger: { kind: 'manual' },
      connections: { pets: { connector: 'openapi.petstore', label: 'Petstore' } },
      steps: [{ id: 'pet', kind: 'action', connector: 'openapi.petstore', action: 'get_pet_by_id', connection: 'pets', input: { petId: 7 } }]
    })
  );
  try {
    await openStudio(page);
    await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: 'Connectors' }).click();
    await expect(page.getByRole('heading', { name: 'Connectors', level: 1 })).toBeVisible();

    // A Swagger 2.0 document is refused with what to do.
    await page.getByRole('button', { name: 'Import OpenAPI' }).click();
    await page.getByLabel('OpenAPI document (JSON or YAML)').fill('swagger: "2.0"\ninfo: {title: Old}\npaths: {}\n');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('alert')).toContainText('convert it to OpenAPI 3 first');

    // Upload the Petstore: the preview lists its 20 operations and its two auth schemes.
    await page.getByLabel('Or upload a file').setInputFiles('tests/fixtures/openapi/petstore.yaml');
    const preview = page.getByRole('region', { name: 'Import preview' });
    await expect(preview.getByRole('heading', { name: '20 actions' })).toBeVisible();
    await expect(preview).toContainText('GET /pet/{petId}');
    await expect(preview).toContainText('API key sent in the api_key header');
    await expect(preview).toContainText('OAuth 2');
    await page.getByLabel('Connector id').fill('openapi.petstore');
    await page.getByLabel('Label', { exact: true }).fill('Petstore');
    await page.screenshot({ path: 'tests/screenshots/openapi-import-preview.png' });
    await page.getByRole('button', { name: 'Import 20 actions' }).click();
    await expect(toast(page)).toContainText('Imported “openapi.petstore” with 20 actions');

    // Its actions are listed.
    await page.getByRole('button', { name: 'Show actions of Petstore' }).click();
    const actions = page.getByRole('list', { name: 'Actions of Petstore' });
    await expect(actions.getByRole('listitem')).toHaveCount(20);
    await expect(actions).toContainText('get_pet_by_id — Find pet by ID');

    // A recipe that uses it; its connection is made from the fields the import declared.
    await nav(page, 'Recipes');
    await importFile(page, recipe);
    await expect(toast(page)).toContainText('pets (openapi.petstore)');
    await nav(page, 'Connections');
    await page.getByLabel('Passphrase', { exact: true }).fill('workshop passphrase');
    await page.getByLabel('Passphrase again').fill('workshop passphrase');
    await page.getByRole('button', { name: 'Set up with passphrase' }).click();
    await expect(page.getByText('Unlocked: recipes can use their connections.')).toBeVisible();
    await page.getByLabel('Connector').selectOption('openapi.petstore');
    await page.getByLabel('Label', { exact: true }).fill('Local pets');
    await page.getByLabel('Base URL').fill(base);
    await page.getByLabel('Security scheme').selectOption('api_key');
    await page.getByLabel(/^API key/).fill('special-key');
    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect(page.getByRole('table').getByText('Local pets')).toBeVisible();
    await page.getByLabel('Connection for pets in Find a pet').selectOption({ label: 'Local pets' });

    // The editor's step picker offers the imported actions (opened in the page: a reload would lock the vault).
    await nav(page, 'Recipes');
    await page.getByRole('link', { name: 'Find a pet', exact: true }).click();
    await page.getByRole('button', { name: 'Add a step after pet' }).click();
    const picker = page.getByRole('dialog', { name: 'Add a step' });
    await picker.getByRole('searchbox', { name: 'Search steps' }).fill('Find pet by ID');
    await expect(picker.getByRole('button', { name: /Find pet by ID/ })).toBeVisible();
    await picker.getByRole('button', { name: 'Close the step picker' }).click();
    await expect(picker).toBeHidden();
    // The inspector knows the imported action: its label and its input field.
    await page.getByRole('button', { name: /^Step pet/ }).click();
    const inspector = page.getByRole('region', { name: 'pet' });
    await expect(inspector).toContainText('Find pet by ID');
    await expect(inspector.getByRole('spinbutton', { name: /pet ?id/i }).or(inspector.getByRole('textbox', { name: /pet ?id/i }))).toHaveValue('7');

    await nav(page, 'Recipes');
    await runRecipe(page, 'Find a pet');
    await expect(jobStatus(page)).toHaveText('Status: succeeded');
    await expect(page.getByText('Rex the local dog').first()).toBeVisible();
    await page.screenshot({ path: 'tests/screenshots/openapi-import-job.png' });

    // Deleting the import removes it from the Connectors list.
    await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: 'Connectors' }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete Petstore' }).click();
    await expect(toast(page)).toContainText('Deleted “Petstore”');
    await expect(page.getByRole('table', { name: 'Connectors' })).not.toContainText('openapi.petstore');
  } finally {
    server.close();
  }
});
