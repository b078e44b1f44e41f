/**
 * What the OCR asks staff to check, as codes with parameters (dates ISO, fields by name); the
 * screens word them in the chosen language.
 */
import { z } from 'zod';

export const OCR_WARNING_CODES = [
  'ocr.kindUnknown',
  // A paper that is no insurance document (NON_INSURANCE_KINDS): its numbers fill no field.
  'ocr.ltcInsuranceCard',
  'ocr.clinicCard',
  'ocr.personalNumberSeen',
  'ocr.nameWithoutLabel',
  'ocr.insurerNumberCheckDigit',
  'ocr.insurerNumberLength',
  'ocr.insurerNumberWithoutLabel',
  'ocr.insurerNumberSameAsNumber',
  'ocr.insurerNumberReread',
  'ocr.insurerNameDerived',
  'ocr.insurerNameMismatch',
  'ocr.birthDateNotBefore',
  'ocr.dateBesideBlurredLabel',
  'ocr.dateEarliest',
  'ocr.dateLatest',
  'ocr.dateAboveIdRow',
  'ocr.dateAlone',
  'ocr.secondReaderOnly',
  'ocr.readersDisagree',
] as const;
export type OcrWarningCode = (typeof OCR_WARNING_CODES)[number];

export const OcrWarningSchema = z
  .object({ code: z.enum(OCR_WARNING_CODES), params: z.record(z.string(), z.string()) })
  .strict();
export type OcrWarning = z.infer<typeof OcrWarningSchema>;

export const ocrWarning = (code: OcrWarningCode, params: Record<string, string> = {}): OcrWarning => ({ code, params });
