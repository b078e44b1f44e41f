import { describe, expect, it } from 'vitest';
import { extractFields, PLACE_ONLY_RULES, type Extraction } from '../../src/main/ocr/extract-fields.ts';
import { DATE_ROLE_RULES } from '../../src/main/ocr/extract/date-roles.ts';
import { fillGaps } from '../../src/main/ocr/fill-gaps.ts';
import { PADDLE_FIELDS } from '../../src/main/ocr/scan.ts';
import { ocrWarning } from '../../src/shared/ocr/warnings.ts';
import { lines } from './support/ocr-lines.ts';

const extraction = (x: Partial<Extraction> = {}): Extraction => ({
  fields: {},
  confidence: {},
  warnings: [],
  personalNumberSeen: false,
  personalNumberLines: [],
  reread: {},
  via: {},
  boxes: {},
  ...x,
});

describe('filling the gaps of one reading from another', () => {
  it('never fills a 保険者番号 without a warning: the other reading’s own, or that it was read again', () => {
    const x = extraction();
    fillGaps(x, extraction({ fields: { insurerNumber: '01450014' }, confidence: { insurerNumber: 0.9 } }), {
      atMost: 0.6,
      via: 'second-reader-page',
    });
    expect(x.fields.insurerNumber).toBe('01450014');
    expect(x.confidence.insurerNumber).toBe(0.6);
    expect(x.via.insurerNumber).toEqual(['second-reader-page']);
    expect(x.warnings).toContainEqual(ocrWarning('ocr.insurerNumberReread', { number: '01450014' }));

    const y = extraction();
    const unlabelled = ocrWarning('ocr.insurerNumberWithoutLabel', { number: '01450014' });
    fillGaps(
      y,
      extraction({ fields: { insurerNumber: '01450014' }, confidence: { insurerNumber: 0.6 }, warnings: [unlabelled] }),
      {},
    );
    expect(y.warnings.filter((w) => w.code.startsWith('ocr.insurerNumber'))).toEqual([unlabelled]);
  });

  it('takes a 保険者番号 only with a valid 検証番号, and replaces nothing the first reading has', () => {
    const x = extraction({ fields: { birthDate: '1950-02-12' }, confidence: { birthDate: 0.9 } });
    fillGaps(
      x,
      extraction({
        fields: { insurerNumber: '01450015', birthDate: '1950-02-13', expiry: '2025-02-11' },
        confidence: { insurerNumber: 0.9, birthDate: 0.9, expiry: 0.5 },
        warnings: [ocrWarning('ocr.dateLatest', { field: 'expiry', date: '2025-02-11' })],
      }),
      {},
    );
    expect(x.fields).toEqual({ birthDate: '1950-02-12', expiry: '2025-02-11' });
    // The other reading's warning about a field it filled comes with it.
    expect(x.warnings).toEqual([ocrWarning('ocr.dateLatest', { field: 'expiry', date: '2025-02-11' })]);
  });

  it('takes a 適用区分 from the second reader’s page reading when tesseract lost it, for confirmation', () => {
    // A degraded 限度額適用認定証 (tuning corpus): tesseract read 「区分」 without its Ⅱ.
    const x = extractFields(lines('乙用区分 3925707751', 'に 区分'), 'limit_certificate');
    expect(x.fields.limitCategory).toBeUndefined();
    const page = extractFields(lines('用区分 2025/07/51', '区分Ⅱ'), 'limit_certificate');
    fillGaps(x, page, { only: PADDLE_FIELDS, atMost: 0.6, via: 'second-reader-page' });
    expect(x.fields.limitCategory).toBe('Ⅱ');
    expect(x.confidence.limitCategory).toBeLessThanOrEqual(0.6);
  });

  it('knows the rules that place by position alone by their ids', () => {
    const ids = new Set(DATE_ROLE_RULES.map((r) => r.id));
    for (const id of PLACE_ONLY_RULES) expect(ids.has(id), id).toBe(true);
  });

  it('replaces a date placed only by where it stands with the other reading’s date read beside its label', () => {
    const alone = ocrWarning('ocr.dateAlone', { field: 'issueDate', date: '2025-03-03' });
    const x = extraction({
      fields: { issueDate: '2025-03-03' },
      confidence: { issueDate: 0.4 },
      via: { issueDate: ['date-alone'] },
      warnings: [alone],
    });
    const labelled = extraction({
      fields: { issueDate: '2025-03-13' },
      confidence: { issueDate: 0.9 },
      via: { issueDate: ['label'] },
    });
    fillGaps(x, labelled, { atMost: 0.6, via: 'second-reader-page' });
    expect(x.fields.issueDate).toBe('2025-03-13');
    expect(x.via.issueDate).toEqual(['second-reader-page', 'label']);
    expect(x.warnings).not.toContainEqual(alone);
    // Another guess of the same kind does not.
    const y = extraction({ fields: { issueDate: '2025-03-03' }, via: { issueDate: ['date-alone'] } });
    fillGaps(
      y,
      extraction({ fields: { issueDate: '2025-03-13' }, via: { issueDate: ['second-reader-page', 'date-alone'] } }),
      {},
    );
    expect(y.fields.issueDate).toBe('2025-03-03');
    // Nor fills a field whose place the reading found by its label (the second reader reads it there).
    const z = extraction({ boxes: { issueDate: { x0: 0, y0: 0, x1: 10, y1: 10 } } });
    fillGaps(z, extraction({ fields: { issueDate: '2014-11-30' }, via: { issueDate: ['date-alone'] } }), {});
    expect(z.fields.issueDate).toBeUndefined();
  });

  it('replaces the earliest date taken for the birth date with the other reading’s 生年月日 read beside its label', () => {
    // A portal screen (tuning): tesseract read 「生年月日 2000706/21」, so its 資格取得年月日 was the earliest date.
    const screen = (birth: string) =>
      extractFields(
        lines(`生年月日  ${birth}`, '資格取得年月日  2010/05/18', '※この画面は、2026/01/05 時点の情報です。'),
        'portal_screen',
      );
    const x = screen('2000706/21');
    expect(x.fields.birthDate).toBe('2010-05-18');
    const page = screen('2000/06/21');
    fillGaps(x, page, { only: PADDLE_FIELDS, atMost: 0.6, via: 'second-reader-page' });
    expect(x.fields.birthDate).toBe('2000-06-21');
    expect(x.confidence.birthDate).toBeLessThanOrEqual(0.6);
  });
});
