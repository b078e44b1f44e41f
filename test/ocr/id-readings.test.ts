import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/main/ocr/extract-fields.ts';
import { numberFromCrop, oneDigitDoubled, weighIdReadings } from '../../src/main/ocr/id-readings.ts';
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
    // A mark inside the 番号 label read as 3 split the row before the number (clean limit certificate).
    const x = reading({ number: '3' });
    weighIdReadings(x, reading({ number: '95436549' }));
    expect(x.fields.number).toBe('3');
    expect(x.confidence.number).toBe(0.5);
    expect(x.reread).toEqual({ number: box, numberReadings: ['3', '95436549'] });
    expect(x.warnings).toEqual([ocrWarning('ocr.readersDisagree', { field: 'number', value: '3', other: '95436549' })]);
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
