/** One paper document: prepare the image, recognise, classify, extract. */
import { classify, type ScanKind } from './classify.ts';
import type { OcrEngine } from './engine.ts';
import { extractFields, type ExtractedFields, type FieldName } from './extract-fields.ts';
import { prepareImage } from './preprocess.ts';
import { personalNumberBoxes, redactImage } from './redact.ts';

/** Below this a field is shown for staff confirmation instead of being taken as read. */
export const CONFIRM_BELOW = 0.8;
/** Mean OCR confidence under which a second, deskewing pass is worth its time. */
const RETRY_BELOW = 0.8;

export interface ScanResult {
  kind: ScanKind;
  confidence: number;
  fields: ExtractedFields;
  fieldConfidence: Partial<Record<FieldName, number>>;
  /** Fields staff must confirm (low confidence or a failed check). */
  confirm: FieldName[];
  warnings: string[];
  timings: { prepareMs: number; recognizeMs: number };
  /** The prepared image with any 個人番号 blacked out: the only form in which an image may be kept or shown. */
  redactedImage(): Promise<Buffer>;
}

export async function scanDocument(engine: OcrEngine, input: Buffer): Promise<ScanResult> {
  const t0 = performance.now();
  const prepared = await prepareImage(input);
  const t1 = performance.now();
  // Straight scans read in one pass; a capture that reads poorly (a photo at an angle) gets a
  // second pass with deskewing, and the better of the two counts.
  let ocr = await engine.recognize(prepared.image);
  let found = classify(ocr.lines.map((l) => l.text).join('\n'));
  if (ocr.confidence < RETRY_BELOW || found.kind === 'unknown') {
    const again = await engine.recognize(prepared.image, { deskew: true });
    const foundAgain = classify(again.lines.map((l) => l.text).join('\n'));
    if (again.confidence + foundAgain.confidence > ocr.confidence + found.confidence) [ocr, found] = [again, foundAgain];
  }
  const t2 = performance.now();
  const { kind, confidence } = found;
  const extraction = extractFields(ocr.lines);
  const warnings = [...extraction.warnings];
  if (kind === 'unknown') warnings.push('document type not recognised: choose it by hand');
  if (extraction.personalNumberSeen) warnings.push('a 個人番号 was visible on the image: it was not read, and the image must not be kept unredacted');
  const confirm = (Object.keys(extraction.fields) as FieldName[]).filter((k) => (extraction.confidence[k] ?? 0) < CONFIRM_BELOW);
  return {
    kind,
    confidence,
    fields: extraction.fields,
    fieldConfidence: extraction.confidence,
    confirm,
    warnings,
    timings: { prepareMs: Math.round(t1 - t0), recognizeMs: Math.round(t2 - t1) },
    redactedImage: () => redactImage(prepared.image, personalNumberBoxes(ocr.lines, extraction.personalNumberLines)),
  };
}
