/**
 * Fills the fields `x` lacks from another reading of the page, never replacing what `x` has: the
 * layout analysis of a phone's list of short rows drops a row now and then (性別 男 and 負担割合
 * 3割 lost together), and on a degraded capture each reading loses other fields. A 保険者番号
 * only with a valid 検証番号, and never without a warning: the other reading's own about it, or
 * that it was read again. Pure.
 */
import { validateInsurerNumber } from '../../shared/domain/insurer-number.ts';
import { ocrWarning, type OcrWarning } from '../../shared/ocr/warnings.ts';
import { reconcileInsurerName, type Extraction, type FieldName } from './extract-fields.ts';

/** Whether a warning speaks of the field. */
const concerns = (w: OcrWarning, k: FieldName) =>
  w.params.field === k || (k === 'insurerNumber' && w.code.startsWith('ocr.insurerNumber'));

export function fillGaps(
  x: Extraction,
  again: Extraction,
  options: { only?: readonly FieldName[]; atMost?: number; via?: string },
): void {
  for (const k of options.only ?? (Object.keys(again.fields) as FieldName[])) {
    if (x.fields[k] !== undefined || again.fields[k] === undefined) continue;
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
