/** One paper document: prepare the image, recognise, classify, extract. */
import { classify, type ScanKind } from './classify.ts';
import type { OcrEngine } from './engine.ts';
import { extractFields, type ExtractedFields, type FieldName } from './extract-fields.ts';
import { prepareImage } from './preprocess.ts';
import { personalNumberBoxes, redactImage } from './redact.ts';

/** Below this a field is shown for staff confirmation instead of being taken as read. */
export const CONFIRM_BELOW = 0.8;

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
  const ocr = await engine.recognize(prepared.image);
  const t2 = performance.now();
  const { kind, confidence } = classify(ocr.lines.map((l) => l.text).join('\n'));
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
