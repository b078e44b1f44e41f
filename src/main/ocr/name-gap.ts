/**
 * The space between family and given name, found on the image. The model's glyph boxes overlap
 * and run on into the space after a glyph (佐々 ending where 木 begins, 本 spanning the gap
 * before 清), so neither the gap between boxes nor which glyph lies left of a gap can be taken
 * from them; the blank columns between the glyphs' ink and the glyphs' even advance can.
 */

/** A blank run between glyphs this much wider than any other is the space. */
const CLEAR_RATIO = 1.6;
/** …and at least this share of a glyph's advance (a half-width space is about a third). */
const MIN_GAP_EM = 0.2;
/** How far from a whole number of advances a run may start and still be between two glyphs. */
const BOUNDARY_TOLERANCE = 0.3;

/**
 * `inked[i]`: whether column i of the name's box holds ink. `name` with U+3000 at the one
 * clearly widest blank run between two glyphs, or undefined when no run stands out.
 */
export function nameAtInkGap(name: string, inked: boolean[]): string | undefined {
  const glyphs = [...name.replace(/\s/g, '')];
  if (glyphs.length < 2) return undefined;
  const first = inked.indexOf(true);
  const last = inked.lastIndexOf(true);
  if (first < 0) return undefined;
  const runs: { from: number; width: number }[] = [];
  for (let i = first; i <= last; i++) {
    if (inked[i]) continue;
    const from = i;
    while (i <= last && !inked[i]) i++;
    runs.push({ from, width: i - from });
  }
  if (runs.length === 0) return undefined;
  // Full-width glyphs advance evenly: a run where glyph k ends lies near k advances from the
  // first ink; gaps inside a glyph (川, 明) lie between. The advance leaves out the run itself.
  const span = last - first + 1;
  const n = glyphs.length;
  const atBoundary = runs
    .map((r) => {
      const advance = (span - r.width) / n;
      const k = (r.from - first) / advance;
      return { ...r, k: Math.round(k), off: Math.abs(k - Math.round(k)), advance };
    })
    .filter((r) => r.k >= 1 && r.k <= n - 1 && r.off <= BOUNDARY_TOLERANCE);
  const [widest, second] = atBoundary.sort((a, b) => b.width - a.width);
  if (!widest || widest.width < widest.advance * MIN_GAP_EM || (second && widest.width < CLEAR_RATIO * second.width))
    return undefined;
  return `${glyphs.slice(0, widest.k).join('')}\u3000${glyphs.slice(widest.k).join('')}`;
}

/** A blank this many glyph heights wide ends a name's run of ink (its family/given space is about one). */
const RUN_GAP_EM = 1.5;

/**
 * `inked[i]`: whether column i right of the name's box holds ink, `em` the glyph height. How many
 * columns the box's ink runs on for: up to the last ink before a blank of RUN_GAP_EM glyphs.
 */
export function inkRunOn(inked: readonly boolean[], em: number): number {
  let end = 0;
  for (let x = 0, blank = 0; x < inked.length && blank < RUN_GAP_EM * em; x++) {
    if (inked[x]) [end, blank] = [x + 1, 0];
    else blank++;
  }
  return end;
}
