import { expect, test, type Page } from '@playwright/test';
import { addAnaAndLee, importFile, openStudio } from './helpers';

const RECIPE = {
  format: 'sous.recipe/v1',
  id: 'fetch-rates',
  name: 'Fetch rates',
  trigger: { kind: 'manual' },
  steps: [
    { id: 'hello', kind: 'action', connector: 'chat', action: 'post', input: { channel: 'general', text: 'hi' } },
    { id: 'fetch', kind: 'action', connector: 'http', action: 'request', input: { url: 'https://api.example.com/rates' } }
  ]
};
const POLICY = { format: 'sous.policy/v1', name: 'Workshop rules', connectors: { deny: ['http'] } };
const REFUSAL = 'steps[1] (fetch): the policy "Workshop rules" does not allow the connector "http"';
const file = (name: string, data: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });

async function governance(page: Page) {
  await page.getByRole('link', { name: 'Governance' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Governance' })).toBeVisible();
  return page.getByTestId('policy-card');
}

async function importPolicy(page: Page, data: unknown, label = 'Policy file (.policy.json)') {
  const card = page.getByTestId('policy-card');
  await card.getByLabel(label).setInputFiles(file('workshop.policy.json', data));
  await expect(card.getByTestId('policy-preview')).toBeVisible();
}

test('a locked policy forbidding http blocks a test run with the clear message and needs its PIN to change', async ({ page }) => {
  await openStudio(page);
  await importFile(page, file('fetch-rates.recipe.json', RECIPE));
  const card = await governance(page);
  await importPolicy(page, POLICY);
  await expect(card.getByTestId('policy-preview')).toContainText('These connectors may not be used: "http".');
  await card.getByRole('button', { name: 'Use this policy' }).click();
  await expect(card.getByTestId('policy-in-force')).toContainText('In force: "Workshop rules"');
  await card.getByTestId('policy-new-pin').fill('2468');
  await card.getByRole('button', { name: 'Lock with a PIN' }).click();
  await expect(card.getByTestId('policy-lock')).toContainText('Locked by owner');

  // The run is refused before it starts, with the contract's words.
  await page.getByRole('link', { name: /^Recipes/ }).click();
  await page.getByRole('button', { name: 'Run Fetch rates' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(REFUSAL);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The editor shows the same rule as a problem on its step, before any run.
  await page.getByRole('link', { name: 'Fetch rates' }).first().click();
  await expect(page.getByText('does not allow the connector "http"').first()).toBeVisible();

  // Locked: clearing without the PIN, and with a wrong one, is refused; the right one clears it.
  await governance(page);
  await card.getByRole('button', { name: 'Clear the policy' }).click();
  await expect(card.getByRole('alert')).toHaveText('The policy is locked: enter the PIN to change or clear it.');
  await card.getByTestId('policy-pin').fill('1111');
  await card.getByRole('button', { name: 'Clear the policy' }).click();
  await expect(card.getByRole('alert')).toHaveText('That PIN is not right (4 more before a wait).');
  await importPolicy(page, { ...POLICY, name: 'Looser rules', connectors: undefined });
  await card.getByTestId('policy-pin').fill('0000');
  await card.getByRole('button', { name: 'Replace the policy' }).click();
  await expect(card.getByRole('alert')).toHaveText('That PIN is not right (3 more before a wait).');
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card.getByTestId('policy-in-force')).toContainText('"Workshop rules"');
  await card.getByTestId('policy-pin').fill('2468');
  await card.getByRole('button', { name: 'Clear the policy' }).click();
  await expect(card).toContainText('No policy: recipes may use every connector');
});

test('people and roles: a runner may not change the policy, people or recipes; the switch asks an admin’s PIN', async ({ page }) => {
  await openStudio(page);
  await governance(page);
  const people = page.getByTestId('people-card');
  await addAnaAndLee(page);
  await expect(people.getByTestId('person-row')).toHaveCount(2);

  await page.getByRole('button', { name: 'Switch person' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Lee · runner' }).click();
  await expect(page.getByTestId('current-person')).toHaveText('You are: Lee · runner');
  await expect(page.getByTestId('policy-may-not')).toHaveText('Only an admin may change the policy.');
  await expect(people.getByRole('button', { name: 'Add person' })).toBeDisabled();

  // A runner cannot edit: importing a recipe is refused in plain words.
  await page.getByRole('link', { name: /^Recipes/ }).click();
  await page.getByLabel('Recipe file (.json)').setInputFiles(file('fetch-rates.recipe.json', RECIPE));
  const preview = page.getByRole('dialog');
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/A runner may not edit recipes/).first()).toBeVisible();

  // Back to Ana: her PIN is asked, a wrong one refused.
  await page.getByRole('button', { name: 'Switch person' }).click();
  const switcher = page.getByRole('dialog');
  await switcher.getByRole('button', { name: 'Ana · admin' }).click();
  await switcher.getByTestId('switch-pin').fill('9999');
  await switcher.getByRole('button', { name: 'Switch', exact: true }).click();
  await expect(switcher.getByRole('alert')).toContainText('That PIN is not right');
  await switcher.getByTestId('switch-pin').fill('1234');
  await switcher.getByRole('button', { name: 'Switch', exact: true }).click();
  await expect(page.getByTestId('current-person')).toHaveText('You are: Ana · admin');
});

test('the Governance page in Korean', async ({ page }) => {
  await openStudio(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await page.getByRole('link', { name: '거버넌스' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '거버넌스' })).toBeVisible();
  await importPolicy(page, POLICY, '정책 파일 (.policy.json)');
  await expect(page.getByTestId('policy-preview')).toContainText('다음 커넥터는 쓸 수 없습니다: "http".');
  await expect(page.getByRole('link', { name: '감사 기록' })).toBeVisible();
  await expect(page.getByRole('link', { name: '워크숍' })).toBeVisible();
});
