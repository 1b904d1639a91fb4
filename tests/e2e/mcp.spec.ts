/**
 * An outside assistant (the MCP SDK's own Client, in this test's Node process) uses the studio's tools over
 * streamable HTTP at /mcp; the real studio tab in Chromium is the relay: it lists only the recipes the
 * person offers, runs each call as a job, and asks the person (Allow / Deny) before a write, as this client
 * cannot elicit. With the tab closed, a call says to open the studio.
 */
import { expect, test } from '@playwright/test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { importFile, openStudio, recipeRow } from './helpers';

async function assistant(url: string, token: string): Promise<Client> {
  const client = new Client({ name: 'e2e-assistant', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  return client;
}

const text = (result: unknown) => (result as { content: { text?: string }[] }).content[0]?.text ?? '';

test('an assistant calls offered recipes through the open studio; a write waits for Allow', async ({ page }) => {
  await openStudio(page);
  for (const [file, name] of [['find-vendor', 'Find a vendor'], ['register-vendor', 'Register a vendor'], ['approve-vendor', 'Register a vendor after approval']]) {
    await importFile(page, `tests/fixtures/agents/${file}.json`);
    await expect(recipeRow(page, name)).toBeVisible();
  }
  await page.getByRole('link', { name: 'Assistants' }).click();
  await page.getByRole('checkbox', { name: 'Offer to assistants (MCP): Find a vendor', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Offer to assistants (MCP): Register a vendor', exact: true }).check();
  await expect(page.getByTestId('mcp-relay-state')).toHaveText('This tab serves the assistants.');
  const url = await page.getByTestId('mcp-url').inputValue();
  const token = await page.getByTestId('mcp-token').inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);

  await expect(assistant(url, 'not-the-token')).rejects.toMatchObject({ code: 401 });
  const client = await assistant(url, token);
  await expect.poll(async () => (await client.listTools()).tools.map((t) => t.name).sort()).toEqual(['find-vendor', 'register-vendor']);

  const found = await client.callTool({ name: 'find-vendor', arguments: { query: 'Globex' } });
  expect(found.isError, text(found)).toBeFalsy();
  expect(JSON.stringify(found.structuredContent)).toContain('Globex Logistics GmbH');

  // A write: the studio asks its person. Deny runs nothing.
  const denied = client.callTool({ name: 'register-vendor', arguments: { name: 'Bluefin Paper', country: 'DE' } });
  const dialog = page.getByRole('dialog', { name: 'An assistant wants to run a recipe' });
  await expect(dialog).toContainText('An assistant wants to run Register a vendor with:');
  await expect(dialog.getByTestId('mcp-confirm-values')).toContainText('Bluefin Paper');
  await dialog.getByRole('button', { name: 'Deny' }).click();
  const refused = await denied;
  expect([refused.isError, text(refused)]).toEqual([true, expect.stringMatching(/did not confirm/)]);

  // Allow: it runs as a job, and the answer is the job's output.
  const allowed = client.callTool({ name: 'register-vendor', arguments: { name: 'Bluefin Paper', country: 'DE' } });
  await dialog.getByRole('button', { name: 'Allow' }).click();
  const ran = await allowed;
  expect(ran.isError, text(ran)).toBeFalsy();
  expect(ran.structuredContent).toMatchObject({ name: 'Bluefin Paper' });
  await page.getByRole('link', { name: 'Jobs' }).click();
  await expect(page.getByRole('main')).toContainText('Register a vendor');

  // No studio tab: nothing listed, and a call says to open the studio.
  await page.close();
  await expect.poll(async () => (await client.listTools()).tools.length).toBe(0);
  const closed = await client.callTool({ name: 'find-vendor', arguments: { query: 'Globex' } });
  expect([closed.isError, text(closed)]).toEqual([true, expect.stringMatching(/studio is not open/)]);
  await client.close();
});
