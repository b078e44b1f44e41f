import { describe, expect, it } from 'vitest';
import { decodeCtc } from '../../src/main/ocr/paddle-reader.ts';
import { parseSecond, weigh } from '../../src/main/ocr/second-reading.ts';

describe('what the second reader read, checked like the field', () => {
  it('takes a value only when it passes the field’s own check', () => {
    expect(parseSecond('insurerNumber', '号01460013')).toBe('01460013');
    expect(parseSecond('insurerNumber', '01460014')).toBeUndefined(); // 検証番号 fails
    expect(parseSecond('issueDate', '今和7年1月8日')).toBe('2025-01-08'); // 令 read as 今
    expect(parseSecond('birthDate', '平成28年10月26日性别男')).toBe('2016-10-26');
    expect(parseSecond('expiry', '2030/01/07')).toBe('2030-01-07');
    expect(parseSecond('expiry', '令和')).toBeUndefined();
    // A 有効期間 range: its end, whatever から and まで were read as.
    expect(parseSecond('expiry', '令和6年6月1日 加5 令和7年5月31日 飞')).toBe('2025-05-31');
    expect(parseSecond('issueDate', '令和6年6月13日 令和7年1月1日')).toBe('2024-06-13');
    expect(parseSecond('burdenRatio', '2割')).toBe(0.2);
    expect(parseSecond('burdenRatio', '5割')).toBeUndefined();
    expect(parseSecond('sex', '男')).toBe('male');
    expect(parseSecond('sex', '男女')).toBeUndefined();
  });

  it('weighs two readings: agreement, disagreement for confirmation, the only one that passes', () => {
    expect(weigh('insurerNumber', { value: '01460013', confidence: 0.7 }, '01460013')).toEqual({
      value: '01460013',
      confidence: 0.85,
      rule: 'second-reader-agrees',
    });
    const differs = weigh('birthDate', { value: '2000-08-08', confidence: 0.9 }, '2001年8月8日')!;
    expect(differs).toMatchObject({ value: '2001-08-08', rule: 'second-reader-differs' });
    expect(differs.confidence).toBeLessThan(0.8);
    expect(differs.warning).toEqual({
      code: 'ocr.readersDisagree',
      params: { field: 'birthDate', value: '2001-08-08', other: '2000-08-08' },
    });
    // The first reading fails its 検証番号: the second's, which passes, is taken for confirmation.
    const taken = weigh('insurerNumber', { value: '01460014', confidence: 0.3 }, '01460013')!;
    expect(taken).toMatchObject({ value: '01460013', rule: 'second-reader' });
    expect(taken.warning).toEqual({
      code: 'ocr.secondReaderOnly',
      params: { field: 'insurerNumber', value: '01460013', other: '01460014' },
    });
    // A crop with two dates agrees on the one it is read for, and overrules neither.
    const range = '令和6年6月1日 加5 令和7年5月31日 飞';
    expect(weigh('expiry', { value: '2025-05-31', confidence: 0.7 }, range)).toMatchObject({
      rule: 'second-reader-agrees',
    });
    // 合租 is 令和 (the repair era-reiwa-glyphs): the range's end agrees; another date is not overruled.
    const read = '合和7年7月1日办6合租16年3月31日';
    expect(weigh('expiry', { value: '2034-03-31', confidence: 0.7 }, read)).toMatchObject({
      rule: 'second-reader-agrees',
    });
    expect(weigh('expiry', { value: '2033-03-31', confidence: 0.7 }, read)).toBeUndefined();
    const row = '有劲期限 平成30年7月31日，交付年月日平成28年12月17日';
    expect(weigh('expiry', { value: '2018-07-31', confidence: 0.9 }, row)).toBeUndefined();
    // The second reads nothing that passes: nothing changes.
    expect(weigh('insurerNumber', { value: '01460013', confidence: 0.9 }, '0146')).toBeUndefined();
  });

  it('decodes CTC: best class per step, repeats merged, blanks dropped', () => {
    const keys = ['1', '2'];
    // steps: 1 1 blank 1 2 → "112"
    const steps = [1, 1, 0, 1, 2].flatMap((best) => [0, 1, 2].map((c) => (c === best ? 0.9 : 0.05)));
    expect(decodeCtc(Float32Array.from(steps), 5, 3, keys)).toMatchObject({ text: '112' });
  });

  it('lets its reading of the whole page settle a difference with its crop, for confirmation', () => {
    // The crop read 12-01, the page reading beside the label 12-10 as tesseract did: the first stands.
    const kept = weigh('birthDate', { value: '1956-12-10', confidence: 0.9 }, '1956年12月1日', '1956-12-10')!;
    expect(kept).toMatchObject({ value: '1956-12-10', rule: 'second-reader-page-agrees' });
    expect(kept.confidence).toBeLessThan(0.8);
    // The crop read no date, the page reading another than tesseract's: never taken as read.
    const other = weigh('expiry', { value: '2037-03-31', confidence: 0.82 }, 'まで', '2028-03-31')!;
    expect(other).toMatchObject({ value: '2028-03-31', rule: 'second-reader-page-differs' });
    expect(other.confidence).toBeLessThan(0.8);
    expect(other.warning?.params).toMatchObject({ value: '2028-03-31', other: '2037-03-31' });
    // A range in the crop may only agree, unless the page reading gives its end too.
    const range = '有勁期間合和6年12月1日加5合和10年3月31日飛';
    expect(weigh('expiry', { value: '2037-03-31', confidence: 0.82 }, range)).toBeUndefined();
    expect(weigh('expiry', { value: '2037-03-31', confidence: 0.82 }, range, '2028-03-31')).toMatchObject({
      value: '2028-03-31',
      rule: 'second-reader-differs',
    });
    // Nothing to settle: the same date, or no date from either.
    expect(weigh('expiry', { value: '2028-03-31', confidence: 0.82 }, 'まで', '2028-03-31')).toBeUndefined();
    expect(weigh('expiry', { value: '2028-03-31', confidence: 0.82 }, 'まで')).toBeUndefined();
  });
});
