/**
 * Ruled lines (dotted leaders blurred into rules, a title's underline) are erased before
 * recognition; glyphs, and a row of bold text however long, stay.
 */
import { describe, expect, it } from 'vitest';
import { eraseRuledLines } from '../../src/main/ocr/ruled-lines.ts';

const W = 1600;
const H = 200;

function page(): Uint8Array {
  return new Uint8Array(W * H).fill(255);
}
function fill(px: Uint8Array, x0: number, y0: number, x1: number, y1: number, v: number) {
  for (let y = y0; y < y1; y++) px.fill(v, y * W + x0, y * W + x1);
}
const dark = (px: Uint8Array, x0: number, y0: number, x1: number, y1: number) => {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (px[y * W + x]! < 170) n++;
  return n;
};

describe('eraseRuledLines', () => {
  it('erases a leader between a label and its value, with its grey fringe, and keeps both', () => {
    const px = page();
    fill(px, 20, 40, 60, 80, 20); // the label's glyph
    fill(px, 70, 57, 1400, 66, 60); // the rule, 9 px thick
    fill(px, 70, 54, 1400, 57, 150); // its blurred fringe
    fill(px, 70, 66, 1400, 69, 150);
    fill(px, 1410, 40, 1450, 80, 20); // the value's glyph, touching the rule's end
    const out = eraseRuledLines(px, W, H);
    expect(dark(out, 70, 50, 1400, 75)).toBe(0);
    expect(dark(out, 20, 40, 60, 80)).toBe(40 * 40);
    expect(dark(out, 1410, 40, 1450, 80)).toBe(40 * 40);
  });

  it('keeps a long row of bold text that runs together (thick, not a rule)', () => {
    const px = page();
    fill(px, 100, 60, 900, 100, 30);
    const out = eraseRuledLines(px, W, H);
    expect(dark(out, 100, 60, 900, 100)).toBe(800 * 40);
  });

  it('keeps strokes shorter than a few glyphs', () => {
    const px = page();
    fill(px, 100, 60, 160, 64, 30); // 一 of a large glyph
    expect(eraseRuledLines(px, W, H)).toEqual(px);
  });
});
