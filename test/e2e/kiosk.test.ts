/**
 * The kiosk end to end: Debian's Chromium (playwright-core, never a downloaded browser) drives the
 * built renderer in browser mode, against the real services — rules, OCR, the check log in SQLite,
 * and a real pcscd with the vpcd virtual reader and a virtual My Number Card.
 * Each outcome's screenshot goes to test-results/screens/ (and docs/screens/ with UPDATE_SCREENS=1).
 */
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { ensureRendererBuilt, openDesk, rendererDir, saveScreen } from './desk-browser.ts';
import { emptyDesk } from './empty-desk.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../src/main/clock.ts';
import { createServices, type Services } from '../../src/main/composition.ts';
import { createHandlers } from '../../src/main/ipc/handlers.ts';
import { appRoot } from '../../src/main/paths.ts';
import { startWebServer, type WebServer } from '../../src/main/web/server.ts';
import { buildPack } from '../../src/main/rule-packs/pack-file.ts';
import { installedPacks, loadBuiltIn } from '../../src/main/rule-packs/rule-set.ts';
import { toWareki } from '../../src/shared/dates/desk-date.ts';
import { insurerCheckDigit } from '../../src/shared/domain/insurer-number.ts';
import { planDocument, renderHtml } from '../fixtures/documents/generate.ts';
import { Pcscd } from '../virtual-card/daemon.ts';
import { testRoot, writeCaPem, authCertificate } from '../virtual-card/pki.ts';
import { VirtualMyNumberCard } from '../virtual-card/mynumber-card.ts';
import { VirtualSlot } from '../virtual-card/vpcd.ts';

const tmp = mkdtempSync(join(tmpdir(), 'uketsuke-e2e-'));
const daemon = new Pcscd();
const slot = new VirtualSlot();
let services: Services;
let server: WebServer;
let browser: Browser;
let page: Page;
/** Requests the page tried to send beyond this machine (there must be none). */
let leaving: string[] = [];
const today = todayInJapan();
const inYears = (n: number) => `${Number(today.slice(0, 4)) + n}${today.slice(4)}`;
/** A 国保 保険者番号 with a correct 検証番号. */
const kokuho = `13860${insurerCheckDigit('13860')}`;

async function shot(name: string, fullPage = false): Promise<void> {
  const png = await page.screenshot({ fullPage, animations: 'disabled', caret: 'hide' });
  saveScreen(name, png);
}

async function makeCard(): Promise<VirtualMyNumberCard> {
  const root = await testRoot();
  const { der, holder } = await authCertificate({ expiry: inYears(3) });
  return new VirtualMyNumberCard({ authCert: der, authCaCert: root.der, authKey: holder.privateKey });
}

/** Back to an empty waiting screen: Esc, and a check in progress abandoned (it asks first). */
async function home(): Promise<void> {
  await emptyDesk(page);
}

async function setOnlineCheck(mode: 'available' | 'unavailable' | 'down'): Promise<void> {
  await page.getByRole('button', { name: /^設定$/ }).click();
  await page.locator(`input[name="onlineCheck"][value="${mode}"]`).check();
  await page.getByRole('button', { name: /^保存/ }).click();
  await page.getByRole('status').filter({ hasText: '保存しました' }).waitFor();
  await home();
}

async function patient(birthDate: string, insurer: string): Promise<void> {
  await page.locator('#patient-birth').fill(birthDate);
  await page.locator('#patient-insurer').selectOption(insurer);
}

const verdict = () => page.getByTestId('verdict');

async function finish(): Promise<void> {
  await page.getByRole('button', { name: /^完了して記録/ }).click();
  await page.locator('.toast').filter({ hasText: '記録しました' }).waitFor();
  await page.locator('#prompt').waitFor();
  await page.locator('.toast').waitFor({ state: 'detached' });
}

/**
 * The app's resources with a test publisher key, and a pack signed with it installed and in force
 * today (one rule reworded), so the rules viewer has "what changed" to show.
 */
function installTestPack(): string {
  const resourcesDir = join(tmp, 'resources');
  cpSync(join(appRoot(), 'resources', 'rules'), join(resourcesDir, 'rules'), { recursive: true });
  cpSync(join(appRoot(), 'resources', 'jpki-ca'), join(resourcesDir, 'jpki-ca'), { recursive: true });
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(
    join(resourcesDir, 'rules', 'keys', 'e2e-publisher.pem'),
    publicKey.export({ type: 'spki', format: 'pem' }),
  );
  const builtIn = loadBuiltIn(resourcesDir);
  const book = structuredClone(builtIn.rulebook);
  book.version = `${builtIn.info.version}-1`;
  const r07 = book.rules.find((r) => r.id === 'R-07')!;
  r07.statement = { ja: `${r07.statement.ja}（猶予期間の説明を更新）`, en: `${r07.statement.en} (wording updated)` };
  const dir = join(tmp, 'pack');
  mkdirSync(dir);
  writeFileSync(join(dir, 'rulebook.json'), JSON.stringify(book));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      packId: builtIn.info.packId,
      version: book.version,
      published: today,
      effective: today,
      files: [{ path: 'rulebook.json' }],
    }),
  );
  installedPacks(resourcesDir, join(tmp, 'data'), builtIn).import(
    buildPack(dir, privateKey.export({ type: 'pkcs8', format: 'pem' }), 'e2e-publisher'),
  );
  return resourcesDir;
}

beforeAll(async () => {
  ensureRendererBuilt();
  await daemon.start();
  const caPath = writeCaPem(await testRoot(), join(tmp, 'test-ca.pem'));
  const resourcesDir = installTestPack();
  services = createServices({ resourcesDir, dataDir: join(tmp, 'data'), extraCaFiles: [caPath] });
  server = await startWebServer({
    handlers: createHandlers(services, { appVersion: 'e2e', mode: 'browser' }),
    rendererDir: rendererDir(),
  });
  ({ browser, page, leaving } = await openDesk(server.launchUrl));
}, 60_000);

afterEach(async () => {
  // Whatever a test left in the slot is pulled before the next one.
  await slot.remove();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await services?.close();
  await slot.remove();
  await daemon.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('kiosk in Chromium against the real services', () => {
  it('waiting screen: the instruction and the live reader status', async () => {
    await expect
      .poll(() => page.getByTestId('reader-status').textContent(), { timeout: 10_000 })
      .toContain('カードリーダー準備完了');
    expect(page.url()).not.toContain('token=');
    await shot('waiting');
  });

  it('manual entry: a 資格確認書 typed in → 使えます, logged, back to waiting', async () => {
    await page.keyboard.press('3');
    await page.locator('#manual-kind').selectOption('qualification_certificate');
    await page.locator('#manual-name').fill('受付　花子');
    await page.locator('#manual-birthDate').fill('1985-04-02');
    await page.locator('#manual-insurerNumber').fill(kokuho);
    await page.locator('#manual-symbol').fill('千代田');
    await page.locator('#manual-number').fill('1234');
    await page.locator('#manual-expiry').fill(inYears(1));
    await page.locator('#manual-burdenRatio').selectOption('0.3');
    await page.keyboard.press('Enter');
    await expect.poll(() => verdict().getAttribute('data-decision')).toBe('accept');
    expect(await page.locator('#patient-insurer').inputValue()).toBe('kokuho');
    expect(await verdict().textContent()).toContain('3割');
    await shot('outcome-accept');
    await finish();
    const logged = services.store.searchChecks({ name: '花子' });
    expect(logged).toHaveLength(1);
    expect(logged[0]!.verdict.decision).toBe('accept');
    expect(logged[0]!.documents[0]).toMatchObject({
      kind: 'qualification_certificate',
      source: 'manual',
      fields: { insurerNumber: kokuho },
    });
  });

  it('a 資格確認書 with the 特別療養費 mark → 10割負担', async () => {
    await page.keyboard.press('3');
    await page.locator('#manual-birthDate').fill('1970-01-15');
    await page.locator('#manual-insurerNumber').fill(kokuho);
    await page.locator('#manual-expiry').fill(inYears(1));
    await page.locator('#manual-specialMedicalExpense').check();
    await page.getByRole('button', { name: /^追加する/ }).click();
    await expect.poll(() => verdict().getAttribute('data-decision')).toBe('self_pay');
    await shot('outcome-self-pay');
    await home();
  });

  it('Enter while the facts just typed are judged: carried out for the decision on screen, a changed one shown first', async () => {
    const typeCertificate = async (name: string) => {
      await page.keyboard.press('3');
      await page.locator('#manual-kind').selectOption('qualification_certificate');
      await page.locator('#manual-name').fill(name);
      await page.locator('#manual-birthDate').fill('1985-04-02');
      await page.locator('#manual-insurerNumber').fill(kokuho);
      await page.locator('#manual-expiry').fill(inYears(1));
      await page.locator('#manual-burdenRatio').selectOption('0.3');
      await page.keyboard.press('Enter');
      await expect.poll(() => verdict().getAttribute('data-decision')).toBe('accept');
    };
    // The real rules answer, a second and a half late: the judging a loaded desk PC can take.
    const slow = async (route: Route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    };
    await page.route('**/api/rules:evaluateDraft', slow);
    try {
      await typeCertificate('判定中　一郎');
      // The name is not a fact the rules read: the verdict stays on screen while it is typed.
      await page.locator('#patient-name').fill('判定中　一郎さん');
      expect(await page.getByTestId('verdict-pending').count()).toBe(0);
      // A birth date the decision does not turn on, then Enter at once: kept, not dropped.
      await page.locator('#patient-birth').fill('1986-05-05');
      await page.getByTestId('verdict-pending').waitFor();
      await page.getByRole('button', { name: /^完了して記録/ }).press('Enter');
      await page.locator('.toast').filter({ hasText: '記録しました' }).waitFor({ timeout: 10_000 });
      await page.locator('#prompt').waitFor();
      const kept = services.store.searchChecks({ name: '判定中　一郎さん' });
      expect(kept.map((c) => [c.verdict.decision, c.patient.birthDate])).toEqual([['accept', '1986-05-05']]);

      // A birth date that changes the decision (80: 後期高齢者, not 国保): Enter does not log the
      // verdict staff have not seen; it is shown, and a second Enter logs it.
      await typeCertificate('判定中　二郎');
      await page.locator('#patient-birth').fill(`${Number(today.slice(0, 4)) - 80}-01-01`);
      const finishButton = page.getByRole('button', { name: /^完了して記録/ });
      await finishButton.press('Enter');
      await expect.poll(() => verdict().getAttribute('data-decision'), { timeout: 10_000 }).not.toBe('accept');
      const shown = await verdict().getAttribute('data-decision');
      // The kept Enter has run its course (not busy any more) and logged nothing; the check stays.
      await expect.poll(() => finishButton.getAttribute('aria-busy')).toBe('false');
      expect(services.store.searchChecks({ name: '判定中　二郎' })).toEqual([]);
      expect(await page.locator('form.check').count()).toBe(1);
      // The focus stays on the finish action (a disabled button would have dropped it to the page).
      expect(await page.evaluate<string>("document.activeElement?.closest('button')?.textContent ?? ''")).toContain(
        '完了して記録',
      );
      await page.keyboard.press('Enter');
      await page.locator('.toast').filter({ hasText: '記録しました' }).waitFor({ timeout: 10_000 });
      expect(services.store.searchChecks({ name: '判定中　二郎' }).map((c) => c.verdict.decision)).toEqual([shown]);
      await page.locator('.toast').waitFor({ state: 'detached' });
    } finally {
      await page.unroute('**/api/rules:evaluateDraft', slow);
    }
  });

  it('a verdict that arrives under the abandon question leaves the focus on 「戻る」: Enter keeps the check', async () => {
    const slow = async (route: Route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    };
    await page.route('**/api/rules:evaluateDraft', slow);
    try {
      await page.keyboard.press('3');
      await page.locator('#manual-kind').selectOption('qualification_certificate');
      await page.locator('#manual-name').fill('質問中　三郎');
      await page.locator('#manual-birthDate').fill('1985-04-02');
      await page.locator('#manual-insurerNumber').fill(kokuho);
      await page.locator('#manual-expiry').fill(inYears(1));
      await page.locator('#manual-burdenRatio').selectOption('0.3');
      await page.keyboard.press('Enter');
      await page.getByTestId('verdict-pending').waitFor();
      // Esc before the verdict is in: the question opens, then the verdict arrives under it.
      await page.keyboard.press('Escape');
      await page.locator('.dialog').waitFor();
      await expect.poll(() => verdict().getAttribute('data-decision'), { timeout: 10_000 }).toBe('accept');
      expect(await page.evaluate<string>("document.activeElement?.textContent ?? ''")).toBe('戻る (Esc)');
      await page.keyboard.press('Enter');
      await page.locator('.dialog').waitFor({ state: 'detached' });
      expect(await page.locator('#patient-name').inputValue()).toBe('質問中　三郎');
      expect(services.store.searchChecks({ name: '質問中' })).toEqual([]);
      // Answered, the check takes the focus to its next step (the verdict is in: 完了して記録).
      await expect
        .poll(() => page.evaluate<string>("document.activeElement?.closest('button')?.textContent ?? ''"))
        .toContain('完了して記録');
    } finally {
      await page.unroute('**/api/rules:evaluateDraft', slow);
    }
    await home();
    expect(services.store.searchChecks({ name: '質問中' })).toEqual([]);
  });

  it('virtual card at a facility with online checks → オンライン資格確認で確認', async () => {
    await setOnlineCheck('available');
    await slot.insert(await makeCard());
    await page.getByTestId('card-panel').waitFor({ timeout: 15_000 });
    expect(await page.locator('.documents li').first().textContent()).toContain('マイナンバーカード');
    await patient('1958-07-07', 'kyokai');
    await expect.poll(() => verdict().getAttribute('data-decision')).toBe('check_online');
    await shot('outcome-check-online');
    // The same check on a full-HD desk screen.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot('outcome-check-online-1920x1080');
    await page.setViewportSize({ width: 1280, height: 800 });
    // Pulled and placed again: the check stays on screen, no flash of the waiting screen.
    await slot.remove();
    await page.waitForTimeout(1500);
    expect(await verdict().getAttribute('data-decision')).toBe('check_online');
    await finish();
  });

  it('fallback: online check down with only the card → 追加の書類 / 申立書, printable and pre-filled', async () => {
    await setOnlineCheck('down');
    await slot.insert(await makeCard());
    await page.getByTestId('card-panel').waitFor({ timeout: 15_000 });
    await page.locator('#patient-name').fill('申立　次郎');
    await patient('1990-12-01', 'kokuho');
    await expect.poll(() => verdict().getAttribute('data-decision')).toBe('need_more');
    expect(await verdict().textContent()).toContain('被保険者資格申立書');
    await shot('outcome-need-more');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('declaration').textContent()).toContain('申立　次郎');
    await shot('declaration-print');
    await page.emulateMedia({ media: 'screen' });
    await finish();
    await slot.remove();
  });

  it('paper: a generated 資格確認書 image → OCR review with fields to confirm → verdict', async () => {
    await setOnlineCheck('unavailable');
    const { truth, html } = planDocument(7, 0, ['qualification_certificate'], 'noto');
    const render = await browser.newPage({ deviceScaleFactor: 2 });
    const png = await renderHtml(render, html, truth.size);
    await render.close();
    const file = join(tmp, 'qc.png');
    writeFileSync(file, png);
    await page.keyboard.press('2');
    await page.getByTestId('file-input').setInputFiles(file);
    await page.locator('#review-kind').waitFor({ timeout: 30_000 });
    expect(await page.locator('#review-kind').inputValue()).toBe('qualification_certificate');
    // Dates are shown in 和暦, the field echoing the day it read.
    if (truth.fields.expiry)
      expect(await page.getByTestId('review-expiry-note').textContent()).toContain(toWareki(truth.fields.expiry)!);
    await shot('ocr-review');
    await page.getByRole('button', { name: /^この内容で確定/ }).click();
    if (!(await page.locator('#patient-insurer').inputValue()))
      await page.locator('#patient-insurer').selectOption('kokuho');
    if (!(await page.locator('#patient-birth').inputValue())) await page.locator('#patient-birth').fill('1980-01-01');
    await expect.poll(() => verdict().getAttribute('data-decision')).toMatch(/accept|need_more/);
    await finish();
    // The review may take up to 30 s on a loaded machine (above): the test allows that and the rest.
  }, 60_000);

  it('a card pulled mid-read: one clear message, then the waiting screen again', async () => {
    const card = await makeCard();
    card.faults.pullAfter = 4;
    await slot.insert(card);
    const banner = page.locator('.banner.error').filter({ hasText: 'カードが読み取り中に抜かれました' });
    await banner.waitFor({ timeout: 15_000 });
    await shot('card-pulled');
    await banner.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.locator('#prompt').count()).toBe(1);
  });

  it('the log shows the day’s checks; the CSV export masks the insurer number', async () => {
    await page.getByRole('button', { name: /^記録$/ }).click();
    await page.locator('table.entries').waitFor();
    expect(await page.locator('table.entries tbody tr').count()).toBeGreaterThanOrEqual(4);
    await shot('log');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^CSVで書き出す/ }).click();
    const path = await (await download).path();
    const csv = (await import('node:fs')).readFileSync(path, 'utf8');
    expect(csv).not.toContain(kokuho);
    await home();
  });

  it('the rules viewer: the pack in force, search, sources as text', async () => {
    await page.getByRole('button', { name: /^ルール$/ }).click();
    await page.getByTestId('active-pack').waitFor();
    expect(await page.getByTestId('active-pack').textContent()).toMatch(/jp\.uketsuke\.national \d{4}\.\d{2}\.\d{2}-1/);
    expect(await page.locator('.changes').textContent()).toContain('R-07');
    const all = await page.locator('.rule-list > li').count();
    await page.locator('#rules-kind').selectOption('qualification_certificate');
    await expect.poll(() => page.locator('.rule-list > li').count()).toBeLessThan(all);
    await page.locator('#rules-kind').selectOption('');
    await page.locator('#rules-text').fill('資格確認書');
    await expect.poll(() => page.locator('.rule-list > li[data-rule="R-04"]').count()).toBe(1);
    expect(await page.locator('a').count()).toBe(0);
    await shot('rules-viewer');
    await home();
  });

  it('settings, English, staff lock', async () => {
    await page.getByRole('button', { name: /^設定$/ }).click();
    await page.locator('#staff-name').fill('管理　一郎');
    await page.locator('#staff-role').selectOption('admin');
    await page.locator('#staff-pin').fill('2468');
    await page.getByRole('button', { name: 'スタッフを追加' }).click();
    await page.locator('.settings li').filter({ hasText: '管理　一郎' }).waitFor();
    await shot('settings', true);
    await page.getByRole('button', { name: 'English' }).click();
    await home();
    await shot('waiting-en');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('button', { name: /^ロック/ }).click();
    await page.getByRole('heading', { name: 'ロック中' }).waitFor();
    await shot('lock');
    await page.locator('#lock-pin').fill('2468');
    await page.keyboard.press('Enter');
    await page.locator('#prompt').waitFor();
  });

  it('no screen tried to reach beyond this machine', () => {
    expect(leaving).toEqual([]);
  });
});
