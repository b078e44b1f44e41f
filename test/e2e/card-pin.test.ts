/**
 * The card's PIN steps end to end, in Debian's Chromium against browser mode with the real
 * services, a real pcscd (vpcd) and a virtual My Number Card whose two PINs differ: the patient
 * proves genuineness with the 利用者証明用 PIN, mistypes the 券面事項入力補助 PIN once, then reads
 * the 基本4情報 — all under the page's real CSP (form-action 'none'). Also the reader's lifecycle
 * as the desk sees it: pcscd absent at start, then started; "no card reader at this desk".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureRendererBuilt, openDesk, rendererDir } from './desk-browser.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../src/main/clock.ts';
import { createServices, type Services } from '../../src/main/composition.ts';
import { createHandlers } from '../../src/main/ipc/handlers.ts';
import { startWebServer, type WebServer } from '../../src/main/web/server.ts';
import { Pcscd } from '../virtual-card/daemon.ts';
import { VirtualMyNumberCard } from '../virtual-card/mynumber-card.ts';
import { authCertificate, testRoot, writeCaPem } from '../virtual-card/pki.ts';
import { VirtualSlot } from '../virtual-card/vpcd.ts';

const tmp = mkdtempSync(join(tmpdir(), 'uketsuke-e2e-pin-'));
const daemon = new Pcscd();
const slot = new VirtualSlot();
let services: Services;
let server: WebServer;
let browser: Browser;
let page: Page;
const today = todayInJapan();

const readerStatus = () => page.getByTestId('reader-status').textContent();

beforeAll(async () => {
  ensureRendererBuilt();
  // pcscd is NOT started here: the desk opens before the PC/SC service runs.
  await daemon.stop();
  const caPath = writeCaPem(await testRoot(), join(tmp, 'test-ca.pem'));
  services = createServices({ dataDir: join(tmp, 'data'), extraCaFiles: [caPath] });
  server = await startWebServer({
    handlers: createHandlers(services, { appVersion: 'e2e', mode: 'browser' }),
    rendererDir: rendererDir(),
  });
  ({ browser, page } = await openDesk(server.launchUrl));
}, 60_000);

afterEach(async () => {
  // Whatever a test left in the slot (a failed step) is pulled before the next one.
  await slot.remove();
});

afterAll(async () => {
  await slot.remove();
  await browser?.close();
  await server?.close();
  await services?.close();
  await daemon.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('card PIN steps and reader lifecycle in Chromium', () => {
  it('pcscd absent at start: the waiting screen says so, then recovers by itself when pcscd starts', async () => {
    await expect.poll(readerStatus, { timeout: 10_000 }).toContain('カードリーダーのサービス（PC/SC）が動いていません');
    await daemon.start();
    await expect.poll(readerStatus, { timeout: 20_000 }).toContain('カードリーダー準備完了');
  }, 40_000);

  it('真正性 with the 利用者証明用 PIN, then the 基本4情報 with the other PIN (one mistake kept to its own step)', async () => {
    const root = await testRoot();
    const expiry = `${Number(today.slice(0, 4)) + 3}${today.slice(4)}`;
    const { der, holder } = await authCertificate({ expiry });
    const card = new VirtualMyNumberCard({
      authCert: der,
      authCaCert: root.der,
      authKey: holder.privateKey,
      authPin: '1234',
      basicInfoPin: '5678',
    });
    await slot.insert(card);
    await page.getByTestId('card-panel').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('card-genuine').textContent()).toContain('真正性は未確認');
    // A verdict on screen, so that an Enter reaching the check form would finish (and log) the check.
    await page.locator('#patient-birth').fill('1958-07-07');
    await page.locator('#patient-insurer').selectOption('kyokai');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-decision')).toBeTruthy();
    const logged = () => services.store.searchChecks({}).length;
    const before = logged();

    // Step 1: the 利用者証明用 PIN, submitted with Enter (which must not finish the check).
    await page.locator('#card-pin-auth').fill('1234');
    await page.locator('#card-pin-auth').press('Enter');
    await expect
      .poll(() => page.getByTestId('card-genuine').textContent(), { timeout: 15_000 })
      .toBe('本物のカードと確認しました');
    expect(await page.locator('#prompt').count()).toBe(0);
    expect(logged()).toBe(before);
    expect(await page.getByTestId('pin-step-auth').count()).toBe(0);
    expect(card.pin('kenhojo', 0x11)?.tries).toBe(3);

    // Step 2: a wrong 券面事項入力補助 PIN costs one try of that key only; genuineness stays.
    await page.locator('#card-pin-basic-info').fill('1234');
    await page.getByRole('button', { name: '基本4情報を読む' }).click();
    await expect
      .poll(() => page.getByTestId('pin-step-basicInfo').textContent(), { timeout: 15_000 })
      .toContain('暗証番号が違います（残り2回）');
    expect(await page.getByTestId('card-genuine').textContent()).toBe('本物のカードと確認しました');
    expect(card.pin('kenhojo', 0x11)?.tries).toBe(2);
    expect(card.pin('jpki', 0x18)?.tries).toBe(3);

    await page.locator('#card-pin-basic-info').fill('5678');
    await page.getByRole('button', { name: '基本4情報を読む' }).click();
    await expect.poll(() => page.getByTestId('card-holder').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('card-holder').textContent()).toContain('山田　太郎');
    expect(await page.getByTestId('card-genuine').textContent()).toBe('本物のカードと確認しました');
    expect(card.pin('kenhojo', 0x11)?.tries).toBe(3);

    // Every PIN attempt right after its own counter read.
    card.trace.forEach((e, i) => {
      if (/^VERIFY \w+ \*\*\*\*/.test(e.summary))
        expect(card.trace[i - 1]!.summary).toBe(e.summary.replace('****', '(empty)'));
    });
    await slot.remove();
    // Esc on a check with a document asks before abandoning it.
    await page.keyboard.press('Escape');
    await page.locator('.dialog button.danger').click();
    await page.locator('#prompt').waitFor();
  }, 60_000);

  it('"no card reader at this desk" in the settings closes PC/SC and says so; turned off, the reader is back', async () => {
    const setNoReader = async (on: boolean) => {
      await page.getByRole('button', { name: /^設定$/ }).click();
      await page.locator('#settings-no-card-reader').setChecked(on);
      await page.getByRole('button', { name: /^保存/ }).click();
      await page.getByRole('status').filter({ hasText: '保存しました' }).waitFor();
      await page.keyboard.press('Escape');
      await page.locator('#prompt').waitFor();
    };
    await setNoReader(true);
    await expect.poll(readerStatus, { timeout: 10_000 }).toContain('カードリーダーを使わない設定');
    expect(services.card.snapshot()).toMatchObject({ service: 'disabled', readers: [] });
    await setNoReader(false);
    await expect.poll(readerStatus, { timeout: 20_000 }).toContain('カードリーダー準備完了');
  }, 40_000);
});
