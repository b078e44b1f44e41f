// @vitest-environment node
/**
 * The family/given space found on a real prepared image (sharp, an IPA face), from a name box with
 * fractional ends, as PP-OCRv4's boxes placed from CTC positions have.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { prepareImage, type Prepared } from '../../src/main/ocr/preprocess.ts';
import { spaceName } from '../../src/main/ocr/scan.ts';
import type { Extraction } from '../../src/main/ocr/extract-fields.ts';

async function printed(name: string): Promise<Prepared> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="120"><rect width="100%" height="100%" fill="white"/><text x="60" y="80" font-family="IPAMincho" font-size="48">${name}</text></svg>`;
  return prepareImage(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** The extent of the ink on the page. */
function inkExtent(p: Prepared): { x0: number; x1: number; y0: number; y1: number } {
  let [x0, x1, y0, y1] = [p.width, -1, p.height, -1];
  for (let y = 0; y < p.height; y++)
    for (let x = 0; x < p.width; x++)
      if (p.grey[y * p.width + x]! < 128)
        [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
  return { x0, x1, y0, y1 };
}

const unsure = (name: string, nameBox: Extraction['nameBox']) =>
  ({ fields: { name }, confidence: { name: 0.5 }, nameBox }) as unknown as Extraction;

describe('the family/given space of a name read without it', () => {
  it('is found from a box with fractional ends', async () => {
    const p = await printed('山崎　博之');
    const ink = inkExtent(p);
    const x = unsure('山崎博之', { x0: ink.x0 - 0.49, x1: ink.x1 + 1.51, y0: ink.y0 - 0.3, y1: ink.y1 + 1.2 });
    spaceName(p, x);
    expect(x.fields.name).toBe('山崎\u3000博之');
  });

  /** `read` as read sure, boxed around the ink of `printed`, after spaceName. */
  async function spacedSure(printedName: string, read: string): Promise<Extraction> {
    const p = await printed(printedName);
    const ink = inkExtent(p);
    const x = unsure(read, { x0: ink.x0, x1: ink.x1 + 1, y0: ink.y0, y1: ink.y1 + 1 });
    x.confidence.name = 0.9;
    spaceName(p, x);
    return x;
  }

  it('leaves the space of a name read sure where it was read', async () => {
    const x = await spacedSure('山崎　博之', '山崎博\u3000之');
    expect(x.fields.name).toBe('山崎博\u3000之');
    expect(x.confidence.name).toBe(0.9);
  });

  it('gives a name read sure without its space the ink’s, and sends it to staff', async () => {
    const x = await spacedSure('石川　凛', '石川凛');
    expect(x.fields.name).toBe('石川\u3000凛');
    expect(x.confidence.name).toBeLessThan(0.8);
  });
});
