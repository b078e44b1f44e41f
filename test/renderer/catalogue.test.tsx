// @vitest-environment jsdom
/**
 * Every code main or the shared domain can hand the screens has words in Japanese and English,
 * and the Japanese words carry no English; failures are said in words, never as developer text.
 */
import { describe, expect, it } from 'vitest';
import { codeText } from '../../src/renderer/src/components/codeText.ts';
import { CAMERA_ERRORS, cameraErrorText, errorText } from '../../src/renderer/src/components/errorText.ts';
import { initI18n } from '../../src/renderer/src/i18n/index.ts';
import { DATE_ERROR_CODES } from '../../src/shared/dates/desk-date.ts';
import { CONTRADICTION_CODES } from '../../src/shared/documents/contradictions.ts';
import { ApiError, ERROR_CODES } from '../../src/shared/ipc/errors.ts';
import { OCR_WARNING_CODES } from '../../src/shared/ocr/warnings.ts';

const ja = initI18n('ja');
const en = initI18n('en');
// Parameters as main sends them: ISO dates, field names, numbers, Japanese text read off paper.
const PARAMS = {
  date: '2026-07-31',
  field: 'expiry',
  number: '01460014',
  name: '受付　花子',
  read: '川口市',
  derived: '全国健康保険協会山梨支部',
  label: '有効期',
  issuer: '船橋市長',
  era: '令和',
  aDoc: '資格確認書',
  aValue: '三',
  bDoc: 'お知らせ',
  bValue: '一',
  age: 46,
  value: '2026-08-01',
  other: '2026-07-31',
};
const ENGLISH_WORD = /[a-z]{2,}/;

const ALL_CODES: readonly string[] = [
  ...ERROR_CODES,
  ...OCR_WARNING_CODES,
  ...DATE_ERROR_CODES,
  ...CONTRADICTION_CODES,
  ...CAMERA_ERRORS.map((n) => `camera.${n}`),
  'camera.other',
  'error.unknown',
];

describe('catalogue completeness', () => {
  it.each(ALL_CODES)('%s has Japanese and English words, the Japanese without English', (code) => {
    expect(ja.exists(code, { lng: 'ja', fallbackLng: false })).toBe(true);
    expect(en.exists(code, { lng: 'en', fallbackLng: false })).toBe(true);
    const words = codeText(code, PARAMS, ja.t, 'ja');
    expect(words).not.toMatch(ENGLISH_WORD);
    expect(words).not.toContain('{{');
    expect(words).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(codeText(code, PARAMS, en.t, 'en')).not.toContain('{{');
  });
});

describe('words for codes', () => {
  it('an OCR warning names the field and the date in 和暦', () => {
    expect(codeText('ocr.dateLatest', { field: 'expiry', date: '2026-07-31' }, ja.t, 'ja')).toBe(
      '有効期限 令和8年7月31日（2026年7月31日） は書類でいちばん遅い日付として当てはめました。書類で確かめてください',
    );
    expect(codeText('ocr.dateLatest', { field: 'expiry', date: '2026-07-31' }, en.t, 'en')).toBe(
      'Valid until 31 Jul 2026 (令和8年7月31日) is the latest date on the document: confirm it',
    );
  });

  it('a failed call is said by its code; developer text never reaches the Japanese screen', () => {
    const tooSmall = new ApiError(
      'invalid request for ocr:scan: image: Too small: expected string to have >=1 characters',
      'error.invalidImage',
    );
    expect(errorText(tooSmall, ja.t, 'ja')).toBe('画像を受け取れませんでした。撮り直すか、別の画像を選んでください');
    expect(errorText(new ApiError('the disk is full', 'error.store.disk_full'), ja.t, 'ja')).toMatch(
      /^ディスクがいっぱい/,
    );
    expect(errorText(new Error('internal error — something'), ja.t, 'ja')).toBe(
      'うまくいきませんでした。もう一度操作してください',
    );
    expect(errorText(new Error('PINが違います'), ja.t, 'ja')).toBe('PINが違います');
    expect(errorText(new Error('wrong PIN'), en.t, 'en')).toBe('wrong PIN');
    expect(errorText(undefined, ja.t, 'ja')).toBe('うまくいきませんでした。もう一度操作してください');
  });

  it("camera errors are said by the DOMException's name, not the browser's English message", () => {
    const notFound = new DOMException('Requested device not found', 'NotFoundError');
    expect(cameraErrorText(notFound, ja.t)).toBe('カメラを使えません: カメラが見つかりません');
    expect(cameraErrorText(new DOMException('Permission denied', 'NotAllowedError'), ja.t)).toBe(
      'カメラを使えません: カメラの使用が許可されていません',
    );
    expect(cameraErrorText(new TypeError('x'), ja.t)).toBe('カメラを使えません: カメラを起動できませんでした');
    expect(cameraErrorText(notFound, en.t)).toBe('Camera not available: no camera was found');
  });

  it('<html lang> follows the language chosen', async () => {
    const root = document.createElement('html');
    const i18n = initI18n('ja', root);
    expect(root.lang).toBe('ja');
    await i18n.changeLanguage('en');
    expect(root.lang).toBe('en');
    await i18n.changeLanguage('ja');
    expect(root.lang).toBe('ja');
  });
});
