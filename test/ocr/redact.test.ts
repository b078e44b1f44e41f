// @vitest-environment node
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../src/main/ocr/engine.ts';
import { extractFields } from '../../src/main/ocr/extract-fields.ts';
import { personalNumberBoxes, redactImage } from '../../src/main/ocr/redact.ts';

const box = (x0: number) => ({ x0, y0: 20, x1: x0 + 30, y1: 50 });

describe('redaction of the 個人番号 in kept images', () => {
  it('blacks out the digit glyphs of the lines where a 個人番号 was seen, and nothing else', async () => {
    const lines: OcrLine[] = [
      { text: '氏名 山田 太郎', confidence: 0.9, words: [{ text: '山田', confidence: 0.9, bbox: box(10) }] },
      {
        text: '個人番号 1234 5678 9018',
        confidence: 0.9,
        words: [
          { text: '個人番号', confidence: 0.9, bbox: box(10) },
          { text: '1234', confidence: 0.9, bbox: box(100) },
          { text: '5678', confidence: 0.9, bbox: box(150) },
        ],
      },
    ];
    const { personalNumberLines } = extractFields(lines);
    expect(personalNumberLines).toEqual([1]);
    const boxes = personalNumberBoxes(lines, personalNumberLines);
    expect(boxes).toEqual([box(100), box(150)]);

    const white = { grey: Buffer.alloc(300 * 80, 255), width: 300, height: 80 };
    const { png, preview } = await redactImage(white, boxes, { previewWidth: 150 });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels]!;
    expect(at(115, 35)).toBe(0); // inside a digit box
    expect(at(165, 35)).toBe(0);
    expect(at(20, 35)).toBe(255); // the label stays readable
    expect(at(290, 70)).toBe(255);
    // The preview is made from the redacted pixels.
    const small = await sharp(preview).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(small.info.width).toBe(150);
    expect(small.data[Math.round(35 / 2) * small.info.width + Math.round(115 / 2)]!).toBeLessThan(40);
  });

  it('leaves an image without a 個人番号 untouched, as a grey PNG', async () => {
    const page = { grey: Buffer.from(Array.from({ length: 40 * 10 }, (_, i) => i % 256)), width: 40, height: 10 };
    const { png, preview } = await redactImage(page, []);
    expect(preview).toBeUndefined();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect((await sharp(png).metadata()).channels).toBe(1);
    expect((await sharp(png).toColourspace('b-w').raw().toBuffer()).equals(page.grey)).toBe(true);
  });
});
