import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findPaper, paperLevel } from '../../src/main/ocr/paper.ts';
import { homography, quadSize, warp, type Quad } from '../../src/main/ocr/rectify.ts';
import { estimateSkew } from '../../src/main/ocr/deskew.ts';

const project = (h: number[], u: number, v: number) => {
  const w = h[6]! * u + h[7]! * v + 1;
  return { x: (h[0]! * u + h[1]! * v + h[2]!) / w, y: (h[3]! * u + h[4]! * v + h[5]!) / w };
};

describe('rectify', () => {
  it('maps the rectangle onto the quad, perspective included', () => {
    const q: Quad = [
      { x: 12, y: 20 },
      { x: 230, y: 8 },
      { x: 240, y: 170 },
      { x: 4, y: 160 },
    ];
    const h = homography(q, 200, 120);
    for (const [[u, v], c] of [
      [[0, 0], q[0]],
      [[200, 0], q[1]],
      [[200, 120], q[2]],
      [[0, 120], q[3]],
    ] as const) {
      const p = project(h, u, v);
      expect(p.x).toBeCloseTo(c.x, 6);
      expect(p.y).toBeCloseTo(c.y, 6);
    }
  });

  it('finds the corners of a turned card on a dark table and makes its rows level again', async () => {
    // A card 160×100 turned by 6°, with rows of print, on a dark table.
    const rows = Array.from(
      { length: 5 },
      (_, i) => `<rect x="15" y="${18 + i * 16}" width="110" height="6" fill="#222"/>`,
    ).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="200"><rect width="256" height="200" fill="#3a3530"/><g transform="translate(48 40) rotate(6)"><rect width="160" height="100" fill="#f4f0ec"/>${rows}</g></svg>`;
    const { data, info } = await sharp(Buffer.from(svg)).grayscale().raw().toBuffer({ resolveWithObject: true });
    const g = { data, width: info.width, height: info.height };
    const paper = findPaper(g, paperLevel(g))!;
    const t = (6 * Math.PI) / 180;
    const corner = (x: number, y: number) => ({
      x: 48 + x * Math.cos(t) - y * Math.sin(t),
      y: 40 + x * Math.sin(t) + y * Math.cos(t),
    });
    const expected = [corner(0, 0), corner(160, 0), corner(160, 100), corner(0, 100)];
    paper.quad!.forEach((p, i) => {
      expect(Math.abs(p.x - expected[i]!.x)).toBeLessThanOrEqual(4);
      expect(Math.abs(p.y - expected[i]!.y)).toBeLessThanOrEqual(4);
    });
    const size = quadSize(paper.quad!);
    expect(size.width / size.height).toBeCloseTo(1.6, 1);
    const [w, h] = [Math.round(size.width), Math.round(size.height)];
    const flat = warp(data, info.width, info.height, homography(paper.quad!, w, h), w, h);
    expect(Math.abs(estimateSkew(flat, w, h))).toBeLessThanOrEqual(0.6);
    // The table is gone: a few pixels in from each corner of the result is paper, not table.
    const [dx, dy] = [Math.round(w * 0.04), Math.round(h * 0.04)];
    for (const [x, y] of [
      [dx, dy],
      [w - 1 - dx, dy],
      [w - 1 - dx, h - 1 - dy],
      [dx, h - 1 - dy],
    ] as const)
      expect(flat[y * w + x]!).toBeGreaterThan(150);
  });

  it('fills what lies outside the source with white', () => {
    const src = new Uint8Array(4 * 4).fill(0);
    const out = warp(
      src,
      4,
      4,
      homography(
        [
          { x: -10, y: -10 },
          { x: 14, y: -10 },
          { x: 14, y: 14 },
          { x: -10, y: 14 },
        ],
        8,
        8,
      ),
      8,
      8,
    );
    expect(out[0]).toBe(255);
    expect(out[3 * 8 + 3]).toBe(0);
  });
});
