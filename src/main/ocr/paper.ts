/**
 * Light and framing of a capture, on a small grey copy (pure arithmetic, a few milliseconds):
 *   - the paper's own brightness everywhere (a max filter removes the ink, a box blur smooths),
 *     so dividing by it evens out shadows and a tinted or dark-banded paper;
 *   - where the document lies in a phone photo: the largest region that is bright paper or
 *     carries print, against a dark, even table.
 */
import { quadOf, type Quad } from './rectify.ts';

export interface Grey {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The paper: its bounding box (with a margin) and its corners, both in the small copy. */
export interface Paper extends Rect {
  quad?: Quad;
}

function maxFilter(src: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const tmp = new Uint8Array(src.length);
  const out = new Uint8Array(src.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let m = 0;
      for (let k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) m = Math.max(m, src[y * w + k]!);
      tmp[y * w + x] = m;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let m = 0;
      for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) m = Math.max(m, tmp[k * w + x]!);
      out[y * w + x] = m;
    }
  }
  return out;
}

function boxBlur(src: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      let n = 0;
      for (let j = Math.max(0, y - r); j <= Math.min(h - 1, y + r); j++) {
        for (let i = Math.max(0, x - r); i <= Math.min(w - 1, x + r); i++) {
          sum += src[j * w + i]!;
          n++;
        }
      }
      out[y * w + x] = Math.round(sum / n);
    }
  }
  return out;
}

/** The paper's brightness at each pixel of a small copy (glyphs of a few pixels there). */
export function paperLevel(g: Grey): Uint8Array {
  return boxBlur(maxFilter(g.data, g.width, g.height, 3), g.width, g.height, 2);
}

/** Otsu's threshold of a histogram. */
function otsu(values: Uint8Array): { threshold: number; gap: number } {
  const hist = new Float64Array(256);
  for (const v of values) hist[v]!++;
  const total = values.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * hist[i]!;
  let wB = 0;
  let sumB = 0;
  let best = { threshold: 128, gap: 0, between: -1 };
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0 || wB === total) continue;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / (total - wB);
    const between = wB * (total - wB) * (mB - mF) ** 2;
    if (between > best.between) best = { threshold: t, gap: mF - mB, between };
  }
  return { threshold: best.threshold, gap: best.gap };
}

/**
 * The document's rectangle in a small copy, or undefined when the capture is all document (a scan,
 * a screenshot) or no clear paper stands out from its surroundings.
 */
export function findPaper(g: Grey, level: Uint8Array): Paper | undefined {
  const { width: w, height: h, data } = g;
  const { threshold, gap } = otsu(level);
  // A dark table: the paper is much brighter. A white scanner bed against white paper is not.
  if (gap < 50) return undefined;
  // Print on the paper (and the white title on a dark band) varies locally; a bare table does not.
  const busy = new Uint8Array(w * h);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      let lo = 255;
      let hi = 0;
      for (let j = -1; j <= 1; j++) {
        for (let i = -1; i <= 1; i++) {
          const v = data[(y + j) * w + x + i]!;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
      busy[y * w + x] = hi - lo > 40 ? 1 : 0;
    }
  }
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < mask.length; i++)
    mask[i] = level[i]! > threshold || (busy[i] && level[i]! > threshold * 0.6) ? 1 : 0;
  // 4-connected regions; the largest is the paper. Regions just beside it join it: the white
  // title on a dark band is apart from the paper body by the band's own margin.
  const seen = new Uint8Array(w * h);
  const regions: (Rect & { n: number })[] = [];
  const stack: number[] = [];
  for (let s = 0; s < mask.length; s++) {
    if (!mask[s] || seen[s]) continue;
    let [x0, y0, x1, y1, n] = [w, h, 0, 0, 0];
    stack.push(s);
    seen[s] = 1;
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % w;
      const y = (p - x) / w;
      n++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (const q of [x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < h - 1 ? p + w : -1]) {
        if (q >= 0 && mask[q] && !seen[q]) {
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    regions.push({ left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1, n });
  }
  if (regions.length === 0) return undefined;
  regions.sort((a, b) => b.n - a.n);
  const best = { ...regions[0]! };
  for (let grew = true; grew;) {
    grew = false;
    const mx = best.width * 0.08;
    const my = best.height * 0.08;
    for (const r of regions.slice(1)) {
      const inside =
        r.left <= best.left + best.width + mx &&
        r.left + r.width >= best.left - mx &&
        r.top <= best.top + best.height + my &&
        r.top + r.height >= best.top - my;
      const within =
        r.left >= best.left &&
        r.top >= best.top &&
        r.left + r.width <= best.left + best.width &&
        r.top + r.height <= best.top + best.height;
      if (!inside || within) continue;
      const [x0, y0] = [Math.min(best.left, r.left), Math.min(best.top, r.top)];
      const [x1, y1] = [
        Math.max(best.left + best.width, r.left + r.width),
        Math.max(best.top + best.height, r.top + r.height),
      ];
      Object.assign(best, { left: x0, top: y0, width: x1 - x0, height: y1 - y0 });
      grew = true;
    }
  }
  const area = best.width * best.height;
  // Too small to be the document, or already filling the frame: leave the capture as it is.
  if (area < w * h * 0.15 || area > w * h * 0.9) return undefined;
  // The mask's edge lies about a pixel outside the paper's (the max filter spreads it; a shadow
  // on the paper's edge pulls it back in): the corners move in by one pixel.
  const d = 1;
  const q = quadOf(mask, w, best);
  const quad: Quad | undefined = q && [
    { x: q[0].x + d, y: q[0].y + d },
    { x: q[1].x - d, y: q[1].y + d },
    { x: q[2].x - d, y: q[2].y - d },
    { x: q[3].x + d, y: q[3].y - d },
  ];
  const mx = Math.round(best.width * 0.03);
  const my = Math.round(best.height * 0.03);
  const left = Math.max(0, best.left - mx);
  const top = Math.max(0, best.top - my);
  return {
    left,
    top,
    width: Math.min(w, best.left + best.width + mx) - left,
    height: Math.min(h, best.top + best.height + my) - top,
    ...(quad ? { quad } : {}),
  };
}
