/**
 * From the text detector's probability map to text-line boxes, as PaddleOCR's DB post-processing
 * does it (written here from its description, not its code): the map thresholded, each connected
 * region of text pixels a candidate, kept when its mean probability is high enough, its
 * minimum-area rectangle grown outwards ("unclipped": the model marks a shrunk core of each line)
 * and its extent returned in the map's own pixels. Pure.
 */

export interface LineBox {
  /** Axis-aligned extent of the grown rectangle, in map pixels (x1, y1 exclusive). */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The region's mean probability (0–1). */
  score: number;
  /** The rectangle's tilt in radians (0 for a level line). */
  angle: number;
}

export interface DbOptions {
  /** A pixel is text from this probability on (PaddleOCR: 0.3). */
  threshold: number;
  /** A region is a line from this mean probability on (PaddleOCR: 0.6). */
  boxThreshold: number;
  /** How far the core is grown: area × ratio / perimeter on every side (PaddleOCR: 1.5). */
  unclipRatio: number;
  /** Regions whose shorter side is under this (map pixels) are specks, not text. */
  minSide: number;
}

export const DB_DEFAULTS: DbOptions = { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5, minSide: 3 };

interface Point {
  x: number;
  y: number;
}

/** The text lines of a `width` × `height` probability map, top to bottom. */
export function linesFromMap(
  prob: Float32Array,
  width: number,
  height: number,
  options: Partial<DbOptions> = {},
): LineBox[] {
  const o = { ...DB_DEFAULTS, ...options };
  const label = new Int32Array(width * height);
  const out: LineBox[] = [];
  const stack: number[] = [];
  let next = 0;
  for (let start = 0; start < label.length; start++) {
    if (label[start] !== 0 || prob[start]! < o.threshold) continue;
    next++;
    // One region (8-connected), flood-filled; its pixels' probabilities summed, its outline kept
    // as the leftmost and rightmost pixel of each row (enough for the convex hull).
    const rows = new Map<number, [number, number]>();
    let sum = 0;
    let n = 0;
    label[start] = next;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      sum += prob[i]!;
      n++;
      const row = rows.get(y);
      if (!row) rows.set(y, [x, x]);
      else {
        if (x < row[0]) row[0] = x;
        if (x > row[1]) row[1] = x;
      }
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const j = yy * width + xx;
          if (label[j] === 0 && prob[j]! >= o.threshold) {
            label[j] = next;
            stack.push(j);
          }
        }
      }
    }
    if (sum / n < o.boxThreshold) continue;
    const outline: Point[] = [];
    for (const [y, [a, b]] of rows) {
      // Pixel corners, so a one-pixel-high run still has an area.
      outline.push({ x: a, y }, { x: b + 1, y }, { x: a, y: y + 1 }, { x: b + 1, y: y + 1 });
    }
    const rect = minAreaRect(convexHull(outline));
    if (Math.min(rect.w, rect.h) < o.minSide) continue;
    const grown = unclip(rect, o.unclipRatio);
    const corners = cornersOf(grown);
    out.push({
      x0: Math.max(0, Math.min(...corners.map((p) => p.x))),
      y0: Math.max(0, Math.min(...corners.map((p) => p.y))),
      x1: Math.min(width, Math.max(...corners.map((p) => p.x))),
      y1: Math.min(height, Math.max(...corners.map((p) => p.y))),
      score: sum / n,
      angle: grown.w >= grown.h ? grown.angle : grown.angle + Math.PI / 2,
    });
  }
  return out.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/** Andrew's monotone chain, counter-clockwise, without collinear points. */
export function convexHull(points: Point[]): Point[] {
  const ps = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (ps.length < 3) return ps;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const half = (list: Point[]) => {
    const h: Point[] = [];
    for (const p of list) {
      while (h.length >= 2 && cross(h[h.length - 2]!, h[h.length - 1]!, p) <= 0) h.pop();
      h.push(p);
    }
    h.pop();
    return h;
  };
  return [...half(ps), ...half([...ps].reverse())];
}

/** A rectangle: centre, side lengths along its own axes, and the tilt of its `w` axis. */
export interface Rect {
  cx: number;
  cy: number;
  w: number;
  h: number;
  angle: number;
}

/** The smallest rectangle around a convex polygon: one of its sides lies on an edge of the hull. */
export function minAreaRect(hull: Point[]): Rect {
  let best: Rect | undefined;
  let bestArea = Infinity;
  for (let i = 0; i < Math.max(1, hull.length); i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const [ux, uy] = len > 0 ? [(b.x - a.x) / len, (b.y - a.y) / len] : [1, 0];
    let [minU, maxU, minV, maxV] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const p of hull) {
      const u = p.x * ux + p.y * uy;
      const v = -p.x * uy + p.y * ux;
      minU = Math.min(minU, u);
      maxU = Math.max(maxU, u);
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const [mu, mv] = [(minU + maxU) / 2, (minV + maxV) / 2];
      best = {
        cx: mu * ux - mv * uy,
        cy: mu * uy + mv * ux,
        w: maxU - minU,
        h: maxV - minV,
        angle: Math.atan2(uy, ux),
      };
    }
  }
  return best ?? { cx: 0, cy: 0, w: 0, h: 0, angle: 0 };
}

/**
 * The rectangle grown by area × ratio / perimeter on every side: the distance by which DB's
 * training shrank each line's polygon (for a rectangle, offsetting the polygon grows each side).
 */
export function unclip(r: Rect, ratio: number): Rect {
  const perimeter = 2 * (r.w + r.h);
  const d = perimeter > 0 ? (r.w * r.h * ratio) / perimeter : 0;
  return { ...r, w: r.w + 2 * d, h: r.h + 2 * d };
}

function cornersOf(r: Rect): Point[] {
  const [c, s] = [Math.cos(r.angle), Math.sin(r.angle)];
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([i, j]) => ({
    x: r.cx + (i! * r.w * c) / 2 - (j! * r.h * s) / 2,
    y: r.cy + (i! * r.w * s) / 2 + (j! * r.h * c) / 2,
  }));
}
