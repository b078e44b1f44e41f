/** OCR text clean-up: half-width digits, no spaces inside Japanese runs, approximate matching. */
import { toHalfWidth } from '../../shared/domain/text.ts';

const CJK = '\\u3000-\\u30ff\\u3400-\\u9fff\\uff00-\\uffef';
const INNER_SPACE = new RegExp(`(?<=[${CJK}0-9])[ \\t]+(?=[${CJK}0-9])`, 'g');

/** Tesseract puts spaces between Japanese glyphs; labels and values read better without them. */
export function compact(line: string): string {
  return toHalfWidth(line).replace(INNER_SPACE, '').replace(/\s+/g, ' ').trim();
}

/**
 * Smallest edit distance between `needle` and any substring of `hay` (Sellers' algorithm):
 * finds a title even with one or two misread glyphs.
 */
export function fuzzyFind(hay: string, needle: string): number {
  const m = needle.length;
  let prev = Array.from({ length: m + 1 }, (_, i) => i);
  let best = m;
  for (const ch of hay) {
    const cur = [0];
    for (let i = 1; i <= m; i++) {
      cur[i] = Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + (needle[i - 1] === ch ? 0 : 1));
    }
    best = Math.min(best, cur[m]!);
    prev = cur;
  }
  return best;
}

/** 1 for an exact occurrence, falling with each edit. */
export const similarity = (hay: string, needle: string) => 1 - fuzzyFind(hay, needle) / needle.length;
