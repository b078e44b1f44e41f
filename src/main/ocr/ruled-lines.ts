/**
 * Ruled lines erased before recognition: the dotted leaders of a municipal form (「氏名 ‥‥‥ 山田」),
 * blurred into solid rules by a 150 dpi capture, join each label to its value in one component
 * wider than any glyph, and tesseract's layout analysis then takes the rows for a picture (a
 * 限度額適用認定証 read as nothing at all, its title lost). A rule is a horizontal run of ink far
 * longer than a glyph and thin: the rows a few pixels above and below it are paper. A row of bold
 * text is long too, but thick, and stays. Pure arithmetic on the grey page.
 */

/** Ink: darker than this (the page is normalised, paper near 255). */
const INK = 170;
/** A rule is at least this share of the page's width (a glyph is about 2 % of it). */
const MIN_LENGTH = 0.06;
/** Rows this far above and below a rule are paper (a rule is at most ~2 × this thick). */
const CLEARANCE = 12;
/** …for at least this share of the run (glyphs the rule touches darken the rest). */
const CLEAR_SHARE = 0.6;
/** The blurred fringe of a rule (rows either side): its grey is erased, a glyph's dark core stays. */
const FRINGE = 6;
const FRINGE_GREY = 110;

export function eraseRuledLines(px: Uint8Array, width: number, height: number): Uint8Array {
  const out = Uint8Array.from(px);
  const rules: [y: number, x0: number, x1: number][] = [];
  const minLength = Math.max(40, Math.round(width * MIN_LENGTH));
  const ink = (x: number, y: number) => y >= 0 && y < height && px[y * width + x]! < INK;
  for (let y = 0; y < height; y++) {
    let x = 0;
    while (x < width) {
      if (!ink(x, y)) {
        x++;
        continue;
      }
      let end = x;
      while (end < width && ink(end, y)) end++;
      if (end - x >= minLength) {
        // Thin: some row within CLEARANCE above, and some below, is paper along most of the run.
        const clearAt = (dy: number) => {
          let paper = 0;
          for (let k = x; k < end; k++) if (!ink(k, y + dy)) paper++;
          return paper >= CLEAR_SHARE * (end - x);
        };
        let above = false;
        let below = false;
        for (let d = 1; d <= CLEARANCE && !(above && below); d++) {
          above ||= clearAt(-d);
          below ||= clearAt(d);
        }
        if (above && below) rules.push([y, x, end]);
      }
      x = end;
    }
  }
  for (const [y, x0, x1] of rules) {
    out.fill(255, y * width + x0, y * width + x1);
    for (let r = Math.max(0, y - FRINGE); r <= Math.min(height - 1, y + FRINGE); r++)
      for (let i = r * width + x0; i < r * width + x1; i++) if (px[i]! >= FRINGE_GREY) out[i] = 255;
  }
  return out;
}
