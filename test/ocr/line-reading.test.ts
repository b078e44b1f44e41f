/** Words read in the stack of line crops, taken back to the page: by band, row by row, left to right. */
import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../src/main/ocr/engine.ts';
import { LINE_HEIGHT, levelCrop, pageLines, segmentsOf, type Band } from '../../src/main/ocr/line-reading.ts';

const word = (text: string, x0: number, y0: number, x1: number, y1: number) => ({
  text,
  confidence: 0.9,
  bbox: { x0, y0, x1, y1 },
  symbols: [{ text: text[0]!, bbox: { x0, y0, x1: x0 + 10, y1 } }],
});

describe('the stacked reading on the page', () => {
  // A value (right) and its label (left) on one page row, stacked value first; the next row below.
  const bands: Band[] = [
    { page: { x0: 400, y0: 100, x1: 600, y1: 120 }, scale: 2, top: 16, left: 12, row: 0 },
    { page: { x0: 50, y0: 98, x1: 250, y1: 122 }, scale: LINE_HEIGHT / 24, top: 72, left: 12, row: 0 },
    { page: { x0: 50, y0: 200, x1: 250, y1: 220 }, scale: 2, top: 128, left: 12, row: 1 },
  ];
  const read: OcrLine[] = [
    { text: '01120013\n', confidence: 0.9, words: [word('01120013', 12, 16, 212, 56)] },
    { text: '保険者番号\n', confidence: 0.8, words: [word('保険者番号', 12, 72, 252, 112)] },
    { text: '氏名 山本', confidence: 0.7, words: [word('氏名', 12, 128, 92, 168), word('山本', 132, 128, 212, 168)] },
  ];
  const lines = pageLines(segmentsOf(read, bands));

  it('puts each word back where the page prints it', () => {
    const value = lines[0]!.words.find((w) => w.text === '01120013')!;
    expect(value.bbox).toEqual({ x0: 400, y0: 100, x1: 500, y1: 120 });
    expect(value.symbols![0]!.bbox).toEqual({ x0: 400, y0: 100, x1: 405, y1: 120 });
    const label = lines[0]!.words.find((w) => w.text === '保険者番号')!;
    expect(label.bbox.x0).toBeCloseTo(50, 6);
    expect(label.bbox.y1).toBeCloseTo(122, 6);
  });

  it('joins a row read in two bands, left to right, keeping tesseract’s own text of each', () => {
    expect(lines.map((l) => l.text)).toEqual(['保険者番号  01120013', '氏名 山本']);
    expect(lines[1]!.words.map((w) => w.bbox.x0)).toEqual([50, 110]);
  });
});

describe('each line on its own levels', () => {
  /** 100 pixels: `ink` of them at one level, the rest (the ground) at another. */
  const crop = (ground: number, ink: number, inked = 20) =>
    Uint8Array.from({ length: 100 }, (_, i) => (i < inked ? ink : ground));

  it('makes a grey band white and its dark glyphs black', () => {
    const px = crop(150, 40);
    levelCrop(px);
    expect([px[0], px[99]]).toEqual([0, 255]);
  });

  it('reads light glyphs on a dark band inverted', () => {
    const px = crop(30, 230);
    levelCrop(px);
    expect([px[0], px[99]]).toEqual([0, 255]);
  });

  it('leaves a blank crop alone', () => {
    const px = crop(240, 225);
    levelCrop(px);
    expect([px[0], px[99]]).toEqual([225, 240]);
  });
});
