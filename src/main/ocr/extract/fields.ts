/** What extraction reads from a document's OCR lines, and how it found each field. */
import type { OcrBox } from '../engine.ts';
import type { OcrWarning } from '../../../shared/ocr/warnings.ts';

export interface ExtractedFields {
  name?: string;
  birthDate?: string;
  sex?: 'male' | 'female';
  insurerNumber?: string;
  insurerName?: string;
  symbol?: string;
  number?: string;
  branch?: string;
  issueDate?: string;
  expiry?: string;
  burdenRatio?: 0.1 | 0.2 | 0.3;
  /** 適用区分 / 限度区分 (ア–オ, Ⅰ, Ⅱ…). */
  limitCategory?: string;
  specialMedicalExpense?: true;
  /** マイナンバーカード: the card's own 「…まで有効」 date. */
  cardExpiry?: string;
  /** マイナンバーカード: 電子証明書の有効期限 (the card may outlive its certificate). */
  certificateExpiry?: string;
}
export type FieldName = keyof ExtractedFields;

export interface Extraction {
  fields: ExtractedFields;
  /** 0–1 per field: the OCR confidence of its line, lowered when a check fails. */
  confidence: Partial<Record<FieldName, number>>;
  warnings: OcrWarning[];
  /** Whether a 個人番号-like number was seen and cut out (the image must be redacted too). */
  personalNumberSeen: boolean;
  /** Indexes of the OCR lines that carried it: their digit boxes are blacked out in any kept image. */
  personalNumberLines: number[];
  /**
   * Where the value of a number field is printed, when it was not read cleanly (absent, stray
   * marks in it, or a failed check digit): the scan reads that crop again, digits only.
   */
  reread: Partial<Record<'insurerNumber' | 'number' | 'limitCategory', OcrBox>> & {
    /** Where a lone 男/女 may stand beside or under a 性別 label read without its value. */
    sex?: OcrBox[];
    /** The two readings of a number the readers disagree on: a crop read replaces it only by agreeing with one. */
    numberReadings?: string[];
  };
  /** Where the 氏名 is printed: the scan looks there on the image for the family/given space. */
  nameBox?: OcrBox;
  /**
   * How each field was found: the rule ('label' beside its printed label, else the fallback's
   * name) and the repairs ('repair:…') its text needed. For the bench's count of each rule.
   */
  via: Partial<Record<FieldName, string[]>>;
  /** Where each field's value is printed, when known: a second reader reads it there. */
  boxes: Partial<Record<FieldName, OcrBox>>;
}
