import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageBand,
  ageOn,
  elderlyFrom,
  lateElderlyFrom,
  nthBirthday,
  preschoolUntil,
} from '../../src/shared/domain/age.ts';
import { addDays, fromDayNumber, toDayNumber } from '../../src/shared/domain/dates.ts';

describe('ageOn', () => {
  it.each([
    ['1980-05-05', '2026-05-04', 45],
    ['1980-05-05', '2026-05-05', 46],
    ['2000-02-29', '2027-02-28', 26], // common year: the new age holds from 1 March
    ['2000-02-29', '2027-03-01', 27],
    ['2000-02-29', '2028-02-29', 28],
    ['2026-11-22', '2026-11-22', 0],
  ])('born %s, on %s → %i', (birth, date, age) => expect(ageOn(birth, date)).toBe(age));

  it('never decreases and grows by one a year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2020-12-31') }),
        fc.integer({ min: 0, max: 40000 }),
        (b, span) => {
          const birth = fromDayNumber(b);
          const date = fromDayNumber(b + span);
          const a = ageOn(birth, date);
          expect(ageOn(birth, addDays(date, 1))).toBeGreaterThanOrEqual(a);
          expect(ageOn(birth, nthBirthday(birth, a + 1))).toBe(a + 1);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('insurance age bands', () => {
  it('70–74 starts on the 1st of the month after reaching 70, or on the birthday when born on the 1st', () => {
    expect(elderlyFrom('1956-11-10')).toBe('2026-12-01');
    expect(elderlyFrom('1956-11-01')).toBe('2026-11-01');
    expect(elderlyFrom('1956-12-31')).toBe('2027-01-01');
    expect(elderlyFrom('1958-03-01')).toBe('2028-03-01'); // its 資格確認書 ends 2028-02-29
    expect(elderlyFrom('1956-02-29')).toBe('2026-03-01');
    expect(ageBand('1956-11-10', '2026-11-30')).toBe('general');
    expect(ageBand('1956-11-10', '2026-12-01')).toBe('elderly');
  });

  it('後期 starts on the 75th birthday', () => {
    expect(lateElderlyFrom('1953-03-01')).toBe('2028-03-01');
    expect(ageBand('1953-03-01', '2028-02-29')).toBe('elderly');
    expect(ageBand('1953-03-01', '2028-03-01')).toBe('late_elderly');
    expect(lateElderlyFrom('1952-02-29')).toBe('2027-03-01');
  });

  it('未就学 ends on the first 31 March after reaching 6 (the day before the 6th birthday)', () => {
    expect(preschoolUntil('2020-04-01')).toBe('2026-03-31'); // reaches 6 on 2026-03-31
    expect(preschoolUntil('2020-04-02')).toBe('2027-03-31');
    expect(preschoolUntil('2020-01-15')).toBe('2026-03-31');
    expect(ageBand('2020-04-02', '2027-03-31')).toBe('preschool');
    expect(ageBand('2020-04-02', '2027-04-01')).toBe('general');
  });
});
