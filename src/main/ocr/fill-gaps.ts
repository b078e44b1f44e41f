/**
 * Fills the fields `x` lacks from another reading of the page, never replacing what `x` has but a
 * guess by a date's place alone (PLACE_ONLY_RULES): the layout analysis of a phone's list of short
 * rows drops a row now and then (性別 男 and 負担割合 3割 lost together), and on a degraded capture
 * each reading loses other fields. A 保険者番号 only with a valid 検証番号, and never without a warning:
 * the other reading's own about it, or that it was read again. Pure.
 */
import { validateInsurerNumber } from '../../shared/domain/insurer-number.ts';
import { ocrWarning, type OcrWarning } from '../../shared/ocr/warnings.ts';
import { PLACE_ONLY_RULES, reconcileInsurerName, type Extraction, type FieldName } from './extract-fields.ts';

/** Whether a warning speaks of the field. */
const concerns = (w: OcrWarning, k: FieldName) =>
  w.params.field === k || (k === 'insurerNumber' && w.code.startsWith('ocr.insurerNumber'));

/**
 * A field placed by a date's place alone (PLACE_ONLY_RULES) gives way to another reading's found
 * any other way: a 公費 certificate's 交付 date read beside its label by the second reader, where
 * tesseract read another date alone on a line (degraded seed 3001).
 */
const givesWay = (x: Extraction, k: FieldName) => PLACE_ONLY_RULES.has(placedBy(x, k) ?? '');
const placedBy = (x: Extraction, k: FieldName) => x.via[k]?.find((r) => r !== 'second-reader-page');

export function fillGaps(
  x: Extraction,
  again: Extraction,
  options: { only?: readonly FieldName[]; atMost?: number; via?: string },
): void {
  for (const k of options.only ?? (Object.keys(again.fields) as FieldName[])) {
    if (again.fields[k] === undefined) continue;
    const weaker = givesWay(x, k) && !givesWay(again, k);
    if (x.fields[k] !== undefined && !weaker) continue;
    // Where `x` found the value's place by its label but could not read it, the second reader reads
    // it there (scan.ts): a guess by place does not fill it first (a clean 資格情報のお知らせ, seed 3002).
    if (givesWay(again, k) && x.boxes[k]) continue;
    if (weaker) x.warnings = x.warnings.filter((w) => !concerns(w, k));
    if (k === 'insurerNumber' && !validateInsurerNumber(again.fields.insurerNumber!).valid) continue;
    Object.assign(x.fields, { [k]: again.fields[k] });
    x.confidence[k] = Math.min(again.confidence[k]!, options.atMost ?? 1);
    x.via[k] = [options.via ?? 'second-reading', ...(again.via[k] ?? [])];
    if (k === 'name' && again.nameBox) x.nameBox = again.nameBox;
    const said = again.warnings.filter((w) => concerns(w, k));
    x.warnings.push(
      ...said,
      ...(k === 'insurerNumber' && said.length === 0
        ? [ocrWarning('ocr.insurerNumberReread', { number: again.fields.insurerNumber! })]
        : []),
    );
  }
  x.personalNumberSeen ||= again.personalNumberSeen;
  reconcileInsurerName(x);
}
