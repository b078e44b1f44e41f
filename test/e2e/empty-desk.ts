import type { Page } from 'playwright-core';

/**
 * Back to the waiting screen with no check left behind, as staff would: Esc asks before a check
 * or a typed form is dropped, and a check set aside waits as 受付中 until 破棄 is pressed.
 */
export async function emptyDesk(page: Page): Promise<void> {
  for (
    let i = 0;
    i < 6 && ((await page.locator('#prompt').count()) === 0 || (await page.locator('.dialog').count()) > 0);
    i++
  ) {
    if ((await page.locator('.dialog button.danger').count()) > 0) await page.locator('.dialog button.danger').click();
    else if ((await page.getByTestId('pending-check').count()) > 0)
      await page.getByTestId('pending-check').locator('button.danger').click();
    else await page.keyboard.press('Escape');
    await page.waitForTimeout(50);
  }
  await page.locator('#prompt').waitFor();
}
