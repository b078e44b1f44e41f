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

/** What a rule makes of two readings: see ID_READING_RULES' `take`. */
type Take = 'keep' | 'first' | 'second';

/** The two readings of a field, and the 記号 either reading found (a 番号 never repeats it). */
interface Readings {
  first: string;
  second: string;
  symbols: readonly string[];
}

/** A 番号 has at most 8 digits (a longer read ran into the 枝番 or a neighbour). */
const MAX_NUMBER_DIGITS = 8;

/**
 * Rules for a field the two readings disagree on, tried in order; the first that applies decides.
 * `take`: 'keep' the first's as it was (a known misread of the second's, not sent to confirmation);
 * show the 'first''s or the 'second''s, for confirmation; undefined: the rule does not apply. Where
 * none applies, the first's is shown until a crop read agrees with either.
 */
export const ID_READING_RULES: readonly {
  id: string;
  field: IdField;
  evidence: string;
  take: (r: Readings) => Take | undefined;
}[] = [
  {
    id: 'ids-second-doubled',
    field: 'number',
    evidence: 'PP-OCRv4’s CTC reads one digit twice (372674 as 3726744, 4702865 as 47028655; clean tuning cards)',
    take: ({ first, second }) => (oneDigitDoubled(first, second) ? 'keep' : undefined),
  },
  {
    id: 'ids-second-doubled',
    field: 'symbol',
    evidence: 'PP-OCRv4’s CTC reads one digit twice (791 as 7911)',
    take: ({ first, second }) => (oneDigitDoubled(first, second) ? 'keep' : undefined),
  },
  {
    id: 'ids-number-is-symbol',
    field: 'number',
    evidence:
      'a reading beside the 番号 label that is the 記号 read again: tesseract’s three times (資格情報のお知らせ, clean and degraded fresh tuning captures), PP-OCRv4’s once; the other reading was the number each time',
    take: ({ first, second, symbols }) =>
      symbols.includes(first) && !symbols.includes(second)
        ? 'second'
        : symbols.includes(second) && !symbols.includes(first)
          ? 'first'
          : undefined,
  },
  {
    id: 'ids-number-too-long',
    field: 'number',
    evidence: 'tesseract read 60354362 as 603542362 (clean portal screen, fresh tuning capture)',
    take: ({ first, second }) => longerThanNumber(first, second),
  },
  {
    id: 'ids-number-cut-short',
    field: 'number',
    evidence:
      'one reading stopped part-way along the number (1731 for 17313297 by tesseract, 1066 for 106631 by PP-OCRv4); the longer was right both times (clean fresh tuning captures)',
    take: ({ first, second }) =>
      second.length > first.length && second.startsWith(first)
        ? 'second'
        : first.length > second.length && first.startsWith(second)
          ? 'first'
          : undefined,
  },
  {
    id: 'ids-zero-as-six',
    field: 'number',
    evidence:
      'tesseract read one 0 of a number as 6 or 9 where PP-OCRv4 read 0 (5596676, 14118859, 642560; clean fresh tuning captures), as it reads the 00 of a 枝番 as 66 or 90',
    take: ({ first, second }) => (zeroReadAsSixOrNine(first, second) ? 'second' : undefined),
  },
  {
    id: 'ids-branch-second',
    field: 'branch',
    evidence:
      'tesseract reads the 00 of 「(枝番) 00」 as 66 or 90; PP-OCRv4 read 00 each time (tuning, clean and degraded)',
    take: () => 'second',
  },
];

/** Whether `first` is `second` with one or more of its 0s read as 6 or 9 (and nothing else read otherwise). */
export function zeroReadAsSixOrNine(first: string, second: string): boolean {
  if (first.length !== second.length) return false;
  const differ = [...first].flatMap((c, i) => (c === second[i] ? [] : [i]));
  return differ.length > 0 && differ.every((i) => second[i] === '0' && '69'.includes(first[i]!));
}

/**
 * The 枝番 the second reader read where tesseract's holds a 6 or 9 it may have read for a 0 (a
 * portal screen's 00 read 69, a combined row's 02 read 92; clean fresh tuning captures, where the
 * second reader's page reading had no 枝番 beside its label): the last digits it read there (a
 * combined row's box holds 記号 and 番号 too), when they are tesseract's with those read as 0.
 */
export function branchFromSecond(branch: string, second: string): string | undefined {
  const digits = second.match(/(\d+)\D*$/)?.[1] ?? '';
  return zeroReadAsSixOrNine(branch, digits) ? digits : undefined;
}

/** Whether a 枝番 is worth the second reader's reading where it is printed: it holds a 6 or 9. */
export const branchWorthSecond = (x: Pick<Extraction, 'fields'>): boolean => /[69]/.test(x.fields.branch ?? '');

/** The 枝番 as the second reader read it where it is printed (`text`), for confirmation with both readings. */
export function takeSecondBranch(x: Extraction, text: string): void {
  const branch = x.fields.branch;
  const second = branch && branchFromSecond(branch, text);
  if (!second) return;
  x.fields.branch = second;
  x.confidence.branch = Math.min(x.confidence.branch ?? 0, DISPUTED);
  x.via.branch = [...(x.via.branch ?? []), 'branch-second-zero'];
  x.warnings.push(ocrWarning('ocr.readersDisagree', { field: 'branch', value: second, other: branch }));
}

/** The reading to show when just one of the two is longer than any 番号. */
function longerThanNumber(first: string, second: string): 'first' | 'second' | undefined {
  const [a, b] = [first.length > MAX_NUMBER_DIGITS, second.length > MAX_NUMBER_DIGITS];
  return a && !b ? 'second' : b && !a ? 'first' : undefined;
}

/**
 * Weighs the fields `x` (the first reading) and `second` both read by label. A number no rule
 * settles is read again from the second's box: the crop settles it only by agreeing with one.
 */
export function weighIdReadings(x: Extraction, second: Extraction): void {
  const symbols = [x.fields.symbol, second.fields.symbol].filter((s): s is string => s !== undefined);
  for (const k of ['symbol', 'number', 'branch'] as const) {
    const [a, b] = [x.fields[k], second.fields[k]];
    if (a === undefined || b === undefined || a === b) continue;
    if (!BY_LABEL.has(x.via[k]?.[0] ?? '') || !BY_LABEL.has(second.via[k]?.[0] ?? '')) continue;
    const readings = { first: a, second: b, symbols };
    const rule = ID_READING_RULES.filter((r) => r.field === k)
      .map((r) => ({ id: r.id, take: r.take(readings) }))
      .find((r) => r.take !== undefined);
    if (rule?.take === 'keep') continue;
    const [shown, other] = rule?.take === 'second' ? [b, a] : [a, b];
    x.fields[k] = shown;
    x.confidence[k] = Math.min(x.confidence[k] ?? 0, second.confidence[k] ?? 0, DISPUTED);
    x.via[k] = [...(x.via[k] ?? []), rule?.id ?? 'ids-readers-differ'];
    x.warnings.push(ocrWarning('ocr.readersDisagree', { field: k, value: shown, other }));
    if (!rule && k === 'number') {
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
  const number =
    read.length > MAX_NUMBER_DIGITS && branch && read.endsWith(branch) ? read.slice(0, -branch.length) : read;
  if (number.length > MAX_NUMBER_DIGITS) return undefined;
  return (x.reread.numberReadings?.includes(number) ?? true) ? number : undefined;
}
