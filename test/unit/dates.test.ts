import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  isLeapYear,
  daysInMonth,
  isValidYmd,
  parseIso,
  isIsoDate,
  ymdToIso,
  toDayNumber,
  fromDayNumber,
  addDays,
  endOfMonth,
  endOfMonthAfter,
  addYears,
  compareIso,
  minIso,
  maxIso,
  inRange,
} from '../../src/shared/domain/dates.ts';

const MIN = toDayNumber('1900-01-01');
const MAX = toDayNumber('2100-12-31');
const dayNumber = fc.integer({ min: MIN, max: MAX });

describe('day numbers', () => {
  it('anchors on the Unix epoch', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017);
  });

  it('round-trips every day 1900-01-01..2100-12-31', () => {
    fc.assert(
      fc.property(dayNumber, (n) => {
        const iso = fromDayNumber(n);
        expect(isIsoDate(iso)).toBe(true);
        expect(toDayNumber(iso)).toBe(n);
      }),
    );
  });

  it('agrees with Date.UTC as an independent oracle', () => {
    fc.assert(
      fc.property(dayNumber, (n) => {
        const { y, m, d } = parseIso(fromDayNumber(n))!;
        expect(Date.UTC(y, m - 1, d) / 86_400_000).toBe(n);
      }),
    );
  });

  it('is monotone: the next day number is the next calendar day', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX - 1 }), (n) => {
        expect(compareIso(fromDayNumber(n), fromDayNumber(n + 1))).toBe(-1);
        expect(addDays(fromDayNumber(n), 1)).toBe(fromDayNumber(n + 1));
      }),
    );
  });

  it('toDayNumber rejects malformed dates', () => {
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => toDayNumber('2026-2-3')).toThrow(RangeError);
  });
});

describe('leap years', () => {
  it('follows the Gregorian rules', () => {
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2100)).toBe(false);
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2028)).toBe(true);
    expect(isLeapYear(2026)).toBe(false);
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseIso('2000-02-29')).toEqual({ y: 2000, m: 2, d: 29 });
    expect(parseIso('1900-02-29')).toBeNull();
    expect(parseIso('2028-02-29')).toEqual({ y: 2028, m: 2, d: 29 });
    expect(parseIso('2026-02-29')).toBeNull();
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(isValidYmd(2028, 2, 29)).toBe(true);
    expect(isValidYmd(2027, 2, 29)).toBe(false);
  });

  it('steps across 29 February', () => {
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(toDayNumber('2001-01-01') - toDayNumber('2000-01-01')).toBe(366);
    expect(toDayNumber('1901-01-01') - toDayNumber('1900-01-01')).toBe(365);
  });
});

describe('parseIso / ymdToIso', () => {
  it('is strict about shape', () => {
    expect(parseIso('2025-7-31')).toBeNull();
    expect(parseIso('2025/07/31')).toBeNull();
    expect(parseIso(' 2025-07-31')).toBeNull();
    expect(parseIso('2025-13-01')).toBeNull();
    expect(parseIso('2025-00-10')).toBeNull();
    expect(parseIso('2025-04-31')).toBeNull();
  });

  it('pads', () => {
    expect(ymdToIso(2025, 7, 1)).toBe('2025-07-01');
    expect(ymdToIso(999, 1, 1)).toBe('0999-01-01');
  });
});

describe('endOfMonth / endOfMonthAfter', () => {
  it('endOfMonth', () => {
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(endOfMonth('2027-02-10')).toBe('2027-02-28');
    expect(endOfMonth('2025-12-01')).toBe('2025-12-31');
  });

  it('crosses year ends forwards and backwards', () => {
    expect(endOfMonthAfter('2025-11-15', 1)).toBe('2025-12-31');
    expect(endOfMonthAfter('2025-11-15', 2)).toBe('2026-01-31');
    expect(endOfMonthAfter('2025-12-31', 12)).toBe('2026-12-31');
    expect(endOfMonthAfter('2026-01-10', -1)).toBe('2025-12-31');
    expect(endOfMonthAfter('2026-01-10', -13)).toBe('2024-12-31');
    expect(endOfMonthAfter('2025-07-31', 0)).toBe('2025-07-31');
  });

  it('lands on the right end of February', () => {
    expect(endOfMonthAfter('2027-12-31', 2)).toBe('2028-02-29');
    expect(endOfMonthAfter('2026-01-31', 1)).toBe('2026-02-28');
    expect(endOfMonthAfter('2000-01-01', 1)).toBe('2000-02-29');
    expect(endOfMonthAfter('1900-01-01', 1)).toBe('1900-02-28');
    expect(endOfMonthAfter('2028-03-31', -1)).toBe('2028-02-29');
  });

  it('always returns the last day of a month', () => {
    fc.assert(
      fc.property(dayNumber, fc.integer({ min: -240, max: 240 }), (n, k) => {
        const end = endOfMonthAfter(fromDayNumber(n), k);
        expect(endOfMonth(end)).toBe(end);
        expect(parseIso(addDays(end, 1))!.d).toBe(1);
      }),
    );
  });
});

describe('addYears', () => {
  it('keeps 29 February in leap years and falls back to 28 February otherwise', () => {
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', -1)).toBe('2027-02-28');
    expect(addYears('2000-02-29', 100)).toBe('2100-02-28');
    expect(addYears('1996-02-29', 4)).toBe('2000-02-29');
  });

  it('is plain year arithmetic on other days', () => {
    expect(addYears('2025-07-31', 1)).toBe('2026-07-31');
    expect(addYears('2025-03-01', -75)).toBe('1950-03-01');
  });
});

describe('comparison helpers', () => {
  it('compare / min / max', () => {
    expect(compareIso('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareIso('2025-01-02', '2025-01-01')).toBe(1);
    expect(compareIso('2025-01-01', '2025-01-01')).toBe(0);
    expect(minIso('2025-01-01', '2024-12-31')).toBe('2024-12-31');
    expect(maxIso('2025-01-01', '2024-12-31')).toBe('2025-01-01');
  });

  it('compareIso orders like day numbers', () => {
    fc.assert(
      fc.property(dayNumber, dayNumber, (a, b) => {
        expect(compareIso(fromDayNumber(a), fromDayNumber(b))).toBe(Math.sign(a - b));
      }),
    );
  });

  it('inRange is inclusive with open bounds', () => {
    expect(inRange('2025-07-31', '2025-07-31', '2025-07-31')).toBe(true);
    expect(inRange('2025-08-01', '2025-07-01', '2025-07-31')).toBe(false);
    expect(inRange('2025-06-30', '2025-07-01', null)).toBe(false);
    expect(inRange('2099-01-01', '2025-07-01', undefined)).toBe(true);
    expect(inRange('1900-01-01', null, null)).toBe(true);
  });
});
