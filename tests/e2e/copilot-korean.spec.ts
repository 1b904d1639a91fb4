import { expect, test, type Page } from '@playwright/test';

/**
 * The copilot in a Korean browser: its dialogs speak Korean, a Korean request gets a Korean draft (step
 * names, assumptions), an English request still gets an English one, and Explain answers in the studio's
 * language. Basic mode (headless Chromium has no WebGPU), so no model is needed.
 */
test.use({ locale: 'ko-KR' });

const HANGUL = /[\uac00-\ud7a3]/;

/** A fresh studio in Korean (the helpers' openStudio waits for an English word). */
async function openKorean(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('button', { name: '말로 새로 만들기' })).toBeVisible();
}

test('ko-KR: New from words is in Korean and a Korean request drafts in Korean; Explain reads it back in Korean', async ({ page }) => {
  await openKorean(page);
  await page.getByRole('button', { name: '말로 새로 만들기' }).click();
  const dialog = page.getByRole('dialog', { name: '말로 새 레시피 만들기' });
  await expect(dialog.getByText('한국어나 영어로 쓰세요')).toBeVisible();
  await expect(dialog.getByTestId('model-mode-note')).toHaveText(/^기본 모드: /);
  await expect(dialog.getByTestId('model-mode-note').getByRole('link', { name: '모델' })).toHaveAttribute('href', '/models');
  await dialog.getByLabel('레시피가 무엇을 해야 하나요?').fill('새 주문이 들어오면 각 항목마다 재고를 확인하고 5개 미만이면 창고팀에 알려줘');
  await dialog.getByRole('button', { name: '초안 만들기', exact: true }).click();

  const preview = dialog.getByRole('region', { name: '초안 미리 보기' });
  await expect(preview.getByTestId('copilot-mode')).toHaveText('기본 모드 (모델 없음)');
  // The canvas lays the draft out first (a busy machine may take a few seconds).
  await expect(preview.getByTestId('canvas')).toContainText('재고 확인', { timeout: 20_000 });
  await expect(preview.getByTestId('canvas')).toContainText('채팅에 알리기');
  await expect(dialog.getByRole('heading', { name: '가정한 내용' })).toBeVisible();
  const assumptions = dialog.getByTestId('assumptions').getByRole('listitem');
  await expect(assumptions.first()).toContainText('"새 주문이 들어오면"을(를)');
  for (const item of await assumptions.all()) await expect(item).toHaveText(HANGUL);

  await dialog.getByRole('button', { name: '레시피 만들기' }).click();
  await expect(page).toHaveURL(/\/recipes\/draft-event$/);
  await page.getByRole('button', { name: /^(설명|Explain)$/ }).click();
  const explain = page.getByRole('dialog', { name: '이 레시피가 하는 일' });
  await expect(explain.getByTestId('copilot-mode')).toHaveText('기본 모드 (모델 없음)');
  await expect(explain.getByTestId('explanation-summary')).toContainText('시작하며 단계가');
  await expect(explain.getByTestId('explanation')).toContainText('sandbox.orders에서 "order.created" 이벤트가 나면 시작합니다.');
  await expect(explain.getByTestId('explanation')).toContainText('"재고 확인": sandbox.orders의 stock get 동작을 실행합니다');
  await explain.getByRole('button', { name: '닫기' }).click();
  await expect(explain).toBeHidden();
});

test('ko-KR: an English request still gets an English draft, and words it cannot read are refused in their language', async ({ page }) => {
  await openKorean(page);
  await page.getByRole('button', { name: '말로 새로 만들기' }).click();
  const dialog = page.getByRole('dialog', { name: '말로 새 레시피 만들기' });
  const words = dialog.getByLabel('레시피가 무엇을 해야 하나요?');
  await words.fill('Every morning at 9, tell #finance');
  await words.press('Control+Enter');
  await expect(dialog.getByTestId('canvas')).toContainText('Post to chat');
  await expect(dialog.getByTestId('assumptions')).toContainText('I assumed "Every morning at 9" means the schedule cron "0 9 * * *"');

  await words.fill('안녕하세요');
  await dialog.getByRole('button', { name: '다시 만들기' }).click();
  await expect(dialog.getByRole('alert')).toContainText('이 레시피를 무엇으로 시작할지 알 수 없었습니다');
  await expect(dialog.getByRole('button', { name: '레시피 만들기' })).toBeDisabled();
  await dialog.getByRole('button', { name: '취소' }).click();
  await expect(dialog).toBeHidden();
});

test('ko-KR: the Models, Agents and Chat pages speak Korean', async ({ page }) => {
  await page.goto('/models');
  await expect(page.getByRole('heading', { name: '이 브라우저' })).toBeVisible();
  await expect(page.getByTestId('gpu-message')).toHaveText(/^이 브라우저(에는 WebGPU가 없어|는 WebGPU를 알지만)/);
  await expect(page.getByTestId('mode-sentence')).toHaveText(/^기본 모드: /);
  await expect(page.getByLabel('모델 기본 주소')).toBeVisible();

  await page.goto('/agents');
  await expect(page.getByRole('button', { name: '새 에이전트' })).toBeVisible();
  await expect(page.getByText('아직 에이전트가 없습니다')).toBeVisible();
  await page.getByRole('button', { name: '새 에이전트' }).click();
  const editor = page.getByRole('dialog', { name: '새 에이전트' });
  await expect(editor.getByRole('button', { name: '에이전트 만들기' })).toBeVisible();
  await editor.getByRole('button', { name: '취소' }).click();

  await page.goto('/chat');
  await expect(page.getByRole('heading', { name: '앱 채널' })).toBeVisible();
  await expect(page.getByRole('button', { name: '모든 채널' })).toBeVisible();
  await expect(page.getByText('아직 메시지가 없습니다.')).toBeVisible();
});
