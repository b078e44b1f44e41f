import { describe, expect, it } from 'vitest';
import { extractFields } from '../../src/main/ocr/extract-fields.ts';
import { lines } from './support/ocr-lines.ts';

const FRONT = [
  '個人番号カード',
  '氏名 山田 太郎',
  '住所 東京都新宿区本町1丁目2番3号',
  '昭和50年 1月 2日生 性別 男',
  '2031年01月02日まで有効',
];

describe('the My Number Card front', () => {
  it('gives the card’s 有効期限 and the 電子証明書の有効期限 as fields of their own', () => {
    const r = extractFields(lines(...FRONT, '電子証明書の有効期限 2026年01月02日'), 'mynumber_card');
    expect(r.fields).toMatchObject({
      name: '山田\u3000太郎',
      birthDate: '1975-01-02',
      sex: 'male',
      cardExpiry: '2031-01-02',
      expiry: '2031-01-02',
      certificateExpiry: '2026-01-02',
    });
    expect(r.fields.insurerNumber).toBeUndefined();
    expect(r.confidence.certificateExpiry).toBeGreaterThan(0.8);
  });

  it('takes the certificate’s date under a misread label', () => {
    expect(
      extractFields(lines(...FRONT, '電子訂明書の有效期限 2026年01月02日'), 'mynumber_card').fields.certificateExpiry,
    ).toBe('2026-01-02');
  });

  it('a minor’s card: both expiries on one day', () => {
    const r = extractFields(
      lines(
        '個人番号カード',
        '氏名 山田 花子',
        '2015年 3月 4日生 性別 女',
        '2027年03月04日まで有効',
        '電子証明書の有効期限 2027年03月04日',
      ),
      'mynumber_card',
    );
    expect(r.fields).toMatchObject({ cardExpiry: '2027-03-04', certificateExpiry: '2027-03-04' });
  });

  it('other documents have no card expiry', () => {
    const r = extractFields(
      lines('資格確認書', '氏名 山田 太郎', '有効期限 令和9年7月31日'),
      'qualification_certificate',
    );
    expect(r.fields.cardExpiry).toBeUndefined();
    expect(r.fields.certificateExpiry).toBeUndefined();
  });
});
