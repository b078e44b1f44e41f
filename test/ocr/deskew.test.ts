import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { estimateSkew } from '../../src/main/ocr/deskew.ts';

/** A page of "text": rows of short dark strokes on white, then turned by `angle` degrees. */
async function page(angle: number): Promise<{ data: Buffer; width: number; height: number }> {
  const strokes: string[] = [];
  for (let row = 0; row < 9; row++)
    for (let col = 0; col < 14; col++)
      strokes.push(`<rect x="${80 + col * 42}" y="${90 + row * 48}" width="30" height="22" fill="#111"/>`);
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="#fff"/>${strokes.join('')}</svg>`,
  );
  const { data, info } = await sharp(svg)
    .rotate(angle, { background: '#fff' })
    .grayscale()
    .resize({ width: 400 })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('estimateSkew', () => {
  it.each([0, 3, -4.5, 7.5, -8])('finds a page turned by %f°', async (angle) => {
    const p = await page(angle);
    expect(Math.abs(estimateSkew(p.data, p.width, p.height) - angle)).toBeLessThanOrEqual(0.5);
  });

  it('says 0 for an empty page', () => {
    expect(estimateSkew(new Uint8Array(400 * 300).fill(255), 400, 300)).toBe(0);
  });
});
