/**
 * A phone photo's paper made upright and flat: its four corners mapped onto a rectangle by a
 * homography (perspective, rotation and shear undone in one resampling), so the table around it
 * is gone instead of being cropped to a tilted bounding box whose corners OCR reads as glyphs.
 * Pure arithmetic on a grey buffer.
 */

export interface Point {
  x: number;
  y: number;
}
/** Top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

/**
 * The corners of the bright region in `mask` (1 = paper) inside `within`: the extreme points
 * along the two diagonals, which are the corners of a quadrilateral turned by less than 45°.
 */
export function quadOf(
  mask: Uint8Array,
  width: number,
  within: { left: number; top: number; width: number; height: number },
): Quad | undefined {
  let tl: Point | undefined;
  let tr: Point | undefined;
  let br: Point | undefined;
  let bl: Point | undefined;
  for (let y = within.top; y < within.top + within.height; y++) {
    for (let x = within.left; x < within.left + within.width; x++) {
      if (!mask[y * width + x]) continue;
      if (!tl || x + y < tl.x + tl.y) tl = { x, y };
      if (!br || x + y > br.x + br.y) br = { x, y };
      if (!tr || x - y > tr.x - tr.y) tr = { x, y };
      if (!bl || x - y < bl.x - bl.y) bl = { x, y };
    }
  }
  return tl && tr && br && bl ? [tl, tr, br, bl] : undefined;
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** The upright size of a quad: the mean of its opposite sides. */
export function quadSize(q: Quad): { width: number; height: number } {
  return { width: (dist(q[0], q[1]) + dist(q[3], q[2])) / 2, height: (dist(q[0], q[3]) + dist(q[1], q[2])) / 2 };
}

/**
 * The homography taking (u, v) in a `width`×`height` rectangle to the quad's corners: eight
 * unknowns from four point pairs, solved by Gaussian elimination with partial pivoting.
 */
export function homography(q: Quad, width: number, height: number): number[] {
  const dst: Point[] = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x: u, y: v } = dst[i]!;
    const { x, y } = q[i]!;
    a.push([u, v, 1, 0, 0, 0, -u * x, -v * x, x]);
    a.push([0, 0, 0, u, v, 1, -u * y, -v * y, y]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const pivot = a[c]![c]!;
    if (Math.abs(pivot) < 1e-12) throw new Error('degenerate quadrilateral');
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / pivot;
      for (let k = c; k < 9; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return a.map((row, i) => row[8]! / row[i]!);
}

/** Samples `src` (one channel) through `h` into a `width`×`height` image; outside the source is white. */
export function warp(
  src: Uint8Array,
  srcWidth: number,
  srcHeight: number,
  h: number[],
  width: number,
  height: number,
): Uint8Array {
  const out = new Uint8Array(width * height);
  const [h0, h1, h2, h3, h4, h5, h6, h7] = h as [number, number, number, number, number, number, number, number];
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      // Pixel centres: the output pixel (u, v) covers [u, u + 1).
      const uc = u + 0.5;
      const vc = v + 0.5;
      const w = h6 * uc + h7 * vc + 1;
      const x = (h0 * uc + h1 * vc + h2) / w - 0.5;
      const y = (h3 * uc + h4 * vc + h5) / w - 0.5;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= srcWidth || y0 + 1 >= srcHeight) {
        out[v * width + u] = 255;
        continue;
      }
      const fx = x - x0;
      const fy = y - y0;
      const i = y0 * srcWidth + x0;
      const top = src[i]! + (src[i + 1]! - src[i]!) * fx;
      const bottom = src[i + srcWidth]! + (src[i + srcWidth + 1]! - src[i + srcWidth]!) * fx;
      out[v * width + u] = Math.round(top + (bottom - top) * fy);
    }
  }
  return out;
}
