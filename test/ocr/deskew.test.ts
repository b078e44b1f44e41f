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

  it('is not turned by a QR code of diagonal stripes beside the text (a card back, already upright)', async () => {
    // Text rows on the left, a dense block of stripes at 45° on the right, as on the card's back.
    const strokes: string[] = [];
    for (let row = 0; row < 4; row++)
      for (let col = 0; col < 8; col++)
        strokes.push(`<rect x="${80 + col * 42}" y="${120 + row * 70}" width="30" height="22" fill="#111"/>`);
    const stripes: string[] = [];
    for (let k = -12; k < 12; k++)
      stripes.push(
        `<line x1="${500 + k * 18}" y1="100" x2="${740 + k * 18}" y2="340" stroke="#111" stroke-width="11"/>`,
      );
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500"><rect width="800" height="500" fill="#fff"/>${strokes.join('')}<svg x="500" y="100" width="240" height="240" viewBox="500 100 240 240">${stripes.join('')}</svg></svg>`,
    );
    const { data, info } = await sharp(svg)
      .grayscale()
      .resize({ width: 400 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(Math.abs(estimateSkew(data, info.width, info.height))).toBeLessThanOrEqual(0.5);
  });

  it('says 0 for an empty page', () => {
    expect(estimateSkew(new Uint8Array(400 * 300).fill(255), 400, 300)).toBe(0);
  });
});
