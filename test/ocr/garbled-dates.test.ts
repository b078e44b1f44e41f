import { describe, expect, it } from 'vitest';
import { garbledDates, patchDate } from '../../src/main/ocr/garbled-dates.ts';
import { extractFields } from '../../src/main/ocr/extract-fields.ts';
import { at } from './support/ocr-lines.ts';

describe('garbled dates', () => {
  it('finds dates the page read garbled, and leaves the ones that read', () => {
    const page = [
      at(100, [0, '生年月日'], [300, '平成|26|年|月|14|日']),
      at(140, [0, '有効期限'], [300, '外科|7|年|8|月|3|日']),
      at(180, [0, '交付年月日'], [300, '2024|年|7|月|27|日']),
      at(220, [0, '資格取得年月日'], [300, '3|平成|23|年|11|月|20|日']),
      at(260, [0, '受付時間'], [300, '8|時|30|分']),
    ];
    expect(garbledDates(page).map((g) => [g.line, g.read])).toEqual([
      [0, '平成26年月14日'],
      [1, '外科7年8月3日'],
    ]);
    // Not on a line that carried a 個人番号.
    expect(garbledDates([at(100, [0, '個人番号|1234|5678|9018'], [600, '外科|7|年|8|月|3|日'])])).toEqual([]);
    // 令和 began in May 2019: 令和1年3月31日 is no date (a digit of 令和11年 was lost).
    expect(garbledDates([at(100, [0, '令和|1|年|3|月|31|日'])])).toHaveLength(1);
  });

  it('reads again a date with a lone digit read unsure (22日 merged into 2日), not one read sure', () => {
    const line = at(100, [0, '生年月日'], [300, '昭和|21|年|12|月|2|日']);
    expect(garbledDates([line])).toEqual([]);
    line.words.find((w) => w.text === '2')!.confidence = 0.59;
    const [g] = garbledDates([line]);
    expect(g!.read).toBe('昭和21年12月2日');
    // The second reading keeps every digit of the first: taken, for confirmation.
    const page = [line];
    expect(patchDate(page, g!, '昭和21年12月22日和')).toBe(true);
    // The neighbour the crop caught (生 of 「…日生」, read as 和) is not kept.
    expect(page[0]!.text).toBe('生年月日 昭和21年12月22日');
  });

  it('reaches further left for an era that was not read at all', () => {
    const [g] = garbledDates([at(100, [0, '生年月日'], [300, '成|3|年|2|月|日'])]);
    // 成 at x 300: one more glyph (30 px) to its left, where 平 was.
    expect(g!.box.x0).toBe(270);
    expect(g!.box.x1).toBe(300 + 6 * 42 - 12);
  });

  it('puts a second reading in place of the words, for confirmation', () => {
    const page = [at(100, [0, '生年月日'], [300, '平成|26|年|月|14|日'])];
    const [g] = garbledDates(page);
    expect(patchDate(page, g!, '平成26年11月14日')).toBe(true);
    expect(page[0]!.text).toBe('生年月日 平成26年11月14日');
    const x = extractFields(page);
    expect(x.fields.birthDate).toBe('2014-11-14');
    expect(x.confidence.birthDate).toBeLessThan(0.8);
  });

  it('keeps the first reading when the second drops a digit it had, or reads two dates or none', () => {
    const page = () => [at(100, [0, '生年月日'], [300, '平成|26|年|月|14|日'])];
    for (const again of ['平成2年11月14日', '平成26年11月1日 令和1年5月1日', '年月日', '']) {
      const p = page();
      expect(patchDate(p, garbledDates(p)[0]!, again), again).toBe(false);
      expect(p[0]!.text).toBe('生年月日    平成 26 年 月 14 日');
    }
  });

  it('patches two dates of one line right to left', () => {
    const page = [at(100, [0, '令知|8|全|4|月|1|日|から'], [600, '令和|1|年|3|月|31|日|まで'])];
    const found = garbledDates(page);
    expect(found.map((g) => g.read)).toEqual(['令和1年3月31日']);
    const two = [at(100, [0, '外科|7|年|8|月|3|日|から'], [600, '外科|9|年|月|31|日|まで'])];
    const gs = garbledDates(two);
    expect(gs).toHaveLength(2);
    for (const [g, again] of [...gs.map((g, i) => [g, ['令和7年8月3日', '令和9年7月31日'][i]!] as const)].reverse())
      patchDate(two, g, again);
    expect(two[0]!.text).toBe('令和7年8月3日 から 令和9年7月31日 まで');
  });
});
