/**
 * A day at the desk: many patients in a row, the way a reception desk works — card (real pcscd +
 * vpcd with the virtual My Number Card), paper (OCR of generated images) and keyboard, with the
 * mistakes desks make: leaving a check for the log and coming back, abandoning, a wrong document
 * removed, two documents that disagree, 和暦 typed in every form, an impossible date. Debian's
 * Chromium (playwright-core) drives the built renderer in browser mode against the real services.
 * At the end the log must hold exactly the finished checks, each with its own documents and
 * images and nothing of another patient. Screenshots at 1366×768: day-*.png (saveScreen).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureRendererBuilt, openDesk, rendererDir, saveScreen } from './desk-browser.ts';
import { emptyDesk as emptyDeskOf } from './empty-desk.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { todayInJapan } from '../../src/main/clock.ts';
import { createServices, type Services } from '../../src/main/composition.ts';
import { createHandlers } from '../../src/main/ipc/handlers.ts';
import { startWebServer, type WebServer } from '../../src/main/web/server.ts';
import { ageOnDate, toWareki } from '../../src/shared/dates/desk-date.ts';
import { addYears } from '../../src/shared/domain/dates.ts';
import { insurerCheckDigit } from '../../src/shared/domain/insurer-number.ts';
import { DOCUMENT_FIELDS, FIELD_INPUTS } from '../../src/shared/documents/document-fields.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/store/records.ts';
import { PAPER_KINDS } from '../../src/renderer/src/components/names.ts';
import { planDocument, renderHtml } from '../fixtures/documents/generate.ts';
import { Pcscd } from '../virtual-card/daemon.ts';
import { authCertificate, testRoot, writeCaPem } from '../virtual-card/pki.ts';
import { VirtualMyNumberCard } from '../virtual-card/mynumber-card.ts';
import { VirtualSlot } from '../virtual-card/vpcd.ts';

const DESK = { width: 1366, height: 768 };

const tmp = mkdtempSync(join(tmpdir(), 'uketsuke-day-'));
const daemon = new Pcscd();
const slot = new VirtualSlot();
let services: Services;
let server: WebServer;
let browser: Browser;
let page: Page;
let leaving: string[] = [];
const today = todayInJapan();
const inYears = (n: number) => addYears(today, n);
/** 和暦 as desks type it: R9.7.31. */
const short = (iso: string) => toWareki(iso, 'short')!;

/** Each patient's own 国保 保険者番号 (valid 検証番号), so the log can show whose document is whose. */
const insurer = (i: number) => `13${String(100 + i)}${insurerCheckDigit(`13${String(100 + i)}`)}`;

/** What each finished check must hold in the log, filled in as the day goes. */
const finished: { name: string; insurerNumbers: string[]; images: number; contradictions?: boolean | 'either' }[] = [];
/** Names of patients whose checks were abandoned: none of them may reach the log. */
const abandoned: string[] = [];

async function shot(name: string): Promise<void> {
  const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  saveScreen(`day-${name}`, png);
}

async function makeCard(): Promise<VirtualMyNumberCard> {
  const root = await testRoot();
  const { der, holder } = await authCertificate({ expiry: inYears(3) });
  return new VirtualMyNumberCard({ authCert: der, authCaCert: root.der, authKey: holder.privateKey });
}

// Page-side code as text: this file is compiled without the DOM's types.
const focusedId = () => page.evaluate<string>("document.activeElement?.id ?? ''");
/** The focused control's text; none when the focus fell back to the page. */
const focusedText = () =>
  page.evaluate<string>("document.activeElement === document.body ? '' : (document.activeElement?.textContent ?? '')");
const htmlLang = () => page.evaluate<string>('document.documentElement.lang');
const verdict = () => page.getByTestId('verdict');

/** Tab (keyboard only) until the element with this id has the focus. */
async function tabTo(id: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await focusedId()) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

/** No horizontal scroll, and no English words, ISO dates or raw codes on a Japanese screen. */
async function assertDeskScreen(where: string): Promise<void> {
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  expect(overflow, `${where}: horizontal scroll`).toBeLessThanOrEqual(0);
  // The language switch names the other language; the footer carries version ids; the reader line names the hardware.
  const text = await page.evaluate<string>(`(() => {
    const parts = Array.from(document.querySelectorAll('main, header nav, .dialog')).map((e) => e.innerText);
    const reader = document.querySelector('.reader')?.innerText ?? '';
    return parts.join('\\n').replace(reader, '');
  })()`);
  // Key names, document formats and the PC/SC service name are what staff see on their keyboard and screens.
  const allowed = /\b(Enter|Esc|PIN|PDF|CSV|PC|IC|DV|pcscd|OCR|ID|J-LIS)\b/g;
  const stripped = text.replace(allowed, '');
  expect(stripped.match(/[A-Za-z]{3,}/g), `${where}: English words in ${text}`).toBeNull();
  expect(stripped.match(/\d{4}-\d{2}-\d{2}/g), `${where}: ISO dates`).toBeNull();
  expect(stripped.match(/\b[a-z]+\.[a-z]+/gi), `${where}: raw codes`).toBeNull();
  // Touch targets: every visible button, field and list at least 44 px high (a checkbox's label row counts).
  const small = await page.evaluate<
    string[]
  >(`Array.from(document.querySelectorAll('button, select, input:not([type=checkbox]):not([type=radio]):not([type=file]), summary, label.check-line'))
    .filter((e) => e.offsetParent !== null)
    .filter((e) => e.getBoundingClientRect().height < 44)
    .map((e) => e.outerHTML.slice(0, 80))`);
  expect(small, `${where}: targets under 44 px`).toEqual([]);
}

async function waitingScreen(): Promise<void> {
  await page.locator('#prompt').waitFor();
  await page.locator('.toast').waitFor({ state: 'detached', timeout: 10_000 });
}

/** 3 → the manual form, kind chosen with the keyboard (the kind list has the focus). */
async function openManual(kind: string): Promise<void> {
  if ((await page.locator('#prompt').count()) > 0) await page.keyboard.press('3');
  else await page.getByRole('button', { name: /書類を手で入力/ }).click();
  await page.locator('#manual-kind').waitFor();
  expect(await focusedId()).toBe('manual-kind');
  await page.locator('#manual-kind').selectOption(kind);
}

/** Fills the manual form's fields by id (dates as typed at the desk) and adds it with Enter. */
async function fillManual(values: Record<string, string>): Promise<void> {
  for (const [k, v] of Object.entries(values)) {
    const el = page.locator(`#manual-${k}`);
    if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(v);
    else if ((await el.getAttribute('type')) === 'checkbox') await el.setChecked(v === 'true');
    else await el.fill(v);
  }
}

async function addManual(kind: string, values: Record<string, string>): Promise<void> {
  await openManual(kind);
  await fillManual(values);
  await page.locator('#manual-name').focus();
  await page.keyboard.press('Enter');
  await page.locator('form.check').waitFor();
}

/** Finishes with Enter from wherever the focus landed; returns when the waiting screen is back. */
async function finishWithEnter(): Promise<void> {
  await expect.poll(focusedText).toContain('完了して記録');
  await page.keyboard.press('Enter');
  await page.locator('.toast').filter({ hasText: '記録しました' }).waitFor();
  await waitingScreen();
}

async function setOnlineCheck(mode: 'available' | 'unavailable'): Promise<void> {
  await page.getByRole('button', { name: /^設定$/ }).click();
  await page.locator(`input[name="onlineCheck"][value="${mode}"]`).check();
  await page.getByRole('button', { name: /^保存/ }).click();
  await page.getByRole('status').filter({ hasText: '保存しました' }).waitFor();
  await page.keyboard.press('Escape');
  await waitingScreen();
}

async function scanFile(png: Buffer, name: string): Promise<void> {
  const file = join(tmp, `${name}.png`);
  writeFileSync(file, png);
  if ((await page.locator('#prompt').count()) > 0) await page.keyboard.press('2');
  else await page.getByRole('button', { name: /書類を読み取る/ }).click();
  await page.getByTestId('file-input').setInputFiles(file);
  await page.locator('#review-kind').waitFor({ timeout: 60_000 });
}

beforeAll(async () => {
  ensureRendererBuilt();
  await daemon.start();
  const caPath = writeCaPem(await testRoot(), join(tmp, 'test-ca.pem'));
  services = createServices({ dataDir: join(tmp, 'data'), extraCaFiles: [caPath] });
  // This desk keeps the redacted images with each check for a week.
  services.store.saveSettings({ ...DEFAULT_SETTINGS, keepImagesDays: 7 }, null);
  server = await startWebServer({
    handlers: createHandlers(services, { appVersion: 'e2e', mode: 'browser' }),
    rendererDir: rendererDir(),
  });
  ({ browser, page, leaving } = await openDesk(server.launchUrl, { viewport: DESK }));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await services?.close();
  await slot.remove();
  await daemon.stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** A test that failed half-way leaves its check behind: the next patient starts from an empty desk. */
async function emptyDesk(): Promise<void> {
  await emptyDeskOf(page);
}

describe('a day at the desk, patient after patient', { timeout: 90_000 }, () => {
  beforeEach(emptyDesk);

  it('1 keyboard only from waiting to finish: a 資格確認書 typed in 和暦', async () => {
    expect(await htmlLang()).toBe('ja');
    await assertDeskScreen('waiting');
    await shot('waiting');
    await page.keyboard.press('3');
    expect(await focusedId()).toBe('manual-kind');
    await tabTo('manual-name');
    await page.keyboard.type('一番　太郎');
    await tabTo('manual-birthDate');
    await page.keyboard.type('S55.5.5');
    await expect
      .poll(() => page.getByTestId('manual-birthDate-note').textContent())
      .toBe(`昭和55年5月5日（1980年5月5日）${ageOnDate('1980-05-05', today)}歳`);
    await tabTo('manual-insurerNumber');
    await page.keyboard.type(insurer(1));
    await tabTo('manual-expiry');
    await page.keyboard.type(short(inYears(1)));
    await tabTo('manual-burdenRatio');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#manual-burdenRatio').inputValue()).toBe('0.3');
    await shot('manual-wareki');
    await assertDeskScreen('manual form');
    // Enter does what the button says: 追加する.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.locator('form.check').waitFor();
    await expect.poll(() => verdict().getAttribute('data-decision')).toBe('accept');
    await assertDeskScreen('check');
    await shot('check-accept');
    await finishWithEnter();
    finished.push({ name: '一番　太郎', insurerNumbers: [insurer(1)], images: 0 });
  });

  it('2 paper: a generated 資格確認書 read by OCR; Enter on the review takes it', async () => {
    const { truth, html } = planDocument(16, 2, ['qualification_certificate']);
    const render = await browser.newPage({ deviceScaleFactor: 2 });
    const png = await renderHtml(render, html, truth.size);
    await render.close();
    await scanFile(png, 'p2');
    expect(await page.locator('#review-kind').inputValue()).toBe('qualification_certificate');
    // The focus is on the first field to confirm, or on the button that takes the reading.
    expect(await focusedId()).toMatch(/^review-|^$/);
    await assertDeskScreen('review');
    await shot('ocr-review');
    if ((await focusedId()) === '') expect(await focusedText()).toContain('この内容で確定');
    // The reading is right (it is the generator's truth): staff put what the card says where OCR was unsure.
    if (truth.fields.insurerNumber) await page.locator('#review-insurerNumber').fill(truth.fields.insurerNumber);
    if (truth.fields.name) await page.locator('#review-name').fill(truth.fields.name);
    await page.getByRole('button', { name: /この内容で確定/ }).focus();
    await page.keyboard.press('Enter');
    await page.locator('form.check').waitFor();
    if (!truth.fields.birthDate || (await page.locator('#patient-birth').inputValue()) === '') {
      await page.locator('#patient-birth').fill('H1.1.8');
    }
    if ((await page.locator('#patient-insurer').inputValue()) === '')
      await page.locator('#patient-insurer').selectOption('kyokai');
    await expect.poll(() => verdict().getAttribute('data-decision')).toMatch(/accept|need_more|self_pay/);
    await page.getByRole('button', { name: /完了して記録/ }).focus();
    const name = await page.locator('#patient-name').inputValue();
    await finishWithEnter();
    finished.push({ name, insurerNumbers: truth.fields.insurerNumber ? [truth.fields.insurerNumber] : [], images: 1 });
  });

  it('3 card alone at a facility with online checks: オンライン資格確認で確認 at once', async () => {
    await setOnlineCheck('available');
    await slot.insert(await makeCard());
    await page.getByTestId('card-panel').waitFor({ timeout: 15_000 });
    // No birth date, no insurer type typed: the verdict is there already.
    await expect.poll(() => verdict().getAttribute('data-decision'), { timeout: 10_000 }).toBe('check_online');
    expect(await page.locator('#patient-birth').inputValue()).toBe('');
    await assertDeskScreen('card check');
    await shot('card-check-online');
    // The log needs the birth date and insurer type: the screen names them and Enter goes there.
    expect(await page.locator('.finish-bar').textContent()).toContain('生年月日と保険の種類');
    await page.getByRole('button', { name: /完了して記録/ }).focus();
    await page.keyboard.press('Enter');
    expect(await focusedId()).toBe('patient-birth');
    await page.keyboard.type('H2.12.1');
    await page.locator('#patient-insurer').selectOption('kyokai');
    await page.locator('#patient-name').fill('三番　花子');
    await page.getByRole('button', { name: /完了して記録/ }).focus();
    await finishWithEnter();
    await slot.remove();
    finished.push({ name: '三番　花子', insurerNumbers: [], images: 0 });
    await setOnlineCheck('unavailable');
  });

  it('4 leaving to the log and back: the check is set aside, shown as 受付中, resumed with Enter', async () => {
    await addManual('qualification_notice', {
      name: '四番　次郎',
      birthDate: 'S60.10.10',
      insurerNumber: insurer(4),
      expiry: short(inYears(1)),
      burdenRatio: '0.3',
    });
    await page.getByRole('button', { name: /^記録$/ }).click();
    await page.locator('table.entries, .log').first().waitFor();
    await assertDeskScreen('log');
    await shot('log-midcheck');
    await page.keyboard.press('Escape');
    const pending = page.getByTestId('pending-check');
    await pending.waitFor();
    expect(await pending.textContent()).toContain('受付中: 四番　次郎');
    expect(await pending.textContent()).toContain('資格情報のお知らせ');
    await assertDeskScreen('pending');
    await shot('pending');
    // Nothing new starts on top of it: 3 does not open a form.
    await page.keyboard.press('3');
    expect(await page.locator('#manual-kind').count()).toBe(0);
    expect(await focusedText()).toContain('続ける');
    await page.keyboard.press('Enter');
    await page.locator('form.check').waitFor();
    expect(await page.locator('#patient-name').inputValue()).toBe('四番　次郎');
    // The お知らせ alone is not enough without a card: the check is finished as it stands.
    await expect.poll(() => verdict().getAttribute('data-decision')).toBeTruthy();
    await page.getByRole('button', { name: /完了して記録/ }).focus();
    await finishWithEnter();
    finished.push({ name: '四番　次郎', insurerNumbers: [insurer(4)], images: 0 });
  });

  it('5 abandoning: Esc asks first (Enter keeps the check), 破棄 drops it and its scan', async () => {
    const { truth, html } = planDocument(16, 5, ['qualification_notice']);
    const render = await browser.newPage({ deviceScaleFactor: 2 });
    const png = await renderHtml(render, html, truth.size);
    await render.close();
    await scanFile(png, 'p5');
    await page.locator('#review-name').fill('五番　破棄');
    await page.getByRole('button', { name: /この内容で確定/ }).click();
    await page.locator('form.check').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.dialog').waitFor();
    await assertDeskScreen('abandon dialog');
    await shot('abandon-confirm');
    // The safe answer has the focus: Enter keeps the check.
    await page.keyboard.press('Enter');
    expect(await page.locator('.dialog').count()).toBe(0);
    expect(await page.locator('#patient-name').inputValue()).toBe('五番　破棄');
    await page.keyboard.press('Escape');
    await page.locator('.dialog button.danger').click();
    await waitingScreen();
    expect(await page.getByTestId('pending-check').count()).toBe(0);
    abandoned.push('五番');
  });

  it('6 a wrong document removed takes what it filled in with it', async () => {
    await addManual('qualification_certificate', {
      name: '別人　誤記',
      birthDate: 'S40.4.4',
      insurerNumber: insurer(60),
      expiry: short(inYears(1)),
      burdenRatio: '0.3',
    });
    expect(await page.locator('#patient-name').inputValue()).toBe('別人　誤記');
    // Tab reaches the document's fields before its remove button: the first Tab is not 外す.
    await page.locator('#patient-name').focus();
    await page.keyboard.press('Tab');
    expect(await focusedText()).not.toContain('外す');
    await page.locator('.documents li').first().getByRole('button', { name: '外す' }).click();
    expect(await page.locator('#patient-name').inputValue()).toBe('');
    expect(await page.getByTestId('manual-birthDate-note').count()).toBe(0);
    expect(await page.locator('#patient-birth').inputValue()).toBe('');
    expect(await page.locator('#patient-insurer').inputValue()).toBe('');
    await page.getByRole('button', { name: /書類を手で入力/ }).click();
    await page.locator('#manual-kind').selectOption('qualification_certificate');
    await fillManual({
      name: '六番　正子',
      birthDate: '昭和50年6月6日',
      insurerNumber: insurer(6),
      expiry: short(inYears(1)),
      burdenRatio: '0.3',
    });
    await page.locator('#manual-insurerNumber').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => verdict().getAttribute('data-decision')).toBe('accept');
    expect(await page.locator('.documents li').count()).toBe(1);
    await finishWithEnter();
    finished.push({ name: '六番　正子', insurerNumbers: [insurer(6)], images: 0 });
  });

  it('7 two documents that disagree: said on top in Japanese; finishing asks staff to confirm', async () => {
    await addManual('qualification_certificate', {
      name: '七番　一致',
      birthDate: 'S55.5.5',
      insurerNumber: insurer(7),
      expiry: short(inYears(1)),
      burdenRatio: '0.3',
    });
    await addManual('qualification_notice', {
      name: '七番　一致',
      birthDate: 'S56.5.5',
      insurerNumber: insurer(7),
      expiry: short(inYears(1)),
      burdenRatio: '0.3',
    });
    const top = page.getByTestId('contradictions');
    await top.waitFor();
    expect(await top.textContent()).toContain(
      '生年月日が一致しません：資格確認書 昭和55年5月5日／お知らせ 昭和56年5月5日',
    );
    await expect.poll(() => verdict().getAttribute('data-decision')).toBe('accept');
    await assertDeskScreen('contradiction');
    await shot('contradiction');
    await page.getByRole('button', { name: /完了して記録/ }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.dialog[data-confirm="contradictions"]').waitFor();
    await shot('contradiction-confirm');
    expect(await focusedText()).toContain('確認して記録');
    await page.keyboard.press('Enter');
    await page.locator('.toast').filter({ hasText: '記録しました' }).waitFor();
    await waitingScreen();
    finished.push({ name: '七番　一致', insurerNumbers: [insurer(7), insurer(7)], images: 0, contradictions: true });
  });

  it('8 an impossible date gets a Japanese message at the field and never reaches the verdict', async () => {
    await openManual('qualification_certificate');
    await fillManual({ name: '八番　日付', birthDate: 'S99.99.99' });
    const note = page.getByTestId('manual-birthDate-note');
    await expect.poll(() => note.textContent()).toMatch(/ありえない日付|にはない日付/);
    expect(await note.getAttribute('role')).toBe('alert');
    await assertDeskScreen('impossible date');
    await shot('impossible-date');
    await fillManual({
      birthDate: 'S45.1.1',
      insurerNumber: insurer(8),
      expiry: short(inYears(1)),
      burdenRatio: '0.3',
    });
    await page.locator('#manual-name').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => verdict().getAttribute('data-decision')).toBe('accept');
    expect(await page.getByTestId('patient-birth-note').textContent()).toContain('昭和45年1月1日');
    await finishWithEnter();
    finished.push({ name: '八番　日付', insurerNumbers: [insurer(8)], images: 0 });
  });

  it('9 和暦 typed in every date field of every form; Esc on a half-typed form asks first', async () => {
    await page.keyboard.press('3');
    await page.locator('#manual-kind').waitFor();
    for (const kind of PAPER_KINDS) {
      await page.locator('#manual-kind').selectOption(kind);
      const dates = DOCUMENT_FIELDS[kind].filter((k) => FIELD_INPUTS[k].type === 'date');
      for (const k of dates) {
        const input = page.locator(`#manual-${k}`);
        const typed = k === 'birthDate' ? '3550505' : 'R8.7.31';
        const iso = k === 'birthDate' ? '1980-05-05' : '2026-07-31';
        await input.fill(typed);
        await expect
          .poll(() => page.getByTestId(`manual-${k}-note`).textContent(), { message: `${kind}.${k}` })
          .toContain(toWareki(iso)!);
      }
    }
    await page.keyboard.press('Escape');
    await page.locator('.dialog[data-confirm="leaveForm"]').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('#manual-kind').count()).toBe(1);
    await page.locator('#manual-kind').selectOption('elderly_recipient_certificate');
    await fillManual({
      name: '九番　高齢',
      birthDate: 'S28.3.3',
      insurerNumber: insurer(9),
      expiry: short(inYears(1)),
      burdenRatio: '0.2',
    });
    await page.locator('#manual-name').focus();
    await page.keyboard.press('Enter');
    await page.locator('form.check').waitFor();
    await addManual('qualification_certificate', {
      name: '九番　高齢',
      birthDate: '昭和28年3月3日',
      insurerNumber: insurer(9),
      expiry: short(inYears(1)),
      burdenRatio: '0.2',
    });
    // On the check, the patient's birth date field takes 和暦 too.
    await page.locator('#patient-birth').fill('S28.3.3');
    expect(await page.getByTestId('patient-birth-note').textContent()).toContain('昭和28年3月3日');
    // Documents show their dates in 和暦 (西暦 small).
    expect(await page.locator('.documents').textContent()).toContain(toWareki(inYears(1))!);
    await expect.poll(() => verdict().getAttribute('data-decision')).toBeTruthy();
    await assertDeskScreen('elderly');
    await page.getByRole('button', { name: /完了して記録/ }).focus();
    await finishWithEnter();
    finished.push({ name: '九番　高齢', insurerNumbers: [insurer(9), insurer(9)], images: 0 });
  });

  it('10 two scans in one check: both images kept with it', async () => {
    for (const [index, kind] of [
      [10, 'qualification_certificate'],
      [11, 'limit_certificate'],
    ] as const) {
      const { truth, html } = planDocument(16, index, [kind]);
      const render = await browser.newPage({ deviceScaleFactor: 2 });
      const png = await renderHtml(render, html, truth.size);
      await render.close();
      await scanFile(png, `p10-${index}`);
      await page.locator('#review-kind').selectOption(kind);
      await page.locator('#review-name').fill('十番　二枚');
      await page.locator('#review-insurerNumber').fill(insurer(10));
      await page.locator('#review-birthDate').fill('H5.5.5');
      await page.getByRole('button', { name: /この内容で確定/ }).click();
      await page.locator('form.check').waitFor();
    }
    expect(await page.locator('.documents li').count()).toBe(2);
    await expect.poll(() => verdict().getAttribute('data-decision')).toBeTruthy();
    await page.getByRole('button', { name: /完了して記録/ }).focus();
    await page.keyboard.press('Enter');
    // The two generated documents carry their own 記号・番号: if they disagree, staff confirm first.
    if ((await page.locator('.dialog[data-confirm="contradictions"]').count()) > 0) await page.keyboard.press('Enter');
    await page.locator('.toast').filter({ hasText: '記録しました' }).waitFor();
    await waitingScreen();
    finished.push({
      name: '十番　二枚',
      insurerNumbers: [insurer(10), insurer(10)],
      images: 2,
      contradictions: 'either',
    });
  });

  it('11 a card and a paper; set aside for the log and resumed: the finish action stays in view', async () => {
    await slot.insert(await makeCard());
    await page.getByTestId('card-panel').waitFor({ timeout: 15_000 });
    await page.locator('#patient-name').fill('十一番　カード');
    await page.locator('#patient-birth').fill('S33.7.7');
    await page.locator('#patient-insurer').selectOption('kokuho');
    // Facility without online checks: a card alone needs a paper document; the prompt names it.
    await expect.poll(() => verdict().getAttribute('data-decision')).toBe('need_more');
    expect(await page.getByTestId('why-line').textContent()).toBeTruthy();
    expect(await page.getByTestId('fallback').textContent()).toContain('書類を出せないとき');
    await assertDeskScreen('need more');
    await shot('card-need-more');
    await page.setViewportSize({ width: 1280, height: 800 });
    await assertDeskScreen('need more 1280');
    await page.setViewportSize(DESK);
    await addManual('qualification_notice', {
      name: '十一番　カード',
      birthDate: 'S33.7.7',
      insurerNumber: insurer(11),
      expiry: short(inYears(1)),
      burdenRatio: '0.3',
    });
    await expect.poll(() => verdict().getAttribute('data-decision')).toBe('accept');
    // The finish action is in view at 1366×768.
    const box = await page.getByRole('button', { name: /完了して記録/ }).boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(DESK.height);
    await page.getByRole('button', { name: /^記録$/ }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('pending-check').waitFor();
    expect(await page.getByTestId('pending-check').textContent()).toContain('十一番　カード');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /完了して記録/ }).focus();
    await finishWithEnter();
    await slot.remove();
    finished.push({ name: '十一番　カード', insurerNumbers: [insurer(11)], images: 0 });
  });

  it('12 an expired 資格確認書: the big line decides, the line under it says why', async () => {
    await addManual('qualification_certificate', {
      name: '十二番　期限',
      birthDate: 'S50.1.1',
      insurerNumber: insurer(12),
      expiry: short(addYears(today, -1)),
      burdenRatio: '0.3',
    });
    await expect.poll(() => verdict().getAttribute('data-decision')).not.toBe('accept');
    const why = await page.getByTestId('why-line').textContent();
    expect(why).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await assertDeskScreen('expired');
    await shot('expired');
    await page.getByRole('button', { name: /完了して記録/ }).focus();
    await finishWithEnter();
    finished.push({ name: '十二番　期限', insurerNumbers: [insurer(12)], images: 0 });
  });

  it('13 the lock sets the check aside; after the PIN the waiting screen offers it back', async () => {
    await addManual('qualification_certificate', {
      name: '十三番　施錠',
      birthDate: 'H10.10.10',
      insurerNumber: insurer(13),
      expiry: short(inYears(1)),
      burdenRatio: '0.3',
    });
    await page.getByRole('button', { name: /^設定$/ }).click();
    await page.locator('#staff-name').fill('受付　責任者');
    await page.locator('#staff-role').selectOption('admin');
    await page.locator('#staff-pin').fill('2468');
    await page.getByRole('button', { name: 'スタッフを追加' }).click();
    await page.getByRole('button', { name: /^ロック/ }).click();
    await page.getByRole('heading', { name: 'ロック中' }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('十三番');
    await page.locator('#lock-pin').fill('2468');
    await page.keyboard.press('Enter');
    const pending = page.getByTestId('pending-check');
    await pending.waitFor();
    expect(await pending.textContent()).toContain('受付中: 十三番　施錠');
    await page.keyboard.press('Enter');
    await expect.poll(() => verdict().getAttribute('data-decision')).toBe('accept');
    await finishWithEnter();
    finished.push({ name: '十三番　施錠', insurerNumbers: [insurer(13)], images: 0 });
  });

  it('14 English for a moment: <html lang> follows, and back to Japanese', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => htmlLang()).toBe('en');
    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(() => htmlLang()).toBe('ja');
  });

  it('the log holds exactly the finished checks, each with its own documents and images, nothing of another patient', async () => {
    const log = services.store.searchChecks({ limit: 1000 });
    expect(log.map((e) => e.patient.name).sort()).toEqual(finished.map((f) => f.name).sort());
    for (const name of abandoned) expect(log.some((e) => e.patient.name?.includes(name))).toBe(false);
    const everyNumber = new Set(finished.flatMap((f) => f.insurerNumbers));
    for (const f of finished) {
      const entry = log.find((e) => e.patient.name === f.name)!;
      const numbers = entry.documents.flatMap((d) =>
        typeof d.fields.insurerNumber === 'string' ? [d.fields.insurerNumber] : [],
      );
      expect(numbers, f.name).toEqual(f.insurerNumbers);
      // Nothing of another patient: no other patient's 保険者番号 in this entry.
      for (const n of numbers) expect(f.insurerNumbers.includes(n) || !everyNumber.has(n)).toBe(true);
      expect(services.store.getImages(entry.id), f.name).toHaveLength(f.images);
      if (f.contradictions === 'either') expect(entry.contradictions?.confirmed ?? true).toBe(true);
      else if (f.contradictions)
        expect(entry.contradictions).toMatchObject({
          confirmed: true,
          found: [{ code: 'contradiction.birthDate', field: 'birthDate' }],
        });
      else expect(entry.contradictions).toBeUndefined();
    }
    expect(services.store.verify()).toMatchObject({ ok: true });
  });

  it('no screen tried to reach beyond this machine', () => {
    expect(leaving).toEqual([]);
  });
});
