/** What the agents' and chat's browser tests share: installing an agent template and talking in its chat. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Press Use template on an agent template card; the agent's chat opens. */
export async function useTemplate(page: Page, title: RegExp, agent: string): Promise<Locator> {
  await page.getByRole('article', { name: title }).getByRole('button', { name: 'Use template' }).click();
  await expect(page).toHaveURL(/\/chat\?(agent|conversation)=/);
  const chat = page.getByRole('log', { name: `Conversation with ${agent}` });
  // An empty log has no height: it is there, not yet visible.
  await expect(chat).toBeAttached();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  return chat;
}

/** Say something in the open chat and wait for the agent's answer; answers the newest agent turn. */
export async function say(page: Page, chat: Locator, text: string): Promise<Locator> {
  const turns = chat.getByRole('listitem');
  const before = await turns.count();
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
  await expect(turns.nth(before)).toContainText(text);
  await expect(turns).not.toHaveCount(before + 1);
  await expect(chat.getByText('sending…')).toHaveCount(0);
  return turns.last();
}
