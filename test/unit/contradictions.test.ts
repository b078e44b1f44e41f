/** Documents that disagree about the patient: each field, the card's 基本4情報, the ratio for the age, an expiry before issue. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findContradictions, RATIOS_BY_BAND, type FactsDocument } from '../../src/shared/documents/contradictions.ts';
import { NAME_VARIANTS, nameKey } from '../../src/shared/documents/name-variants.ts';

const DATE = '2026-12-06';
const cert = (values: FactsDocument['values'], id = 'c'): FactsDocument => ({
  id,
  kind: 'qualification_certificate',
  values,
});
const notice = (values: FactsDocument['values'], id = 'n'): FactsDocument => ({
  id,
  kind: 'qualification_notice',
  values,
});
const same = {
  name: '受付 花子',
  birthDate: '1980-05-05',
  insurerNumber: '138602',
  symbol: '千代田',
  number: '1234',
  branch: '01',
};

describe('findContradictions', () => {
  it('agreeing documents give nothing', () => {
    expect(findContradictions([cert(same), notice(same)], { name: '受付花子', birthDate: '1980-05-05' }, DATE)).toEqual(
      [],
    );
    expect(findContradictions([], undefined, DATE)).toEqual([]);
    expect(findContradictions([cert(same)], undefined, DATE)).toEqual([]);
  });

  it('a different birth date names both documents and both values', () => {
    expect(findContradictions([cert(same), notice({ ...same, birthDate: '1981-05-05' })], undefined, DATE)).toEqual([
      {
        code: 'contradiction.birthDate',
        field: 'birthDate',
        a: { documentKind: 'qualification_certificate', documentId: 'c', value: '1980-05-05' },
        b: { documentKind: 'qualification_notice', documentId: 'n', value: '1981-05-05' },
      },
    ]);
  });

  it.each([
    ['name', '受付 太郎', 'contradiction.name'],
    ['insurerNumber', '138610', 'contradiction.insurerNumber'],
    ['symbol', '港', 'contradiction.symbol'],
    ['number', '1235', 'contradiction.number'],
    ['branch', '02', 'contradiction.branch'],
  ] as const)('a different %s is found', (field, value, code) => {
    const found = findContradictions([cert(same), notice({ ...same, [field]: value })], undefined, DATE);
    expect(found).toEqual([
      expect.objectContaining({
        code,
        field,
        a: expect.objectContaining({ value: same[field] }),
        b: expect.objectContaining({ value }),
      }),
    ]);
  });

  it('the same values written differently are the same', () => {
    const written = {
      name: '受付\u3000花子',
      insurerNumber: '１３８６０２',
      symbol: '千代田',
      number: '１２３４',
      branch: '1',
      birthDate: '1980-05-05',
    };
    expect(findContradictions([cert(same), notice(written)], undefined, DATE)).toEqual([]);
    expect(
      findContradictions(
        [cert({ insurerNumber: '0113-8602' }), notice({ insurerNumber: '01138602' })],
        undefined,
        DATE,
      ),
    ).toEqual([]);
  });

  it('旧字 on the card and 新字 on paper are one name; a different name is still found', () => {
    const card = { name: '髙橋 﨑子', birthDate: '1980-05-05' };
    expect(findContradictions([notice({ name: '高橋 崎子' })], card, DATE)).toEqual([]);
    expect(findContradictions([notice({ name: '渡邉 德子' }), cert({ name: '渡辺徳子' })], undefined, DATE)).toEqual(
      [],
    );
    const found = findContradictions([notice({ name: '高橋 咲子' })], card, DATE);
    expect(found).toEqual([
      {
        code: 'contradiction.name',
        field: 'name',
        a: { documentKind: 'mynumber_card', documentId: 'card', value: '髙橋 﨑子' },
        b: { documentKind: 'qualification_notice', documentId: 'n', value: '高橋 咲子' },
      },
    ]);
  });

  it("the card's 基本4情報 stand first against every document", () => {
    const found = findContradictions(
      [cert({ birthDate: '1980-05-06' })],
      { name: '受付 花子', birthDate: '1980-05-05' },
      DATE,
    );
    expect(found).toEqual([
      expect.objectContaining({
        code: 'contradiction.birthDate',
        a: expect.objectContaining({ documentKind: 'mynumber_card', value: '1980-05-05' }),
        b: expect.objectContaining({ value: '1980-05-06' }),
      }),
    ]);
  });

  it('three documents with two readings give one finding, three readings two', () => {
    expect(
      findContradictions(
        [
          cert({ birthDate: '1980-05-05' }, 'a'),
          notice({ birthDate: '1980-05-05' }, 'b'),
          notice({ birthDate: '1981-05-05' }, 'c'),
        ],
        undefined,
        DATE,
      ),
    ).toHaveLength(1);
    expect(
      findContradictions(
        [
          cert({ birthDate: '1980-05-05' }, 'a'),
          notice({ birthDate: '1981-05-05' }, 'b'),
          notice({ birthDate: '1982-05-05' }, 'c'),
        ],
        undefined,
        DATE,
      ),
    ).toHaveLength(2);
  });

  it('a printed 負担割合 that does not fit the age band on the check day', () => {
    // 46 years old: 3割
    expect(findContradictions([cert({ birthDate: '1980-05-05', burdenRatio: '0.1' })], undefined, DATE)).toEqual([
      {
        code: 'contradiction.burdenRatioAge',
        field: 'burdenRatio',
        a: { documentKind: 'qualification_certificate', documentId: 'c', value: '0.1' },
        b: { documentKind: 'qualification_certificate', documentId: 'c', value: '1980-05-05' },
        params: { age: 46, band: 'general' },
      },
    ]);
    expect(findContradictions([cert({ birthDate: '1980-05-05', burdenRatio: '0.3' })], undefined, DATE)).toEqual([]);
    // 3 years old: 2割
    expect(
      findContradictions([cert({ birthDate: '2023-04-01', burdenRatio: '0.3' })], undefined, DATE)[0]?.params,
    ).toEqual({ age: 3, band: 'preschool' });
    // 72: 2割 or 3割, never 1割
    expect(findContradictions([cert({ birthDate: '1954-03-10', burdenRatio: '0.2' })], undefined, DATE)).toEqual([]);
    expect(findContradictions([cert({ birthDate: '1954-03-10', burdenRatio: '0.1' })], undefined, DATE)).toHaveLength(
      1,
    );
    // 80: any of the three
    expect(findContradictions([cert({ birthDate: '1946-01-01', burdenRatio: '0.1' })], undefined, DATE)).toEqual([]);
    // the birth date may come from another document or the card; an unreadable ratio is not a finding
    expect(
      findContradictions([notice({ burdenRatio: '0.2' })], { name: 'x', birthDate: '1980-05-05' }, DATE),
    ).toHaveLength(1);
    expect(findContradictions([cert({ birthDate: '1980-05-05', burdenRatio: 'abc' })], undefined, DATE)).toEqual([]);
  });

  it('every band accepts exactly its ratios', () => {
    expect(RATIOS_BY_BAND).toEqual({
      preschool: [0.2],
      general: [0.3],
      elderly: [0.2, 0.3],
      late_elderly: [0.1, 0.2, 0.3],
    });
  });

  it('an expiry before the issue date', () => {
    expect(findContradictions([cert({ issueDate: '2026-08-01', expiry: '2026-07-31' })], undefined, DATE)).toEqual([
      {
        code: 'contradiction.expiryBeforeIssue',
        field: 'expiry',
        a: { documentKind: 'qualification_certificate', documentId: 'c', value: '2026-08-01' },
        b: { documentKind: 'qualification_certificate', documentId: 'c', value: '2026-07-31' },
      },
    ]);
    expect(findContradictions([cert({ issueDate: '2026-08-01', expiry: '2026-08-01' })], undefined, DATE)).toEqual([]);
    expect(findContradictions([cert({ issueDate: 'R8.8.1', expiry: '2026-07-31' })], undefined, DATE)).toEqual([]);
  });

  it('never throws and names only documents it was given', () => {
    const values = fc.record(
      {
        name: fc.string(),
        birthDate: fc.oneof(fc.string(), fc.constant('1980-05-05'), fc.constant('2030-01-01')),
        burdenRatio: fc.oneof(fc.string(), fc.constantFrom('0.1', '0.2', '0.3')),
        issueDate: fc.string(),
        expiry: fc.string(),
        insurerNumber: fc.string(),
        branch: fc.string(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(values, { maxLength: 5 }), (vs) => {
        const docs = vs.map((v, i) => notice(v, `d${i}`));
        const found = findContradictions(docs, undefined, DATE);
        return found.every(
          (c) => docs.some((d) => d.id === c.a.documentId) && docs.some((d) => d.id === c.b.documentId),
        );
      }),
    );
  });
});

describe('nameKey', () => {
  it('folds every 旧字 in the table to its 新字, and spaces of any width', () => {
    for (const [variant, common] of NAME_VARIANTS) expect(nameKey(`山${variant}`)).toBe(`山${common}`);
    expect(nameKey('受付　花子')).toBe('受付花子');
    expect(nameKey('ｳｹﾂｹ ﾊﾅｺ')).toBe('ウケツケハナコ');
    expect(nameKey('斉藤')).not.toBe(nameKey('斎藤'));
  });
});
