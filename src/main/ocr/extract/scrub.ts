/**
 * Privacy first: before anything is read, every 12-digit run (a 個人番号) and the マイナンバー
 * 下4桁 some notices print are cut out of the text, so they can never become a field, a log line
 * or a stored value.
 */
import type { OcrLine } from '../engine.ts';
import { toHalfWidth } from '../../../shared/domain/text.ts';
import { compact } from '../text.ts';
import { showsPersonalNumber } from '../personal-number.ts';
import { repairOcr } from './repairs.ts';

export const SCRUBBED = '〔削除〕';
/** A 12-digit run, allowing the 4-4-4 grouping with spaces or hyphens. */
const PERSONAL_NUMBER = /(?<!\d)\d{4}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
const LAST4 = /(マイナンバー|個人番号)[^\n]{0,12}?(下\s*4\s*桁|末尾)[^\n]{0,16}/g;

export function scrubPersonalNumbers(line: string): { text: string; seen: boolean } {
  let seen = false;
  // The marker carries no label words (番号…), so it can never be read as a field.
  const text = line
    .replace(LAST4, () => ((seen = true), SCRUBBED))
    .replace(PERSONAL_NUMBER, () => ((seen = true), SCRUBBED));
  return { text, seen };
}

/** Whether a line shows a 個人番号: spaced as read and compacted (OCR may space its digits apart). */
export function carriesPersonalNumber(line: OcrLine): boolean {
  const raw = scrubPersonalNumbers(toHalfWidth(line.text));
  return raw.seen || scrubPersonalNumbers(repairOcr(compact(raw.text))).seen || showsPersonalNumber(line);
}
