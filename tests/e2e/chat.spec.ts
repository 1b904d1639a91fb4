/**
 * The studio's chat with agents, in real Chromium, basic mode (no model), as a new user: a customer refund
 * that the front desk hands on to the orders genie (which asks the stock genie), surviving a reload, with
 * the job tree saying which agent ran which skill; and the HR genie showing only the pay slip of the
 * person talking, in English and Korean.
 */
import { expect, test, type Page } from '@playwright/test';
import { say, useTemplate } from './agents-helpers';
import { jobStatus, nav, openStudio, sandboxApp } from './helpers';

async function actAs(page: Page, employeeId: string) {
  await sandboxApp(page, 'HR');
  await page.getByLabel('Acting as').selectOption(employeeId);
  await expect(page.getByLabel('Acting as')).toHaveValue(employeeId);
}

async function openChat(page: Page, agent: string) {
  await nav(page, 'Chat');
  await page.getByRole('navigation', { name: 'Agents' }).getByRole('link', { name: agent }).click();
  const chat = page.getByRole('log', { name: `Conversation with ${agent}` });
  await expect(chat).toBeAttached();
  return chat;
}

test('a refund: the front desk hands on to Orders Genie, which asks Stock Genie; it survives a reload; the job tree shows who ran what', async ({ page }) => {
  await openStudio(page);
  const chat = await useTemplate(page, /Customer refund/, 'Front Desk');

  const asked = await say(page, chat, 'I want a refund for order ord-1001');
  await expect(chat).toContainText('Asking Orders Genie');
  await expect(asked).toContainText('Orders Genie');
  await expect(asked).toContainText(/items to refund/);
  const card = (await say(page, chat, '1 x MUG-CER-01')).getByRole('region', { name: 'Confirm Refund an order' });
  await expect(card).toContainText('ord-1001');
  await expect(card).toContainText('MUG-CER-01');
  const turns = chat.getByRole('listitem');
  const before = await turns.count();
  await card.getByRole('button', { name: 'Yes' }).click();
  await expect(turns).toHaveCount(before + 2);
  const done = turns.nth(before + 1);
  await expect(done).toContainText('Refunded EUR 12 on order ord-1001 (now partially_refunded); back in stock: 121 x MUG-CER-01');

  await page.reload();
  const again = page.getByRole('log', { name: 'Conversation with Front Desk' });
  await expect(again).toContainText('Refunded EUR 12 on order ord-1001');
  await expect(again.getByRole('listitem')).toHaveCount(before + 2);

  await again.getByRole('listitem').nth(before + 1).getByRole('link', { name: 'Open job' }).click();
  await expect(jobStatus(page)).toHaveText('Status: succeeded');
  const tree = page.getByRole('list', { name: 'Jobs and the agents that ran them' });
  await expect(tree).toContainText('Orders Genie');
  await expect(tree).toContainText('handed on by Front Desk');
  await expect(tree).toContainText('Refund an order');
  await expect(tree).toContainText('Check stock');
});

test('HR Genie shows the pay slip of the person talking only, in their language', async ({ page }) => {
  await openStudio(page);
  await useTemplate(page, /HR Genie/, 'HR Genie');

  await actAs(page, 'emp-003');
  let chat = await openChat(page, 'HR Genie');
  const mine = await say(page, chat, 'show my pay slip');
  await expect(mine).toContainText('Pay slip 2026-02: gross EUR 4700, tax 1128, social 940, net EUR 2632');
  await expect(mine.getByRole('link', { name: 'Open job' })).toBeVisible();

  await actAs(page, 'emp-002');
  chat = await openChat(page, 'HR Genie');
  const hers = await say(page, chat, '내 급여명세서 보여줘');
  await expect(hers).toContainText('net EUR 4256');
  await expect(hers).toContainText(/[가-힣]/);
  await expect(hers).not.toContainText('2632');

  await actAs(page, '');
  chat = await openChat(page, 'HR Genie');
  const nobody = await say(page, chat, 'show my pay slip');
  await expect(nobody).toContainText('is not an employee in the sandbox HR app');
  await expect(nobody).not.toContainText('net EUR');
});

test('ERP Genie in Korean: asks in Korean, takes "아니, 국가는 …" as a correction, and registers on "네"', async ({ page }) => {
  await openStudio(page);
  const chat = await useTemplate(page, /ERP Genie/, 'ERP Genie');
  await expect(await say(page, chat, '거래처 등록해줘')).toContainText(/[가-힣]/);
  await say(page, chat, '한빛상사');
  const card = (await say(page, chat, 'KR')).getByRole('region', { name: 'Confirm Register a vendor' });
  await expect(card).toContainText('KR');
  const fixed = (await say(page, chat, '아니, 국가는 JP')).getByRole('region', { name: 'Confirm Register a vendor' });
  await expect(fixed).toContainText('JP');
  await expect(fixed).toContainText('한빛상사');
  const done = await say(page, chat, '네');
  await expect(done).toContainText('한빛상사');
  await expect(done).toContainText(/완료/);
  await expect(done.getByRole('link', { name: 'Open job' })).toBeVisible();
  await sandboxApp(page, 'ERP');
  const row = page.getByRole('table', { name: 'Vendors' }).getByRole('row').filter({ hasText: '한빛상사' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('JP');
});
