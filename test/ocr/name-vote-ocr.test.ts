// @vitest-environment node
/**
 * The name's second reading for real: PP-OCRv4 (ONNX Runtime, the installed model files) reads a
 * name printed in an IPA face with its Chinese dictionary, and the reading is taken back to the
 * Japanese forms before it is weighed against tesseract's.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { PaddleReader } from '../../src/main/ocr/paddle-reader.ts';
import { japaneseName } from '../../src/main/ocr/name-vote.ts';

let reader: PaddleReader | { failed: string };
beforeAll(async () => {
  reader = await PaddleReader.load();
});

/** A name as a crop of a printed line (grey, 40 px glyphs). */
async function printed(name: string, face: string): Promise<{ data: Buffer; width: number; height: number }> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="64"><rect width="100%" height="100%" fill="white"/><text x="12" y="46" font-family="${face}" font-size="40">${name}</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('PP-OCRv4 on a name, in Japanese forms', () => {
  it('reads 輔 as the simplified 辅, which becomes 輔 again', async () => {
    expect(reader).toBeInstanceOf(PaddleReader);
    const crop = await printed('加藤\u3000大輔', 'IPAMincho');
    const read = await (reader as PaddleReader).read(crop.data, crop.width, crop.height);
    expect(read.text).toContain('辅');
    expect(japaneseName(read.text)).toBe('加藤大輔');
  });
});
