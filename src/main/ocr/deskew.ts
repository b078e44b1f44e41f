/**
 * Page angle by projection profiles: on a small grey copy, the rotation at which the rows of text
 * line up gives the sharpest row histogram of dark pixels. Coarse 1° steps over ±10°, then 0.2°
 * around the best. Returns the angle the page is turned by (clockwise positive, as sharp
 * rotates): undo it with rotate(-angle). Pure arithmetic on pixel coordinates, a few
 * milliseconds, where a second recognition pass with tesseract's own deskew costs most of a second.
 */
export function estimateSkew(pixels: Uint8Array, width: number, height: number): number {
  let sum = 0;
  let min = 255;
  for (const p of pixels) {
    sum += p;
    if (p < min) min = p;
  }
  // Ink: darker than halfway between the mean and the darkest level. A margin is ignored, where a
  // cropped photo keeps the edges of the table.
  const threshold = (sum / pixels.length + min) / 2;
  const mx = Math.floor(width * 0.1);
  const my = Math.floor(height * 0.1);
  // Ink in blocks denser than text is no row of text: a QR code's diagonal stripes (a card's back)
  // or a photo box lined up at ±10° and turned an upright, rectified card by that much.
  const dense = denseCells(pixels, width, height, threshold);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = my; y < height - my; y++) {
    for (let x = mx; x < width - mx; x++) {
      if (pixels[y * width + x]! < threshold && !dense(x, y)) {
        xs.push(x - width / 2);
        ys.push(y - height / 2);
      }
    }
  }
  if (xs.length < 50) return 0;
  const rows = new Float64Array(height * 2 + 2);
  const score = (deg: number) => {
    const t = (deg * Math.PI) / 180;
    const [s, c] = [Math.sin(t), Math.cos(t)];
    rows.fill(0);
    for (let i = 0; i < xs.length; i++) {
      const r = Math.round(-xs[i]! * s + ys[i]! * c + height);
      if (r >= 0 && r < rows.length) rows[r]! += 1;
    }
    let acc = 0;
    for (const v of rows) acc += v * v;
    return acc;
  };
  let best = 0;
  let bestScore = -1;
  for (let d = -10; d <= 10; d += 1) {
    const v = score(d);
    if (v > bestScore) [best, bestScore] = [d, v];
  }
  const coarse = best;
  for (let d = coarse - 0.8; d <= coarse + 0.80001; d += 0.2) {
    const v = score(d);
    if (v > bestScore) [best, bestScore] = [d, v];
  }
  return Math.round(best * 10) / 10;
}

/** Side of the square cells in which ink density is measured, as a share of the copy's width (18 px of 600). */
const CELL_SHARE = 0.03;
/**
 * Over a window of 3 × 3 cells (two or three text rows with their gaps), text covers at most
 * about a third; a QR code or a filled box covers half or more.
 */
const DENSE = 0.45;

/** Whether (x, y) lies in a window of 3 × 3 cells where ink covers more than DENSE. */
function denseCells(
  pixels: Uint8Array,
  width: number,
  height: number,
  threshold: number,
): (x: number, y: number) => boolean {
  const cell = Math.max(4, Math.round(width * CELL_SHARE));
  const cw = Math.ceil(width / cell);
  const ch = Math.ceil(height / cell);
  const ink = new Uint32Array(cw * ch);
  const area = new Uint32Array(cw * ch);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const c = Math.floor(y / cell) * cw + Math.floor(x / cell);
      area[c]!++;
      if (pixels[y * width + x]! < threshold) ink[c]!++;
    }
  const dense = new Uint8Array(cw * ch);
  for (let cy = 0; cy < ch; cy++)
    for (let cx = 0; cx < cw; cx++) {
      let [i, a] = [0, 0];
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const [x, y] = [cx + dx, cy + dy];
          if (x < 0 || y < 0 || x >= cw || y >= ch) continue;
          i += ink[y * cw + x]!;
          a += area[y * cw + x]!;
        }
      if (i > DENSE * a)
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const [x, y] = [cx + dx, cy + dy];
            if (x >= 0 && y >= 0 && x < cw && y < ch) dense[y * cw + x] = 1;
          }
    }
  return (x, y) => dense[Math.floor(y / cell) * cw + Math.floor(x / cell)] === 1;
}
