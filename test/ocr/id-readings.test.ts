import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/main/ocr/extract-fields.ts';
import {
  branchFromSecond,
  branchWorthSecond,
  numberFromCrop,
  oneDigitDoubled,
  takeSecondBranch,
  weighIdReadings,
} from '../../src/main/ocr/id-readings.ts';
import { ocrWarning } from '../../src/shared/ocr/warnings.ts';

const box = { x0: 400, y0: 100, x1: 600, y1: 130 };
const reading = (fields: Extraction['fields'], via = 'label', confidence = 0.9): Extraction => ({
  fields,
  confidence: Object.fromEntries(Object.keys(fields).map((k) => [k, confidence])),
  warnings: [],
  personalNumberSeen: false,
  personalNumberLines: [],
  reread: {},
  via: Object.fromEntries(Object.keys(fields).map((k) => [k, [via]])),
  boxes: Object.fromEntries(Object.keys(fields).map((k) => [k, box])),
});

describe('記号・番号・枝番 the two page readings disagree on', () => {
  it('shows PP-OCRv4’s 枝番 where tesseract read 00 as 66, for confirmation with both readings', () => {
    const x = reading({ symbol: '65', number: '95436549', branch: '66' });
    weighIdReadings(x, reading({ symbol: '65', number: '95436549', branch: '00' }));
    expect(x.fields).toEqual({ symbol: '65', number: '95436549', branch: '00' });
    expect(x.confidence.branch).toBeLessThanOrEqual(0.5);
    expect(x.confidence.number).toBe(0.9);
    expect(x.via.branch).toEqual(['label', 'ids-branch-second']);
    expect(x.warnings).toEqual([ocrWarning('ocr.readersDisagree', { field: 'branch', value: '00', other: '66' })]);
  });

  it('keeps the first reading of a number PP-OCRv4 read with one digit twice', () => {
    expect(oneDigitDoubled('372674', '3726744')).toBe(true);
    expect(oneDigitDoubled('6703192', '67035192')).toBe(false);
    const x = reading({ number: '372674' });
    weighIdReadings(x, reading({ number: '3726744' }));
    expect(x.fields.number).toBe('372674');
    expect(x.confidence.number).toBe(0.9);
    expect(x.warnings).toEqual([]);
  });

  it('sends any other number they disagree on to confirmation, and its crop to be read again to settle it', () => {
    const x = reading({ number: '399073' });
    weighIdReadings(x, reading({ number: '399070' }));
    expect(x.fields.number).toBe('399073');
    expect(x.confidence.number).toBe(0.5);
    expect(x.via.number).toEqual(['label', 'ids-readers-differ']);
    expect(x.reread).toEqual({ number: box, numberReadings: ['399073', '399070'] });
    expect(x.warnings).toEqual([
      ocrWarning('ocr.readersDisagree', { field: 'number', value: '399073', other: '399070' }),
    ]);
  });

  it.each([
    // 資格情報のお知らせ: the 記号 read again beside the 番号 label, by either reader.
    ['ids-number-is-symbol', { symbol: '27020', number: '27020' }, { symbol: '27020', number: '22878921' }, '22878921'],
    ['ids-number-is-symbol', { symbol: '7184134', number: '593299' }, { number: '7184134' }, '593299'],
    ['ids-number-too-long', { number: '603542362' }, { number: '60354362' }, '60354362'],
    ['ids-number-too-long', { number: '3369929' }, { number: '9393643252' }, '3369929'],
    ['ids-number-cut-short', { number: '1731' }, { number: '17313297' }, '17313297'],
    ['ids-number-cut-short', { number: '106631' }, { number: '1066' }, '106631'],
    ['ids-zero-as-six', { number: '642560' }, { number: '642500' }, '642500'],
    ['ids-zero-as-six', { number: '14118859' }, { number: '14118850' }, '14118850'],
  ] as const)('%s: shows %j against %j as %s, for confirmation with both readings', (rule, first, second, shown) => {
    const x = reading({ ...first });
    weighIdReadings(x, reading({ ...second }));
    expect(x.fields.number).toBe(shown);
    expect(x.confidence.number).toBe(0.5);
    expect(x.via.number).toEqual(['label', rule]);
    expect(x.reread).toEqual({});
    expect(x.warnings).toContainEqual(
      ocrWarning('ocr.readersDisagree', {
        field: 'number',
        value: shown,
        other: shown === first.number ? second.number : first.number,
      }),
    );
  });

  it('takes the 枝番 the second reader read where tesseract read its 0s as 6 or 9', () => {
    expect(branchFromSecond('69', '00')).toBe('00');
    // A combined row's box: 記号, 番号 and 枝番.
    expect(branchFromSecond('92', '465770-6203930(02)')).toBe('02');
    // Any other difference is no such misread; nor is a reading without the 枝番.
    expect(branchFromSecond('90', '02')).toBeUndefined();
    expect(branchFromSecond('69', '枝番）')).toBeUndefined();
    expect(branchFromSecond('69', '69')).toBeUndefined();
  });

  it('shows that 枝番 for confirmation with both readings, and asks for it only where a 6 or 9 was read', () => {
    const x = reading({ number: '6203930', branch: '92' }, 'combined-id', 0.59);
    expect(branchWorthSecond(x)).toBe(true);
    takeSecondBranch(x, '465770-6203930(02)');
    expect(x.fields.branch).toBe('02');
    expect(x.confidence.branch).toBe(0.5);
    expect(x.via.branch).toEqual(['combined-id', 'branch-second-zero']);
    expect(x.warnings).toEqual([ocrWarning('ocr.readersDisagree', { field: 'branch', value: '02', other: '92' })]);
    const other = reading({ branch: '03' });
    expect(branchWorthSecond(other)).toBe(false);
    takeSecondBranch(other, '08');
    expect(other.fields.branch).toBe('03');
    expect(other.warnings).toEqual([]);
  });

  it('does not take a 0 for the 6 or 9 PP-OCRv4 read', () => {
    const x = reading({ number: '642500' });
    weighIdReadings(x, reading({ number: '642560' }));
    expect(x.fields.number).toBe('642500');
    expect(x.via.number).toEqual(['label', 'ids-readers-differ']);
  });

  it('leaves a field either reading placed by a fallback’s guess to the first reading', () => {
    const x = reading({ symbol: '65' });
    weighIdReadings(x, reading({ symbol: '655' }, 'id-row-shape'));
    expect(x.fields.symbol).toBe('65');
    expect(x.warnings).toEqual([]);
  });

  it('settles a disputed number by a crop read that agrees with one reading, the 枝番 it caught let go', () => {
    const disputed = { fields: { branch: '00' }, reread: { numberReadings: ['3', '95436549'] } };
    expect(numberFromCrop('9543654900', disputed)).toBe('95436549');
    expect(numberFromCrop('95436549', disputed)).toBe('95436549');
    expect(numberFromCrop('5703519200', disputed)).toBeUndefined();
    // Undisputed: any clean run of up to 8 digits, never a 個人番号's 12.
    expect(numberFromCrop('4479551', { fields: {}, reread: {} })).toBe('4479551');
    expect(numberFromCrop('123456789018', { fields: {}, reread: {} })).toBeUndefined();
    expect(numberFromCrop('44256S', { fields: {}, reread: {} })).toBeUndefined();
  });
});
