/** Contradictions worded for the desk: both documents, both values, dates in 和暦, no codes. */
import { describe, expect, it } from 'vitest';
import { contradictionText } from '../../src/renderer/src/components/contradictionText.ts';
import { initI18n } from '../../src/renderer/src/i18n/index.ts';
import { CONTRADICTION_CODES, findContradictions } from '../../src/shared/documents/contradictions.ts';

const ja = initI18n('ja').t;
const en = initI18n('en').t;

describe('contradictionText', () => {
  it('names both documents and both values, dates in 和暦', () => {
    const [c] = findContradictions(
      [
        { kind: 'qualification_certificate', values: { birthDate: '1980-05-05' } },
        { kind: 'qualification_notice', values: { birthDate: '1981-05-05' } },
      ],
      undefined,
      '2026-12-06',
    );
    expect(contradictionText(c!, ja, 'ja')).toBe(
      '生年月日が一致しません：資格確認書 昭和55年5月5日／お知らせ 昭和56年5月5日',
    );
    expect(contradictionText(c!, en, 'en')).toBe('Birth dates differ: 資格確認書 5 May 1980 / お知らせ 5 May 1981');
  });

  it('the ratio for the age, an expiry before issue, and the card chip', () => {
    const found = findContradictions(
      [
        {
          kind: 'qualification_certificate',
          values: { burdenRatio: '0.1', issueDate: '2026-08-01', expiry: '2026-07-31' },
        },
      ],
      { name: '受付 花子', birthDate: '1980-05-05' },
      '2026-12-06',
    );
    expect(found.map((c) => contradictionText(c, ja, 'ja'))).toEqual([
      '負担割合が年齢に合いません：資格確認書 1割／46歳（カードのICチップの生年月日 昭和55年5月5日）',
      '有効期限が交付年月日より前です：資格確認書 交付年月日 令和8年8月1日／有効期限 令和8年7月31日',
    ]);
  });

  it('every code has words in both languages; Japanese words carry no English', () => {
    for (const code of CONTRADICTION_CODES) {
      const params = { aDoc: 'A', aValue: '1', bDoc: 'B', bValue: '2', age: 3 };
      expect(ja(code, params)).not.toBe(code);
      expect(en(code, params)).not.toBe(code);
      expect(ja(code, { aDoc: '甲', aValue: '一', bDoc: '乙', bValue: '二', age: 3 })).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});
