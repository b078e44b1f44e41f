import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  HOUBETSU_TABLE,
  insurerCheckDigit,
  insurerNameOf,
  schemeOfInsurerNumber,
  validateInsurerNumber,
} from '../../src/shared/domain/insurer-number.ts';
import { PREFECTURES, prefectureOf } from '../../src/shared/domain/prefectures.ts';

describe('insurerCheckDigit', () => {
  it('matches the MHLW worked examples', () => {
    expect(insurerCheckDigit('3312001')).toBe(5);
    expect(insurerCheckDigit('0104001')).toBe(3);
    expect(insurerCheckDigit('0113001')).toBe(2);
    expect(insurerCheckDigit('0611082')).toBe(9);
  });

  it('6-digit bases (国保)', () => {
    // 1,3,8,0,5 → weights from the right 2,1,2,1,2: 10→1, 0, 16→7, 3, 2 = 13 → 7
    expect(insurerCheckDigit('13805')).toBe(7);
    expect(insurerCheckDigit('27100')).toBe(7);
    expect(insurerCheckDigit('01010')).toBe(8);
    expect(insurerCheckDigit('47001')).toBe(3);
    expect(insurerCheckDigit('99001')).toBe(0);
  });

  it('rejects non-digit bases', () => {
    expect(() => insurerCheckDigit('')).toThrow(RangeError);
    expect(() => insurerCheckDigit('12a4')).toThrow(RangeError);
  });
});

describe('validateInsurerNumber: required facts', () => {
  it.each(['33120015', '01040013', '01130012', '06110829'])('%s is valid', (n) => {
    const r = validateInsurerNumber(n);
    expect(r.valid).toBe(true);
    expect(r.normalized).toBe(n);
  });

  it('33120016 fails the check digit, expected 5', () => {
    expect(validateInsurerNumber('33120016')).toEqual({
      valid: false,
      normalized: '33120016',
      reason: 'check_digit',
      expectedCheckDigit: 5,
    });
  });

  it('describes an 8-digit number', () => {
    expect(validateInsurerNumber('33120015')).toEqual({
      valid: true,
      normalized: '33120015',
      format: 'standard8',
      houbetsu: '33',
      prefecture: '12',
      scheme: 'kyosai',
    });
    expect(validateInsurerNumber('06110829')).toEqual({
      valid: true,
      normalized: '06110829',
      format: 'standard8',
      houbetsu: '06',
      prefecture: '11',
      scheme: 'kumiai',
    });
  });
});

describe('validateInsurerNumber: 6-digit 国保', () => {
  it.each(['138057', '271007', '010108', '470013'])('%s is valid', (n) => {
    const r = validateInsurerNumber(n);
    expect(r).toEqual({ valid: true, normalized: n, format: 'kokuho6', prefecture: n.slice(0, 2), scheme: 'kokuho' });
    expect(r).not.toHaveProperty('houbetsu');
  });

  it('reports the expected digit', () => {
    expect(validateInsurerNumber('138058')).toEqual({
      valid: false,
      normalized: '138058',
      reason: 'check_digit',
      expectedCheckDigit: 7,
    });
  });

  it('omits an out-of-range prefecture but still accepts a correct check digit', () => {
    const r = validateInsurerNumber('990010');
    expect(r).toEqual({ valid: true, normalized: '990010', format: 'kokuho6', scheme: 'kokuho' });
    expect(r).not.toHaveProperty('prefecture');
    const base8 = '0148001';
    const n8 = base8 + insurerCheckDigit(base8);
    const r8 = validateInsurerNumber(n8);
    expect(r8.valid).toBe(true);
    expect(r8).not.toHaveProperty('prefecture');
    const base00 = '0100001';
    expect(validateInsurerNumber(base00 + insurerCheckDigit(base00))).not.toHaveProperty('prefecture');
  });
});

describe('validateInsurerNumber: input handling', () => {
  it('accepts full-width digits', () => {
    expect(validateInsurerNumber('３３１２００１５')).toMatchObject({ valid: true, normalized: '33120015' });
  });

  it('strips spaces and hyphens (incl. full-width and dash look-alikes)', () => {
    for (const raw of [
      '3312 0015',
      ' 33120015 ',
      '33-12-0015',
      '3312-001-5',
      '３３１２　００１５',
      '３３－１２－００１５',
      '33ー12ー0015',
      '33−120015',
    ]) {
      expect(validateInsurerNumber(raw)).toMatchObject({ valid: true, normalized: '33120015' });
    }
  });

  it('not_digits', () => {
    for (const raw of ['3312001A', 'abcdef', '33120O15', '３３１２００１Ｘ', '3312.0015', '令和123456']) {
      expect(validateInsurerNumber(raw)).toMatchObject({ valid: false, reason: 'not_digits' });
    }
  });

  it('bad_length', () => {
    for (const raw of ['12345', '1234567', '331200150', '', '   ', '1', '1234567890']) {
      expect(validateInsurerNumber(raw)).toMatchObject({ valid: false, reason: 'bad_length' });
    }
  });

  it('never corrects a number', () => {
    const r = validateInsurerNumber('01040014');
    expect(r).toEqual({ valid: false, normalized: '01040014', reason: 'check_digit', expectedCheckDigit: 3 });
  });
});

describe('Luhn detects every single-digit error', () => {
  const valid8 = fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 })
    .map((ds) => ds.join(''))
    .map((base) => base + insurerCheckDigit(base));

  it('generated numbers are valid', () => {
    fc.assert(fc.property(valid8, (n) => validateInsurerNumber(n).valid));
  });

  it('changing any one digit (check digit included) invalidates the number', () => {
    fc.assert(
      fc.property(valid8, fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
        const digit = (Number(n[pos]) + delta) % 10;
        const flipped = n.slice(0, pos) + digit + n.slice(pos + 1);
        const r = validateInsurerNumber(flipped);
        return !r.valid && r.reason === 'check_digit';
      }),
    );
  });

  it('same for 6-digit numbers', () => {
    const valid6 = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 5 })
      .map((ds) => ds.join(''))
      .map((base) => base + insurerCheckDigit(base));
    fc.assert(
      fc.property(valid6, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
        const flipped = n.slice(0, pos) + ((Number(n[pos]) + delta) % 10) + n.slice(pos + 1);
        return !validateInsurerNumber(flipped).valid;
      }),
    );
  });
});

describe('schemeOfInsurerNumber', () => {
  const withCheck = (base: string): string => base + insurerCheckDigit(base);

  it.each([
    ['138057', 'kokuho'],
    ['01040013', 'kyokai'],
    [withCheck('0213001'), 'other'],
    [withCheck('0313001'), 'kyokai'],
    [withCheck('0413001'), 'kyokai'],
    ['06110829', 'kumiai'],
    [withCheck('0713001'), 'kyosai'],
    [withCheck('3113001'), 'kyosai'],
    [withCheck('3213001'), 'kyosai'],
    ['33120015', 'kyosai'],
    [withCheck('3413001'), 'kyosai'],
    [withCheck('3913001'), 'kouki'],
    [withCheck('6313001'), 'kumiai'],
    [withCheck('6713001'), 'kokuho'],
    [withCheck('7213001'), 'kyosai'],
    [withCheck('7513001'), 'kyosai'],
    [withCheck('0513001'), 'other'],
    [withCheck('8013001'), 'other'],
    ['1234567', 'other'],
  ])('%s → %s', (n, scheme) => {
    expect(schemeOfInsurerNumber(n)).toBe(scheme);
  });

  it('validateInsurerNumber reports the same scheme', () => {
    expect(validateInsurerNumber(withCheck('3913001'))).toMatchObject({ valid: true, houbetsu: '39', scheme: 'kouki' });
  });

  it('HOUBETSU_TABLE has unique two-digit codes and Japanese names', () => {
    const codes = HOUBETSU_TABLE.map((e) => e.houbetsu);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of HOUBETSU_TABLE) {
      expect(e.houbetsu).toMatch(/^\d{2}$/);
      expect(e.name.length).toBeGreaterThan(0);
    }
    expect(HOUBETSU_TABLE.find((e) => e.houbetsu === '01')).toEqual({
      houbetsu: '01',
      name: '全国健康保険協会（協会けんぽ）',
      scheme: 'kyokai',
    });
  });
});

describe('insurerNameOf: the insurers a number alone names', () => {
  const withCheck = (base: string): string => base + insurerCheckDigit(base);

  it('has the 47 都道府県番号 in JIS order', () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(new Set(PREFECTURES).size).toBe(47);
    expect([prefectureOf('01'), prefectureOf('13'), prefectureOf('35'), prefectureOf('47')]).toEqual([
      '北海道',
      '東京都',
      '山口県',
      '沖縄県',
    ]);
    expect([prefectureOf('00'), prefectureOf('48'), prefectureOf('1')]).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    [withCheck('0113001'), '全国健康保険協会東京支部'],
    [withCheck('0101001'), '全国健康保険協会北海道支部'],
    [withCheck('0126001'), '全国健康保険協会京都支部'],
    [withCheck('3913001'), '東京都後期高齢者医療広域連合'],
    [withCheck('3944012'), '大分県後期高齢者医療広域連合'],
  ])('%s → %s', (n, name) => {
    expect(insurerNameOf(n)).toBe(name);
  });

  it('names no other insurer, and none for a number that fails its check', () => {
    for (const n of [
      withCheck('0613123'),
      withCheck('3113001'),
      withCheck('13001'),
      withCheck('0113002'),
      withCheck('0148001'),
    ])
      expect(insurerNameOf(n)).toBeUndefined();
    const good = withCheck('0113001');
    expect(insurerNameOf(good.slice(0, 7) + ((Number(good[7]) + 1) % 10))).toBeUndefined();
  });
});
