import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ERAS, parseJapaneseDate, formatWareki } from '../../src/shared/domain/wareki.ts';
import { fromDayNumber, toDayNumber } from '../../src/shared/domain/dates.ts';
import { toHalfWidth } from '../../src/shared/domain/text.ts';

describe('toHalfWidth', () => {
  it('converts full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('０１２３４５６７８９')).toBe('0123456789');
    expect(toHalfWidth('ＡＺａｚ．／－，：')).toBe('AZaz./-,:');
    expect(toHalfWidth('令和\u30007年')).toBe('令和 7年');
  });

  it('turns dash look-alikes between digits into "-"', () => {
    for (const dash of ['ー', '−', '‐', '―', '－']) {
      expect(toHalfWidth(`０３${dash}１２３４`)).toBe('03-1234');
    }
  });

  it('leaves kana, kanji and ー inside words alone', () => {
    expect(toHalfWidth('センター 令和 ひらがな')).toBe('センター 令和 ひらがな');
    expect(toHalfWidth('ｾﾝﾀｰ')).toBe('ｾﾝﾀｰ');
    expect(toHalfWidth('1ーA')).toBe('1ーA');
  });
});

describe('parseJapaneseDate: accepted forms', () => {
  const cases: [string, string][] = [
    ['令和7年7月31日', '2025-07-31'],
    ['令和 7 年 7 月 31 日', '2025-07-31'],
    ['令和元年5月1日', '2019-05-01'],
    ['R7.7.31', '2025-07-31'],
    ['R07.07.31', '2025-07-31'],
    ['R.7.7.31', '2025-07-31'],
    ['r7.7.31', '2025-07-31'],
    ['Ｒ７．７．３１', '2025-07-31'],
    ['令7.7.31', '2025-07-31'],
    ['R7/7/31', '2025-07-31'],
    ['R7-7-31', '2025-07-31'],
    ['2025/07/31', '2025-07-31'],
    ['2025/7/31', '2025-07-31'],
    ['2025-07-31', '2025-07-31'],
    ['2025.7.31', '2025-07-31'],
    ['2025年7月31日', '2025-07-31'],
    ['2025年07月31日', '2025-07-31'],
    // whitespace handling and full-width variants of the above
    ['  令和7年7月31日\t', '2025-07-31'],
    ['令和\u30007年\u30007月\u300031日', '2025-07-31'],
    ['令和　　７年　７月　３１日', '2025-07-31'],
    ['２０２５／０７／３１', '2025-07-31'],
    ['２０２５－０７－３１', '2025-07-31'],
    ['２０２５年７月３１日', '2025-07-31'],
    // other eras
    ['平成31年4月30日', '2019-04-30'],
    ['H31.4.30', '2019-04-30'],
    ['平成元年1月8日', '1989-01-08'],
    ['昭和64年1月7日', '1989-01-07'],
    ['S64.1.7', '1989-01-07'],
    ['昭45.3.1', '1970-03-01'],
    ['大正15年12月24日', '1926-12-24'],
    ['T1.7.30', '1912-07-30'],
    ['明治45年7月29日', '1912-07-29'],
    ['M45.7.29', '1912-07-29'],
    // era overflow: printed before 改元
    ['平成32年3月31日', '2020-03-31'],
    ['H32.3.31', '2020-03-31'],
    ['昭和65年1月1日', '1990-01-01'],
    // leap day
    ['令和10年2月29日', '2028-02-29'],
    ['2028/02/29', '2028-02-29'],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    expect(parseJapaneseDate(input)).toBe(expected);
  });
});

describe('parseJapaneseDate: rejections', () => {
  const rejected = [
    // impossible days
    '令和7年2月30日',
    '2026/02/29',
    'R7.2.29',
    '2025-13-01',
    '2025/04/31',
    '令和7年0月1日',
    '令和7年7月0日',
    // before the era's first day
    '令和1年4月30日',
    '令和元年4月30日',
    'R1.4.30',
    '平成1年1月7日',
    '平成元年1月7日',
    '昭和元年12月24日',
    '大正元年7月29日',
    // year 0
    '令和0年5月1日',
    'R0.5.1',
    // malformed or other forms
    '',
    '   ',
    '令和',
    '令和7年7月',
    '令和7年7月31',
    'R7.7',
    'R7.7.31.',
    'R7/7.31',
    '2025/07-31',
    '25/07/31',
    '20250731',
    'X7.7.31',
    '令7年7月31日',
    'R7年7月31日',
    '令和7.7.31',
    '令和七年七月三十一日',
    'R100.1.1',
    '2025-07-31T00:00',
    'hello',
    '7/31/2025',
    '31.07.2025',
    '2025年7月31',
    'R 7 . 7 . 31',
  ];
  it.each(rejected)('%j → null', (input) => {
    expect(parseJapaneseDate(input)).toBeNull();
  });
});

describe('formatWareki', () => {
  it('era boundaries', () => {
    expect(formatWareki('1989-01-07')).toBe('昭和64年1月7日');
    expect(formatWareki('1989-01-08')).toBe('平成元年1月8日');
    expect(formatWareki('2019-04-30')).toBe('平成31年4月30日');
    expect(formatWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(formatWareki('1926-12-25')).toBe('昭和元年12月25日');
    expect(formatWareki('1926-12-24')).toBe('大正15年12月24日');
    expect(formatWareki('1912-07-30')).toBe('大正元年7月30日');
    expect(formatWareki('1912-07-29')).toBe('明治45年7月29日');
    expect(formatWareki('1868-01-25')).toBe('明治元年1月25日');
  });

  it('long and short styles', () => {
    expect(formatWareki('2025-07-31')).toBe('令和7年7月31日');
    expect(formatWareki('2025-07-31', 'long')).toBe('令和7年7月31日');
    expect(formatWareki('2025-07-31', 'short')).toBe('R7.7.31');
    expect(formatWareki('2019-05-01', 'short')).toBe('R1.5.1');
    expect(formatWareki('1989-01-07', 'short')).toBe('S64.1.7');
    expect(formatWareki('2019-04-30', 'short')).toBe('H31.4.30');
  });

  it('throws RangeError before 明治 and for non-ISO input', () => {
    expect(() => formatWareki('1868-01-24')).toThrow(RangeError);
    expect(() => formatWareki('1800-01-01', 'short')).toThrow(RangeError);
    expect(() => formatWareki('2025/07/31')).toThrow(RangeError);
    expect(() => formatWareki('2025-02-30')).toThrow(RangeError);
  });

  it('era table is ordered oldest first', () => {
    const starts = ERAS.map((e) => e.start);
    expect([...starts].sort()).toEqual(starts);
  });
});

describe('round trip', () => {
  const day = fc.integer({ min: toDayNumber('1912-07-30'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);

  it('parseJapaneseDate(formatWareki(d, "long")) === d', () => {
    fc.assert(
      fc.property(day, (d) => parseJapaneseDate(formatWareki(d, 'long')) === d),
      { numRuns: 2000 },
    );
  });

  it('parseJapaneseDate(formatWareki(d, "short")) === d', () => {
    fc.assert(
      fc.property(day, (d) => parseJapaneseDate(formatWareki(d, 'short')) === d),
      { numRuns: 2000 },
    );
  });

  it('holds exhaustively for every day 1912-07-30..2100-12-31', () => {
    const bad: string[] = [];
    for (let n = toDayNumber('1912-07-30'); n <= toDayNumber('2100-12-31'); n++) {
      const d = fromDayNumber(n);
      if (parseJapaneseDate(formatWareki(d, 'long')) !== d || parseJapaneseDate(formatWareki(d, 'short')) !== d)
        bad.push(d);
    }
    expect(bad).toEqual([]);
  });

  it('holds on every era boundary day and its neighbours', () => {
    for (const era of ERAS.slice(1)) {
      for (const delta of [-1, 0, 1]) {
        const d = fromDayNumber(toDayNumber(era.start) + delta);
        expect(parseJapaneseDate(formatWareki(d, 'long'))).toBe(d);
        expect(parseJapaneseDate(formatWareki(d, 'short'))).toBe(d);
      }
    }
  });
});
