import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findPaper, paperLevel } from '../../src/main/ocr/paper.ts';

/** A small grey copy: a card with a dark title band and rows of print, on a background. */
async function capture(
  background: string,
  cardAt?: { x: number; y: number },
): Promise<{ data: Uint8Array; width: number; height: number }> {
  const rows = Array.from(
    { length: 6 },
    (_, i) =>
      `<rect x="${(cardAt?.x ?? 0) + 20}" y="${(cardAt?.y ?? 0) + 50 + i * 14}" width="90" height="6" fill="#222"/>`,
  ).join('');
  const card = cardAt
    ? `<rect x="${cardAt.x}" y="${cardAt.y}" width="150" height="140" fill="#f4f0ec"/><rect x="${cardAt.x}" y="${cardAt.y}" width="150" height="20" fill="#1d4f91"/><rect x="${cardAt.x + 10}" y="${cardAt.y + 6}" width="80" height="8" fill="#fff"/>`
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="200"><rect width="256" height="200" fill="${background}"/>${card}${rows}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).grayscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('findPaper', () => {
  it('finds a card on a dark table, its dark title band included', async () => {
    const g = await capture('#3a3530', { x: 60, y: 30 });
    const r = findPaper(g, paperLevel(g))!;
    expect(r).toBeDefined();
    expect(r.left).toBeGreaterThanOrEqual(50);
    expect(r.left).toBeLessThanOrEqual(62);
    expect(r.top).toBeLessThanOrEqual(32);
    expect(r.left + r.width).toBeGreaterThanOrEqual(205);
    expect(r.top + r.height).toBeGreaterThanOrEqual(168);
  });

  it('leaves a scan (light page edge to edge) as it is', async () => {
    const g = await capture('#f2f2f2');
    expect(findPaper(g, paperLevel(g))).toBeUndefined();
  });
});
