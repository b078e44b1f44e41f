/**
 * Fields that decide eligibility, read from OCR lines by their printed labels. Pure. The parts
 * live in ./extract/ — one extractor per field (its labels, forms and fallbacks as data, each
 * rule with its evidence); this module runs them in order and is their public entry.
 *
 * Privacy first: every 個人番号 is cut out of the text before anything is read (extract/scrub.ts).
 * A failing 保険者番号 check digit is reported, never "corrected".
 */
import type { OcrLine } from './engine.ts';
import { toHalfWidth } from '../../shared/domain/text.ts';
import { compact } from './text.ts';
import { cardDigitLines, personalNumberHits } from './personal-number.ts';
import type { DocumentKind } from '../../shared/rules/vocabulary.ts';
import { burdenRatioExtractor, limitCategoryExtractor, specialMedicalExpenseExtractor } from './extract/benefits.ts';
import { cardExpiryExtractor, certificateExpiryExtractor } from './extract/card-expiries.ts';
import { cellsOf, type Cell } from './extract/cells.ts';
import { DATE_ROLE_RULES } from './extract/date-roles.ts';
import { birthDateExtractor, dropLateBirth, expiryExtractor, issueDateExtractor } from './extract/dates.ts';
import { runExtractor, type Check, type Context, type Extractor } from './extract/extractor.ts';
import type { Extraction } from './extract/fields.ts';
import { insurerNameExtractor, reconcileInsurerName } from './extract/insurer-name.ts';
import { repairLabel } from './extract/labels.ts';
import { nameExtractor } from './extract/names.ts';
import {
  branchExtractor,
  branchMisreadExtractor,
  idRowExtractor,
  insurerNumberExtractor,
  insurerNumberNotNumber,
  numberExtractor,
  symbolExtractor,
} from './extract/numbers.ts';
import { repairOcr } from './extract/repairs.ts';
import { carriesPersonalNumber, SCRUBBED, scrubPersonalNumbers } from './extract/scrub.ts';
import { sexExtractor } from './extract/sex.ts';

export type { ExtractedFields, Extraction, FieldName } from './extract/fields.ts';
export { categoryForAge, categoryReadAgain } from './extract/benefits.ts';
export { union } from './extract/cells.ts';
export { PLACE_ONLY_RULES } from './extract/date-roles.ts';
export { datesIn } from './extract/dates.ts';
export { nameMunicipality, reconcileInsurerName } from './extract/insurer-name.ts';
export { repairLabel } from './extract/labels.ts';
export { NAME_CHARS } from './extract/names.ts';
export { OCR_REPAIRS, repairOcr } from './extract/repairs.ts';
export { carriesPersonalNumber, SCRUBBED, scrubPersonalNumbers } from './extract/scrub.ts';

/** The date fallbacks, decided together once every date label has been read. */
const dateRolesExtractor: Extractor = {
  fields: ['birthDate', 'issueDate', 'expiry'],
  fallbacks: DATE_ROLE_RULES,
  fallbacksTogether: true,
};

/**
 * In order: a fallback may rely on the fields placed before it (the unlabelled 保険者番号 must not
 * be the 記号 or 番号; the date roles need every labelled date).
 */
export const EXTRACTION: readonly (Extractor | Check)[] = [
  nameExtractor,
  birthDateExtractor,
  sexExtractor,
  insurerNameExtractor,
  symbolExtractor,
  numberExtractor,
  branchExtractor,
  idRowExtractor,
  branchMisreadExtractor,
  insurerNumberExtractor,
  insurerNumberNotNumber,
  issueDateExtractor,
  expiryExtractor,
  certificateExpiryExtractor,
  cardExpiryExtractor,
  dropLateBirth,
  dateRolesExtractor,
  dropLateBirth,
  burdenRatioExtractor,
  limitCategoryExtractor,
  specialMedicalExpenseExtractor,
];

/** The lines that carry a 個人番号, or stand beside or under its label (personal-number.ts). */
function personalNumberLinesOf(ocrLines: OcrLine[], kind?: DocumentKind | 'unknown'): number[] {
  const beside = new Set(
    [...personalNumberHits(ocrLines), ...(kind === 'mynumber_card' ? cardDigitLines(ocrLines) : [])].map((h) => h.line),
  );
  return ocrLines.flatMap((l, i) => (beside.has(i) || carriesPersonalNumber(l) ? [i] : []));
}

/** Cells with every 個人番号 cut out, misreads repaired (the repairs noted on each cell). */
function cellsOfLines(ocrLines: OcrLine[], flagged: ReadonlySet<number>): Cell[] {
  // A line that carried a 個人番号 keeps no digits at all: a column gap may have split it.
  const scrub = (i: number) => (t: string) => (flagged.has(i) ? t.replace(/\d+/g, SCRUBBED) : t);
  return ocrLines.flatMap((l, i) =>
    cellsOf(
      l,
      i,
      (t, fired) => {
        const text = scrub(i)(
          scrubPersonalNumbers(repairOcr(compact(scrubPersonalNumbers(toHalfWidth(t)).text), fired)).text,
        );
        const label = repairLabel(text);
        if (label !== text) fired.add('label-glyph');
        return label;
      },
      (t) => scrub(i)(scrubPersonalNumbers(toHalfWidth(t)).text),
    ),
  );
}

export function extractFields(ocrLines: OcrLine[], kind?: DocumentKind | 'unknown'): Extraction {
  const personalNumberLines = personalNumberLinesOf(ocrLines, kind);
  const flagged = new Set(personalNumberLines);
  const ctx: Context = {
    lines: ocrLines,
    cells: cellsOfLines(ocrLines, flagged),
    ...(kind ? { kind } : {}),
    flagged,
    fields: {},
    confidence: {},
    via: {},
    boxes: {},
    reread: {},
    warnings: [],
  };
  for (const step of EXTRACTION) {
    if (typeof step === 'function') step(ctx);
    else runExtractor(ctx, step);
  }
  const { fields, confidence, warnings, reread, via, boxes, nameBox } = ctx;
  const x: Extraction = {
    fields,
    confidence,
    warnings,
    personalNumberSeen: personalNumberLines.length > 0,
    personalNumberLines,
    reread,
    via,
    boxes,
    ...(nameBox ? { nameBox } : {}),
  };
  reconcileInsurerName(x);
  return x;
}
