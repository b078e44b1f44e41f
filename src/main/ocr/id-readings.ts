/**
 * 記号・番号・枝番 read beside their labels by both page readings (tesseract's and PP-OCRv4's,
 * paddle-lines.ts) that differ: one of them misread a digit. Each field has its rule, with the
 * evidence for it; whatever the rule, the field goes to confirmation with both readings, unless the
 * difference is one the second reader is known to make. Pure.
 */
import { ocrWarning } from '../../shared/ocr/warnings.ts';
import { scrubPersonalNumbers, type Extraction } from './extract-fields.ts';

type IdField = 'symbol' | 'number' | 'branch';

/** Placements by a printed label or the combined form, not by a fallback's guess. */
const BY_LABEL = new Set(['label', 'combined-id', 'combined-id-labelled']);
/** A field the two readers disagree on is never surer than this. */
const DISPUTED = 0.5;

/** Whether `longer` is `shorter` with one of its digits read twice. */
export function oneDigitDoubled(shorter: string, longer: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 1; i < longer.length; i++)
    if (longer[i] === longer[i - 1] && longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  return false;
}

export const ID_READING_RULES: readonly {
  id: string;
  field: IdField;
  evidence: string;
  /**
   * Which reading the field shows: 'keep' the first's as it was (a known misread of the second's);
   * the 'second''s; or the first's until a 'crop' read agrees with either.
   */
  take: (first: string, second: string) => 'keep' | 'second' | 'crop';
}[] = [
  {
    id: 'ids-second-doubled',
    field: 'number',
    evidence: 'PP-OCRv4’s CTC reads one digit twice (372674 as 3726744, 4702865 as 47028655; clean tuning cards)',
    take: (first, second) => (oneDigitDoubled(first, second) ? 'keep' : 'crop'),
  },
  {
    id: 'ids-second-doubled',
    field: 'symbol',
    evidence: 'PP-OCRv4’s CTC reads one digit twice (791 as 7911)',
    take: (first, second) => (oneDigitDoubled(first, second) ? 'keep' : 'crop'),
  },
  {
    id: 'ids-branch-second',
    field: 'branch',
    evidence:
      'tesseract reads the 00 of 「(枝番) 00」 as 66 or 90; PP-OCRv4 read 00 each time (tuning, clean and degraded)',
    take: () => 'second',
  },
];

/**
 * Weighs the fields `x` (the first reading) and `second` both read by label. The number the two
 * disagree on is read again from the second's box: the crop settles it only by agreeing with one.
 */
export function weighIdReadings(x: Extraction, second: Extraction): void {
  for (const rule of ID_READING_RULES) {
    const k = rule.field;
    const [a, b] = [x.fields[k], second.fields[k]];
    if (a === undefined || b === undefined || a === b) continue;
    if (!BY_LABEL.has(x.via[k]?.[0] ?? '') || !BY_LABEL.has(second.via[k]?.[0] ?? '')) continue;
    const take = rule.take(a, b);
    if (take === 'keep') continue;
    const [shown, other] = take === 'second' ? [b, a] : [a, b];
    x.fields[k] = shown;
    x.confidence[k] = Math.min(x.confidence[k] ?? 0, second.confidence[k] ?? 0, DISPUTED);
    x.via[k] = [...(x.via[k] ?? []), take === 'crop' ? 'ids-readers-differ' : rule.id];
    x.warnings.push(ocrWarning('ocr.readersDisagree', { field: k, value: shown, other }));
    if (take === 'crop' && k === 'number') {
      const box = second.boxes.number ?? x.boxes.number;
      if (box) x.reread = { ...x.reread, number: box, numberReadings: [a, b] };
    }
  }
}

/**
 * The number a digits-only read of its crop gives: a clean run of digits, never one as long as a
 * 個人番号, and one of the two readings when they disagree. A 番号 has at most 8 digits: a longer
 * read that ends in the 枝番 caught it beside the number (「95436549 (枝番) 00」 read 9543654900).
 */
export function numberFromCrop(read: string, x: Pick<Extraction, 'fields' | 'reread'>): string | undefined {
  if (!/^\d+$/.test(read) || scrubPersonalNumbers(read).seen) return undefined;
  const branch = x.fields.branch;
  const number = read.length > 8 && branch && read.endsWith(branch) ? read.slice(0, -branch.length) : read;
  if (number.length > 8) return undefined;
  return (x.reread.numberReadings?.includes(number) ?? true) ? number : undefined;
}
