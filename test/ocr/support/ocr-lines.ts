/** OCR lines for extraction tests, as the engine returns them. */
import type { OcrLine } from '../../../src/main/ocr/engine.ts';

/** Lines without word boxes. */
export const lines = (...texts: string[]): OcrLine[] => texts.map((text) => ({ text, confidence: 0.95, words: [] }));

/** A line of words at (x, y), 30 px high; `|` in the text separates words. */
export const at = (y: number, ...cells: [number, string][]): OcrLine => ({
  text: cells.map(([, t]) => t.replace(/\|/g, ' ')).join('    '),
  confidence: 0.9,
  words: cells.flatMap(([x, t]) => {
    let cx = x;
    return t.split('|').map((w) => {
      const word = { text: w, confidence: 0.9, bbox: { x0: cx, y0: y, x1: cx + w.length * 30, y1: y + 30 } };
      cx += w.length * 30 + 12;
      return word;
    });
  }),
});

/** A word (or glyph) as the model boxes it, at x0–x1 and y0–y1. */
export const word = (text: string, x0: number, y0: number, x1: number, y1: number) => ({
  text,
  confidence: 0.9,
  bbox: { x0, y0, x1, y1 },
});
