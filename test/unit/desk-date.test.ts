/** Dates as desks type them: every accepted form, every refusal as a code, and never an exception. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOnDate, parseBirthDate, parseDeskDate, toWareki, ymdOf } from '../../src/shared/dates/desk-date.ts';
import { fromDayNumber, toDayNumber } from '../../src/shared/domain/dates.ts';
import { formatWareki } from '../../src/shared/domain/wareki.ts';

describe('parseDeskDate: the forms desks type', () => {
  const cases: [string, string][] = [
    ['S55.5.5', '1980-05-05'],
    ['s55.5.5', '1980-05-05'],
    ['S.55.5.5', '1980-05-05'],
    ['S55/5/5', '1980-05-05'],
    ['S 55 . 5 . 5', '1980-05-05'],
    ['昭55.5.5', '1980-05-05'],
    ['S550505', '1980-05-05'],
    ['s550505', '1980-05-05'],
    ['昭和550505', '1980-05-05'],
    ['昭和55年5月5日', '1980-05-05'],
    ['昭和 55 年 5 月 5 日', '1980-05-05'],
    ['S55年5月5日', '1980-05-05'],
    ['R8.7.31', '2026-07-31'],
    ['r8.7.31', '2026-07-31'],
    ['令和元年5月1日', '2019-05-01'],
    ['R元.5.1', '2019-05-01'],
    ['H31.4.30', '2019-04-30'],
    ['h010108', '1989-01-08'],
    ['T15.12.24', '1926-12-24'],
    ['t1.7.30', '1912-07-30'],
    ['M45.7.29', '1912-07-29'],
    ['m1.1.25', '1868-01-25'],
    ['3550505', '1980-05-05'],
    ['5080731', '2026-07-31'],
    ['4010108', '1989-01-08'],
    ['1450729', '1912-07-29'],
    ['2150101', '1926-01-01'],
    ['1980-05-05', '1980-05-05'],
    ['19800505', '1980-05-05'],
    ['1980/5/5', '1980-05-05'],
    ['1980.5.5', '1980-05-05'],
    ['1980年5月5日', '1980-05-05'],
    // full-width digits and letters, ideographic spaces
    ['Ｓ５５．５．５', '1980-05-05'],
    ['ｓ５５０５０５', '1980-05-05'],
    ['３５５０５０５', '1980-05-05'],
    ['１９８０－０５－０５', '1980-05-05'],
    ['１９８０ー０５ー０５', '1980-05-05'],
    ['昭和５５年５月５日', '1980-05-05'],
    ['　令和　８年　７月　３１日　', '2026-07-31'],
    // printed before 改元
    ['H32.3.31', '2020-03-31'],
    ['平成32年3月31日', '2020-03-31'],
  ];
  it.each(cases)('%s → %s', (text, iso) => {
    expect(parseDeskDate(text)).toEqual({ ok: true, iso });
  });
});

describe('parseDeskDate: refusals as codes', () => {
  const cases: [string | null | undefined, string][] = [
    ['', 'date.empty'],
    ['   ', 'date.empty'],
    ['\u3000', 'date.empty'],
    [null, 'date.empty'],
    [undefined, 'date.empty'],
    ['S99.99.99', 'date.impossible'],
    ['S55.2.30', 'date.impossible'],
    ['R7.2.29', 'date.impossible'],
    ['R0.5.1', 'date.impossible'],
    ['3551332', 'date.impossible'],
    ['19800230', 'date.impossible'],
    ['2025-13-01', 'date.impossible'],
    ['1980年2月30日', 'date.impossible'],
    ['R1.4.30', 'date.era_range'],
    ['令和元年4月30日', 'date.era_range'],
    ['S99.1.1', 'date.era_range'],
    ['昭和99年1月1日', 'date.era_range'],
    ['H1.1.7', 'date.era_range'],
    ['1800-01-01', 'date.before_meiji'],
    ['18680124', 'date.before_meiji'],
    ['hello', 'date.unreadable'],
    ['S55', 'date.unreadable'],
    ['S55.5', 'date.unreadable'],
    ['S55.5/5', 'date.unreadable'],
    ['X55.5.5', 'date.unreadable'],
    ['6550505', 'date.unreadable'],
    ['0550505', 'date.unreadable'],
    ['550505', 'date.unreadable'],
    ['5/5/1980', 'date.unreadable'],
    ['1980-05-05T00:00', 'date.unreadable'],
    ['昭和五十五年五月五日', 'date.unreadable'],
  ];
  it.each(cases)('%j → %s', (text, code) => {
    const r = parseDeskDate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it('an era range error names the era and its first day', () => {
    expect(parseDeskDate('R1.4.30')).toEqual({
      ok: false,
      code: 'date.era_range',
      params: { era: '令和', first: '2019-05-01' },
    });
    expect(parseDeskDate('S99.1.1')).toEqual({
      ok: false,
      code: 'date.era_range',
      params: { era: '昭和', first: '1926-12-25', last: 64 },
    });
  });
});

describe('parseDeskDate: properties', () => {
  const day = fc.integer({ min: toDayNumber('1868-01-25'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);

  it('never throws, whatever is typed', () => {
    const typed = fc.oneof(fc.string(), fc.stringMatching(/^[SHRTMshrtm昭平令]?[0-9０-９元./\-年月日 ]{0,12}$/));
    fc.assert(
      fc.property(typed, (s) => {
        const r = parseDeskDate(s);
        return r.ok ? /^\d{4}-\d{2}-\d{2}$/.test(r.iso) : typeof r.code === 'string';
      }),
      { numRuns: 5000 },
    );
  });

  it('reads back every 和暦 and 西暦 rendering of every day since 明治', () => {
    fc.assert(
      fc.property(day, (iso) => {
        const short = formatWareki(iso, 'short');
        const [, letter, y, m, d] = /^([A-Z])(\d+)\.(\d+)\.(\d+)$/.exec(short)!;
        const code = 'MTSHR'.indexOf(letter!) + 1;
        const yy = y!.padStart(2, '0'),
          mm = m!.padStart(2, '0'),
          dd = d!.padStart(2, '0');
        const forms = [
          formatWareki(iso, 'long'),
          short,
          short.toLowerCase(),
          `${letter}${yy}${mm}${dd}`,
          `${code}${yy}${mm}${dd}`,
          iso,
          iso.replace(/-/g, ''),
          iso.replace(/-/g, '/'),
        ];
        return forms.every((f) => {
          const r = parseDeskDate(f);
          return r.ok && r.iso === iso;
        });
      }),
      { numRuns: 3000 },
    );
  });
});

describe('birth dates, 和暦 and age', () => {
  it('a birth date after the check day is refused', () => {
    expect(parseBirthDate('R9.1.1', '2026-12-06')).toEqual({ ok: false, code: 'date.birth_after_check' });
    expect(parseBirthDate('R8.12.6', '2026-12-06')).toEqual({ ok: true, iso: '2026-12-06' });
    expect(parseBirthDate('S99.99.99', '2026-12-06')).toMatchObject({ ok: false, code: 'date.impossible' });
  });

  it('shows 和暦 with 元年, and null rather than an exception before 明治 or for non-dates', () => {
    expect(toWareki('1980-05-05')).toBe('昭和55年5月5日');
    expect(toWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(toWareki('2026-07-31', 'short')).toBe('R8.7.31');
    expect(toWareki('1800-01-01')).toBeNull();
    expect(toWareki('S55.5.5')).toBeNull();
    expect(toWareki('2026-02-30')).toBeNull();
    expect(toWareki(undefined)).toBeNull();
    expect(ymdOf('1980-05-05')).toEqual({ year: 1980, month: 5, day: 5 });
    expect(ymdOf('1980/05/05')).toBeNull();
  });

  it('the age on the check day, never a year number', () => {
    expect(ageOnDate('1980-05-05', '2026-12-06')).toBe(46);
    expect(ageOnDate('1980-12-07', '2026-12-06')).toBe(45);
    expect(ageOnDate('2026-12-06', '2026-12-06')).toBe(0);
    expect(ageOnDate('2026-12-07', '2026-12-06')).toBeNull();
    expect(ageOnDate('S55.5.5', '2026-12-06')).toBeNull();
    expect(ageOnDate('', '2026-12-06')).toBeNull();
    const birth = fc.integer({ min: toDayNumber('1868-01-25'), max: toDayNumber('2026-12-06') }).map(fromDayNumber);
    fc.assert(
      fc.property(birth, (b) => {
        const age = ageOnDate(b, '2026-12-06');
        return age !== null && age >= 0 && age <= 2026 - 1868;
      }),
    );
  });
});
