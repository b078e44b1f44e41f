/**
 * Two readers, one field: what the second reader (PP-OCRv4, paddle-reader.ts) read for a field is
 * checked like the field itself (a 保険者番号's 検証番号, a date that parses, 1–3割, 男/女), and the
 * two readings are weighed. Pure.
 *
 * - only one reading passes its check: that one is taken (the second's for confirmation);
 * - both pass and agree: two different models read the same, so the field needs no confirmation
 *   for being unsure;
 * - both pass and differ: the second's is shown (it reads digits in any face; tesseract misreads
 *   faces it saw little of), marked for confirmation with both readings in the warning.
 */
import { validateInsurerNumber } from '../../shared/domain/insurer-number.ts';
import { toHalfWidth } from '../../shared/domain/text.ts';
import { ocrWarning, type OcrWarning } from '../../shared/ocr/warnings.ts';
import { datesIn, repairOcr, type ExtractedFields, type FieldName } from './extract-fields.ts';

/** The fields the second reader reads: digits, dates, 割 and 男/女 (it lacks most kana). */
export const SECOND_READ_FIELDS = [
  'insurerNumber',
  'birthDate',
  'issueDate',
  'expiry',
  'cardExpiry',
  'certificateExpiry',
  'burdenRatio',
  'sex',
] as const satisfies readonly FieldName[];
export type SecondReadField = (typeof SECOND_READ_FIELDS)[number];
type Value = ExtractedFields[SecondReadField];

/**
 * A validity printed as a range 「令和6年6月1日から令和7年5月31日まで」 ends with its expiry: the
 * first date of the crop is the start (PP-OCRv4 reads から and まで as other glyphs, 加5, 飞).
 */
const LAST_DATE: ReadonlySet<SecondReadField> = new Set(['expiry']);

const DATE_FIELDS: ReadonlySet<SecondReadField> = new Set([
  'birthDate',
  'issueDate',
  'expiry',
  'cardExpiry',
  'certificateExpiry',
]);
/** How many dates a text prints, by its 年 (a misread era still has one) or its parsed dates. */
const datesPrinted = (text: string) =>
  Math.max((text.match(/年/g) ?? []).length, datesIn(repairOcr(toHalfWidth(text).replace(/\s+/g, ''))).length);

/** A confidence at which a field two readers agree on is taken as read. */
const AGREED = 0.85;
/** The confidence of a field the second reader alone read, or read otherwise. */
const SECOND_ONLY = 0.6;
const DISAGREED = 0.5;

/**
 * The value the second reader's text gives for `field`, if it passes the field's own check. The
 * Chinese dictionary reads 令 as 今: 今和 is 令和.
 */
export function parseSecond(field: SecondReadField, text: string): Value | undefined {
  const t = toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/今(?=和)/g, '令');
  switch (field) {
    case 'insurerNumber': {
      const digits = t.replace(/\D/g, '');
      const check = validateInsurerNumber(digits);
      return check.valid ? check.normalized : undefined;
    }
    case 'burdenRatio': {
      const m = /(?<!\d)([123])割/.exec(t) ?? /^([123])$/.exec(t);
      return m ? ((Number(m[1]) / 10) as 0.1 | 0.2 | 0.3) : undefined;
    }
    case 'sex': {
      const m = /^[^男女]{0,1}([男女])[^男女]{0,1}$/.exec(t);
      return m ? (m[1] === '男' ? 'male' : 'female') : undefined;
    }
    default: {
      const dates = datesIn(repairOcr(t));
      return LAST_DATE.has(field) ? dates.at(-1) : dates[0];
    }
  }
}

/** Whether the first reader's value passes the field's own check. */
function passes(field: SecondReadField, v: Value | undefined): boolean {
  if (v === undefined) return false;
  return field === 'insurerNumber' ? validateInsurerNumber(String(v)).valid : true;
}

export interface Weighed {
  value: Value;
  confidence: number;
  /** 'second-reader' (taken from it), 'second-reader-agrees', 'second-reader-differs', or settled by its page reading. */
  rule:
    | 'second-reader'
    | 'second-reader-agrees'
    | 'second-reader-differs'
    | 'second-reader-page-agrees'
    | 'second-reader-page-differs';
  /** For staff, when the field must be confirmed for the two readings. */
  warning?: OcrWarning;
}

/**
 * The field from the two readings, or undefined when the second adds nothing (it read nothing that
 * passes). `paged`: the date the second reader's reading of the whole page gives beside the
 * field's own label, which settles a difference between the first reading and the second's crop:
 * - the crop read a date other than the first reading's, the page reading the first's (1956-12-10
 *   read 1956-12-01 in the crop): the first stands, for confirmation;
 * - the crop read no date where the first read one, the page reading another (a 「…まで」 read
 *   2037-03-31 by tesseract, 2028-03-31 by PP-OCRv4): not taken as read (clean tuning seed 3004).
 */
export function weigh(
  field: SecondReadField,
  first: { value?: Value; confidence: number },
  secondText: string,
  paged?: Value,
): Weighed | undefined {
  const second = parseSecond(field, secondText);
  const dated = DATE_FIELDS.has(field) && paged !== undefined && passes(field, first.value);
  if (second === undefined) {
    if (!dated || paged === first.value) return undefined;
    return {
      value: paged!,
      confidence: DISAGREED,
      rule: 'second-reader-page-differs',
      warning: ocrWarning('ocr.readersDisagree', { field, value: String(paged), other: String(first.value) }),
    };
  }
  const shown = (v: Value) =>
    field === 'burdenRatio'
      ? `${Math.round(Number(v) * 10)}割`
      : field === 'sex'
        ? v === 'male'
          ? '男'
          : '女'
        : String(v);
  if (!passes(field, first.value)) {
    return {
      value: second,
      confidence: SECOND_ONLY,
      rule: 'second-reader',
      warning: ocrWarning('ocr.secondReaderOnly', {
        field,
        value: shown(second),
        other: first.value !== undefined ? shown(first.value) : '—',
      }),
    };
  }
  if (second === first.value)
    return { value: second, confidence: Math.max(first.confidence, AGREED), rule: 'second-reader-agrees' };
  // A crop holding two dates (a range; 有効期限 and 交付年月日 read as one line) does not say which
  // is the field's: it may agree, not overrule — unless the page reading beside the label says the
  // same (a range's end read 2028-03-31 in both, 2037-03-31 by tesseract; clean tuning seed 3004).
  if (DATE_FIELDS.has(field) && datesPrinted(secondText) > 1 && paged !== second) return undefined;
  if (dated && paged === first.value)
    return {
      value: first.value!,
      confidence: Math.min(first.confidence, DISAGREED),
      rule: 'second-reader-page-agrees',
      warning: ocrWarning('ocr.readersDisagree', { field, value: shown(first.value!), other: shown(second) }),
    };
  return {
    value: second,
    confidence: DISAGREED,
    rule: 'second-reader-differs',
    warning: ocrWarning('ocr.readersDisagree', { field, value: shown(second), other: shown(first.value!) }),
  };
}
