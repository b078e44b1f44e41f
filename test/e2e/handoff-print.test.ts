/**
 * At the desk, in Debian's Chromium against the real services (browser mode): a check finished and
 * handed to the レセコン with 「レセコンへ送る」 against a local server answering as ORCA documents;
 * the XML saved as a file; the 被保険者資格申立書 and the 電子証明書 renewal slip printed to PDF
 * (A4), rendered to PNG with pdftoppm and checked (one page, not blank, the key text in the DOM).
 * The PNGs go to test-results/screens/ (and docs/screens/ with UPDATE_SCREENS=1).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyDesk } from './empty-desk.ts';
import type { Browser, Page } from 'playwright-core';
import { ensureRendererBuilt, openDesk, rendererDir, saveScreen } from './desk-browser.ts';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../src/main/clock.ts';
import { createServices, type Services } from '../../src/main/composition.ts';
import { createHandlers } from '../../src/main/ipc/handlers.ts';
import { startWebServer, type WebServer } from '../../src/main/web/server.ts';
import { addDays } from '../../src/shared/domain/dates.ts';
import { insurerCheckDigit } from '../../src/shared/domain/insurer-number.ts';
import { formatWareki } from '../../src/shared/domain/wareki.ts';
import { FakeOrca } from '../handoff/orca-server.ts';
import { Pcscd } from '../virtual-card/daemon.ts';
import { authCertificate, testRoot, writeCaPem } from '../virtual-card/pki.ts';
import { VirtualMyNumberCard } from '../virtual-card/mynumber-card.ts';
import { VirtualSlot } from '../virtual-card/vpcd.ts';

const tmp = mkdtempSync(join(tmpdir(), 'uketsuke-handoff-e2e-'));
const daemon = new Pcscd();
const slot = new VirtualSlot();
const orca = new FakeOrca('ormaster', 'desk-pw-2026');
let services: Services;
let server: WebServer;
let browser: Browser;
let page: Page;
let leaving: string[] = [];
/** Uncaught errors in the page (a screen that crashed shows nothing: this says why). */
let pageErrors: string[] = [];
const today = todayInJapan();
const inYears = (n: number) => `${Number(today.slice(0, 4)) + n}${today.slice(4)}`;
const kyokai = `0113001${insurerCheckDigit('0113001')}`;

async function home(): Promise<void> {
  await emptyDesk(page);
}

async function setOnlineCheck(mode: 'available' | 'unavailable' | 'down'): Promise<void> {
  await page.getByRole('button', { name: /^設定$/ }).click();
  await page.locator(`input[name="onlineCheck"][value="${mode}"]`).check();
  await page.getByRole('button', { name: /^保存/ }).click();
  await page.getByRole('status').filter({ hasText: '保存しました' }).first().waitFor();
  await home();
}

async function finish(): Promise<void> {
  await page.getByRole('button', { name: /^完了して記録/ }).click();
  await page.locator('.toast').filter({ hasText: '記録しました' }).waitFor();
  await page.locator('#prompt').waitFor();
  await page.locator('.toast').waitFor({ state: 'detached' });
}

async function card(expiry: string): Promise<VirtualMyNumberCard> {
  const root = await testRoot();
  const { der, holder } = await authCertificate({ expiry });
  return new VirtualMyNumberCard({ authCert: der, authCaCert: root.der, authKey: holder.privateKey });
}

/**
 * Prints the page as the app would (A4, print CSS, only `which`), renders the PDF to PNG with
 * pdftoppm, and checks it: one page, A4, not blank. Returns the PNG.
 */
async function printToPng(which: 'declaration' | 'renewal', name: string): Promise<Buffer> {
  await page.evaluate(`document.body.dataset.printing = '${which}'`);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.evaluate('delete document.body.dataset.printing');
  const pdfFile = join(tmp, `${name}.pdf`);
  writeFileSync(pdfFile, pdf);
  const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
  expect(info).toMatch(/^Pages:\s+1$/m);
  // A4 is 595 × 842 pt.
  expect(info).toMatch(/^Page size:.*\(A4\)$/m);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdfFile, join(tmp, name)]);
  const png = readFileSync(join(tmp, `${name}.png`));
  const stats = await sharp(png).greyscale().stats();
  const { width, height } = await sharp(png).metadata();
  expect(height! / width!).toBeCloseTo(297 / 210, 1);
  // Not blank: a real share of dark pixels (text and the form's lines), and not a black page.
  expect(stats.channels[0]!.mean).toBeLessThan(250);
  expect(stats.channels[0]!.mean).toBeGreaterThan(150);
  saveScreen(name, png);
  return png;
}

beforeAll(async () => {
  ensureRendererBuilt();
  await daemon.start();
  const caPath = writeCaPem(await testRoot(), join(tmp, 'test-ca.pem'));
  const orcaUrl = await orca.start();
  services = createServices({ dataDir: join(tmp, 'data'), extraCaFiles: [caPath] });
  server = await startWebServer({
    handlers: createHandlers(services, { appVersion: 'e2e', mode: 'browser' }),
    rendererDir: rendererDir(),
  });
  ({ browser, page, leaving, pageErrors } = await openDesk(server.launchUrl, { acceptDownloads: true }));
  (globalThis as { orcaUrl?: string }).orcaUrl = orcaUrl;
}, 90_000);

afterEach(async () => {
  await slot.remove();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await services?.close();
  await orca.stop();
  await slot.remove();
  await daemon.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('hand-off and printouts in Chromium', () => {
  it('a finished check goes to the レセコン only when staff press 「レセコンへ送る」', async () => {
    await page.keyboard.press('3');
    await page.locator('#manual-kind').selectOption('qualification_certificate');
    await page.locator('#manual-name').fill('送信　花子');
    await page.locator('#manual-birthDate').fill('1985-04-02');
    await page.locator('#manual-insurerNumber').fill(kyokai);
    await page.locator('#manual-symbol').fill('1234');
    await page.locator('#manual-number').fill('56');
    await page.locator('#manual-branch').fill('01');
    await page.locator('#manual-expiry').fill(inYears(1));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-decision')).toBe('accept');
    await finish();
    expect(orca.received).toHaveLength(0);

    // Off by default: the log offers the file only.
    await page.getByRole('button', { name: /^記録$/ }).click();
    await page.locator('table.entries').waitFor();
    const row = page.locator('table.entries tbody tr').filter({ hasText: '送信　花子' });
    await row.getByRole('button', { name: 'レセコンへ送る' }).click();
    await page.getByTestId('handoff-panel').waitFor();
    expect(await page.getByRole('button', { name: 'レセコンへ送信' }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('handoff-panel').waitFor({ state: 'detached' });
    await home();

    // Configure ORCA in the settings.
    await page.getByRole('button', { name: /^設定$/ }).click();
    await page.locator('#orca-enabled').check();
    await page.locator('#orca-url').fill((globalThis as { orcaUrl?: string }).orcaUrl!);
    await page.locator('#orca-user').fill('ormaster');
    await page.locator('#orca-password').fill('desk-pw-2026');
    await page.getByRole('button', { name: 'レセコン連携を保存' }).click();
    await page
      .getByTestId('orca-settings')
      .getByRole('status')
      .filter({ hasText: 'レセコン連携を保存しました' })
      .waitFor();
    expect(await page.locator('#orca-password').inputValue()).toBe('');
    await home();

    await page.getByRole('button', { name: /^記録$/ }).click();
    await row.getByRole('button', { name: 'レセコンへ送る' }).click();
    await page.locator('#handoff-sex').selectOption('2');
    await page.locator('#handoff-relation').selectOption('1');
    await page.locator('#handoff-kana').fill('ソウシン ハナコ');
    await page.locator('#handoff-payer').fill('54136015');
    await page.locator('#handoff-recipient').fill('1234567');
    await page.getByRole('button', { name: 'レセコンへ送信' }).click();
    await expect.poll(() => page.getByTestId('handoff-result').getAttribute('data-code')).toBe('ok');
    expect(await page.getByTestId('handoff-result').textContent()).toContain(
      'レセコンに登録しました（患者番号 00042）',
    );
    saveScreen('handoff-sent', await page.screenshot({ animations: 'disabled', caret: 'hide' }));
    expect(orca.received).toHaveLength(1);
    expect(orca.received[0]!.url).toBe('/orca12/patientmodv2?class=01');
    expect(orca.received[0]!.body).toContain('<WholeName type="string">送信\u3000花子</WholeName>');
    expect(orca.received[0]!.body).toContain('<WholeName_inKana type="string">ソウシン\u3000ハナコ</WholeName_inKana>');
    expect(orca.received[0]!.body).toContain(
      `<InsuranceProvider_Number type="string">${kyokai}</InsuranceProvider_Number>`,
    );
    expect(orca.received[0]!.body).toContain('<PublicInsurer_Number type="string">54136015</PublicInsurer_Number>');
    expect(await page.getByTestId('handoff-result').textContent()).toContain('公費の種類はレセコンで選んでください');

    // ORCA refusing: one clear message, the check still in the log.
    orca.behaviour = 'error';
    await page.getByRole('button', { name: 'レセコンへ送信' }).click();
    await expect.poll(() => page.getByTestId('handoff-result').getAttribute('data-code')).toBe('api_error');
    expect(await page.getByTestId('handoff-result').textContent()).toContain('保険者番号が存在しません');
    orca.behaviour = 'ok';

    // The file way out: the same XML, downloaded.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'XMLファイルに保存' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^\d{8}-check\d+-patientmodv2-class01\.xml$/);
    expect(readFileSync((await file.path())!, 'utf8')).toContain('<patientmodreq type="record">');
    await page.getByRole('button', { name: '閉じる' }).click();
    expect(services.store.searchChecks({ name: '送信' })).toHaveLength(1);
    await home();
  }, 60_000);

  it('the 被保険者資格申立書 prints on one A4 page, pre-filled and with room to write', async () => {
    await setOnlineCheck('down');
    await slot.insert(await card(inYears(3)));
    await page.getByTestId('card-panel').waitFor({ timeout: 15_000 });
    await page.locator('#patient-name').fill('申立　次郎');
    await page.locator('#patient-birth').fill('1990-12-01');
    await page.locator('#patient-insurer').selectOption('kumiai');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-decision')).toBe('need_more');
    const sheet = page.getByTestId('declaration');
    const text = (await sheet.textContent())!;
    for (const label of [
      '被保険者資格申立書',
      '受診日',
      'フリガナ',
      '生年月日',
      '性別',
      '住所',
      '電話番号',
      '国民健康保険',
      '後期高齢者医療',
      '協会けんぽ',
      '健康保険組合',
      '共済組合',
      'その他',
      '保険者番号',
      '記号・番号・枝番',
      '本人',
      '家族',
      '勤務先',
      '署名',
    ])
      expect(text, label).toContain(label);
    expect(text).toContain('申立　次郎');
    expect(text).toContain(formatWareki(today));
    expect(text).toContain('平成2年12月1日');
    expect(await sheet.locator('[data-ticked="yes"]').allTextContents()).toEqual(['✓健康保険組合']);
    await printToPng('declaration', 'declaration-a4');
    await finish();
  });

  it('a card whose 電子証明書 expired: the renewal slip says until when it works (和暦) and what to do', async () => {
    await setOnlineCheck('unavailable');
    const expiry = addDays(today, -20);
    await slot.insert(await card(expiry));
    await page.getByTestId('card-panel').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '更新のご案内を印刷' }).waitFor();
    const slip = page.getByTestId('renewal-slip');
    const text = (await slip.textContent())!;
    expect(text).toContain(`${formatWareki(expiry)}に有効期限が切れました`);
    expect(await slip.locator('[data-field="graceUntil"]').textContent()).toMatch(
      /^令和\d+年\d+月\d+日までは、マイナ保険証として使えます/,
    );
    expect(text).toContain('市区町村の窓口で、電子証明書の更新');
    expect(text).toContain('資格確認書が送られます');
    expect(await slip.locator('[lang="en"]').textContent()).toContain('renew it at your city office');
    await printToPng('renewal', 'renewal-slip-a4');
    await home();
  });

  it('no screen tried to reach beyond this machine, and none crashed', () => {
    expect(leaving).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
