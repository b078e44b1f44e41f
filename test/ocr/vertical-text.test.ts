// @vitest-environment node
/**
 * A title printed down a card's coloured side band (white on blue), read by the real tesseract:
 * the detector finds the column as one tall box, and its glyphs are read side by side.
 */
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/main/ocr/classify.ts';
import { OcrEngine } from '../../src/main/ocr/engine.ts';
import { glyphRows, readDetectedLines } from '../../src/main/ocr/line-reading.ts';
import { pgm, type Prepared } from '../../src/main/ocr/preprocess.ts';

const engine = new OcrEngine();
afterAll(() => engine.terminate());

const text = (markup: string) =>
  sharp({ text: { text: markup, font: 'Noto Sans CJK JP', dpi: 300, rgba: true, spacing: 10 } })
    .png()
    .toBuffer({ resolveWithObject: true });

/** A card-like page: the title down a blue band on the left, a 記号 row beside it. */
async function page(): Promise<{ prepared: Prepared; column: { x0: number; y0: number; x1: number; y1: number } }> {
  const title = await text(`<span foreground="white">${[...'健康保険被保険者証'].join('\n')}</span>`);
  const row = await text('<span foreground="black">記号 1234 番号 5678</span>');
  const [width, height] = [1000, title.info.height + 120];
  const grey = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite([
      {
        input: { create: { width: title.info.width + 40, height, channels: 3, background: '#1f4e9a' } },
        left: 20,
        top: 0,
      },
      { input: title.data, left: 40, top: 60 },
      { input: row.data, left: 200, top: 80 },
    ])
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  const column = { x0: 30, y0: 50, x1: 50 + title.info.width, y1: 70 + title.info.height };
  return { prepared: { grey, width, height, image: pgm(grey, width, height) }, column };
}

describe('vertical text', () => {
  it('cuts a column into its glyphs, a glyph of separate strokes (三) kept whole', () => {
    // 10 px wide, glyphs 8 px: a block, 三 (three bars, a blank row between), a block.
    const width = 10;
    const glyphs = [['#'.repeat(8)], ['##', '', '##', '', '##'], ['#'.repeat(8)]].map((g) =>
      g.flatMap((r) => (r === '' ? [''] : [...r])),
    );
    const filled = glyphs.flatMap((g, i) => (i === 0 ? g : ['', '', '', ...g]));
    const px = new Uint8Array(width * filled.length).fill(255);
    filled.forEach((r, y) => r && px.fill(0, y * width + 1, y * width + 9));
    expect(glyphRows(px, width, filled.length)).toEqual([
      [0, 8],
      [11, 19],
      [22, 30],
    ]);
  });

  it('reads a title printed down a coloured band, first, as one line', async () => {
    const { prepared, column } = await page();
    const lines = [
      { box: column, score: 0.9 },
      { box: { x0: 195, y0: 75, x1: 700, y1: 140 }, score: 0.9 },
    ];
    const read = (await readDetectedLines(engine, prepared, lines))!;
    expect(read.lines[0]!.text.replace(/[\s|]/g, '')).toContain('被保険者証');
    expect(read.lines[0]!.words.every((w) => w.bbox.x0 === column.x0 && w.bbox.y1 === column.y1)).toBe(true);
    expect(classify(read.text).kind).toBe('legacy_insurance_card');
  }, 60_000);
});
