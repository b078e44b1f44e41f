/** The detector's post-processing on synthetic probability maps: regions, scores, unclipping, tilt. */
import { describe, expect, it } from 'vitest';
import { convexHull, linesFromMap, minAreaRect, unclip } from '../../src/main/ocr/line-boxes.ts';
import { rowsOf } from '../../src/main/ocr/line-reading.ts';
import { inputSize } from '../../src/main/ocr/text-lines.ts';

/** A map of `w` × `h` with each rectangle [x0, y0, x1, y1) filled at probability p. */
function map(w: number, h: number, rects: [number, number, number, number, number][]): Float32Array {
  const m = new Float32Array(w * h);
  for (const [x0, y0, x1, y1, p] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) m[y * w + x] = p;
  return m;
}

describe('text lines from a probability map', () => {
  it('finds each line once, top to bottom, grown by area × 1.5 / perimeter on every side', () => {
    const lines = linesFromMap(
      map(200, 100, [
        [20, 60, 120, 70, 0.9],
        [10, 10, 90, 20, 0.8],
      ]),
      200,
      100,
    );
    expect(lines).toHaveLength(2);
    // 80 × 10 core: d = 800 × 1.5 / 180 ≈ 6.7 px on every side.
    const d = (80 * 10 * 1.5) / 180;
    expect(lines[0]!.x0).toBeCloseTo(10 - d, 3);
    expect(lines[0]!.y0).toBeCloseTo(10 - d, 3);
    expect(lines[0]!.x1).toBeCloseTo(90 + d, 3);
    expect(lines[0]!.y1).toBeCloseTo(20 + d, 3);
    expect(lines[0]!.score).toBeCloseTo(0.8, 5);
    expect(lines[1]!.y0).toBeLessThan(60);
    expect(lines[1]!.y1).toBeGreaterThan(70);
    expect(lines.every((l) => Math.abs(l.angle) < 1e-9)).toBe(true);
  });

  it('drops faint regions, pixels under the threshold and specks', () => {
    const lines = linesFromMap(
      map(100, 60, [
        [10, 10, 60, 20, 0.5], // above the pixel threshold, under the line threshold
        [10, 30, 60, 40, 0.2], // not text at all
        [80, 50, 82, 52, 0.95], // a speck
      ]),
      100,
      60,
    );
    expect(lines).toEqual([]);
  });

  it('keeps two lines apart when a blank row separates them, and joins touching pixels', () => {
    const apart = linesFromMap(
      map(100, 40, [
        [10, 10, 90, 15, 0.9],
        [10, 16, 90, 21, 0.9],
      ]),
      100,
      40,
    );
    expect(apart).toHaveLength(2);
    const joined = linesFromMap(
      map(100, 40, [
        [10, 10, 50, 15, 0.9],
        [50, 14, 90, 19, 0.9],
      ]),
      100,
      40,
    );
    expect(joined).toHaveLength(1);
  });

  it('measures a tilted line by its own axes', () => {
    const w = 200;
    const h = 120;
    const m = new Float32Array(w * h);
    // A band 8 px thick along a line rising 1 in 5.
    for (let x = 20; x < 180; x++) for (let t = 0; t < 8; t++) m[(100 - Math.round((x - 20) / 5) - t) * w + x] = 0.9;
    const [line] = linesFromMap(m, w, h);
    expect(line).toBeDefined();
    expect(Math.abs(line!.angle)).toBeCloseTo(Math.atan(1 / 5), 1);
  });

  it('finds the smallest rectangle of a hull and grows it evenly', () => {
    const hull = convexHull([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 4 },
      { x: 0, y: 4 },
      { x: 5, y: 2 },
    ]);
    expect(hull).toHaveLength(4);
    const r = minAreaRect(hull);
    expect(r.w * r.h).toBeCloseTo(40, 6);
    expect([r.cx, r.cy]).toEqual([5, 2]);
    const g = unclip(r, 1.5);
    expect(Math.max(g.w, g.h) - Math.max(r.w, r.h)).toBeCloseTo(2 * ((40 * 1.5) / 28), 6);
  });
});

describe('the detector input and the rows of a page', () => {
  it('limits the longest side, in multiples of 32', () => {
    expect(inputSize(1600, 1008, 960)).toEqual({ width: 960, height: 608 });
    expect(inputSize(500, 300, 960)).toEqual({ width: 512, height: 288 });
    const { width, height } = inputSize(1131, 1600);
    expect(width % 32).toBe(0);
    expect(height % 32).toBe(0);
    expect(Math.max(width, height)).toBeLessThanOrEqual(736);
  });

  it('puts a label and its value on one row, the next line on the next', () => {
    expect(
      rowsOf([
        { x0: 300, y0: 12, x1: 500, y1: 40 },
        { x0: 10, y0: 10, x1: 200, y1: 38 },
        { x0: 10, y0: 50, x1: 200, y1: 78 },
      ]),
    ).toEqual([0, 0, 1]);
  });
});
