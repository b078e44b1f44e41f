/**
 * Detected lines read by tesseract in one call: every line's crop scaled to the same height and
 * stacked under the others with white between, the stack read as one block, and each word and
 * glyph taken back to the page by the band it lies in. One call instead of one per line (each
 * call costs tesseract's set-up again), and no layout analysis to get wrong. Lines that sit on the
 * same row of the page (a label and its value) become one OcrLine, left to right, as a page read
 * gives them.
 */
import sharp from 'sharp';
import type { OcrBox, OcrEngine, OcrLine, OcrOutput, OcrWord } from './engine.ts';
import { pgm, type Prepared } from './preprocess.ts';
import type { TextLine } from './text-lines.ts';

/** Each line's height in the stack: tesseract's Japanese model reads lines of this size best (measured ~40 px). */
export const LINE_HEIGHT = 40;
/** White around each band: tesseract must not join two bands into one line. */
const GAP = 16;
const SIDE = 12;
/** Lines narrower than this share of their height are specks or rules, not text… */
const MIN_ASPECT = 0.5;
/**
 * …unless this many times taller than wide and wide enough for a glyph: a column of vertical text
 * (a title down a card's coloured side band, which the detector finds as one tall box).
 */
const VERTICAL = 2.5;
const MIN_COLUMN_WIDTH = 16;

/** Where a line sits in the stack and on the page. */
export interface Band {
  /** The crop on the page. */
  page: OcrBox;
  /** Stack pixels per page pixel. */
  scale: number;
  /** The crop's top-left corner in the stack. */
  top: number;
  left: number;
  /** The page row (0, 1, …) the line belongs to; a vertical column is a row of its own, before the others (< 0). */
  row: number;
  /** A vertical column, its glyphs read side by side: every box read in it is the column's. */
  vertical?: boolean;
}

/**
 * Rows of the page: lines whose vertical extents overlap by half the smaller height are one row.
 * Returns, per line, its row's index (rows numbered top to bottom).
 */
export function rowsOf(boxes: readonly OcrBox[]): number[] {
  const order = boxes.map((_, i) => i).sort((a, b) => mid(boxes[a]!) - mid(boxes[b]!));
  const rows: { y0: number; y1: number }[] = [];
  const row = new Array<number>(boxes.length).fill(0);
  for (const i of order) {
    const b = boxes[i]!;
    const h = b.y1 - b.y0;
    const at = rows.findIndex((r) => Math.min(r.y1, b.y1) - Math.max(r.y0, b.y0) >= 0.5 * Math.min(h, r.y1 - r.y0));
    if (at >= 0) row[i] = at;
    else {
      row[i] = rows.length;
      rows.push({ y0: b.y0, y1: b.y1 });
    }
  }
  return row;
}
const mid = (b: OcrBox) => (b.y0 + b.y1) / 2;

/** A line's crop, scaled to the stack's line height, and where it came from. */
interface Crop {
  data: Buffer;
  width: number;
  page: OcrBox;
  scale: number;
  row: number;
  vertical?: boolean;
}

const widthOf = (b: OcrBox) => b.x1 - b.x0;
const heightOf = (b: OcrBox) => b.y1 - b.y0;
const isColumn = (b: OcrBox) => heightOf(b) >= VERTICAL * widthOf(b) && widthOf(b) >= MIN_COLUMN_WIDTH;

async function cropsOf(prepared: Prepared, lines: readonly TextLine[]): Promise<Crop[]> {
  const kept = lines.filter((l) => widthOf(l.box) >= MIN_ASPECT * heightOf(l.box));
  const rows = rowsOf(kept.map((l) => l.box));
  // Right to left, as vertical text is read.
  const columns = lines.filter((l) => isColumn(l.box)).sort((a, b) => b.box.x0 - a.box.x0);
  // All at once: each crop is a small libvips job whose set-up, awaited one after the other, cost
  // ~5 ms a line (~120 ms a card); started together they share libvips' threads (~30 ms a card).
  const read = await Promise.all([
    ...kept.map((l, i) => lineCrop(prepared, l.box, rows[i]!)),
    ...columns.map((l, i) => columnCrop(prepared, l.box, i - columns.length)),
  ]);
  return read.filter((c): c is Crop => c !== undefined);
}

const region = (prepared: Prepared, box: OcrBox) => {
  const left = Math.max(0, Math.floor(box.x0));
  const top = Math.max(0, Math.floor(box.y0));
  const width = Math.max(1, Math.min(prepared.width, Math.ceil(box.x1)) - left);
  const height = Math.max(1, Math.min(prepared.height, Math.ceil(box.y1)) - top);
  return { left, top, width, height };
};

/** The prepared page as a sharp image. */
export const page = (prepared: Prepared) =>
  sharp(prepared.grey, { raw: { width: prepared.width, height: prepared.height, channels: 1 } });

/** A horizontal line's crop, scaled to the stack's line height. */
async function lineCrop(prepared: Prepared, box: OcrBox, row: number): Promise<Crop> {
  const r = region(prepared, box);
  const scale = LINE_HEIGHT / r.height;
  const w = Math.max(1, Math.round(r.width * scale));
  const data = await page(prepared)
    .extract(r)
    .resize({ width: w, height: LINE_HEIGHT, fit: 'fill', kernel: 'lanczos3' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  levelCrop(data);
  const at = { x0: r.left, y0: r.top, x1: r.left + r.width, y1: r.top + r.height };
  return { data, width: w, page: at, scale, row };
}

/**
 * A column of vertical text as a line: its glyphs (runs of inked rows, joined up to about a glyph's
 * width, so 三 or 二 stay one) cut apart and set side by side, then scaled like any line. Japanese
 * glyphs stand upright in vertical text, so the model reads the row as it reads any other.
 */
async function columnCrop(prepared: Prepared, box: OcrBox, row: number): Promise<Crop | undefined> {
  const r = region(prepared, box);
  const px = await page(prepared).extract(r).toColourspace('b-w').raw().toBuffer();
  levelCrop(px);
  whitenEdges(px, r.width, r.height);
  const glyphs = glyphRows(px, r.width, r.height);
  if (glyphs.length < 2) return undefined;
  // Only the glyphs' own columns: the band's shaded edges beside them read as 「|」.
  const [left, right] = inkedColumns(px, r.width, r.height);
  const cell = right - left;
  const tall = Math.max(...glyphs.map(([a, b]) => b - a));
  const gap = Math.round(tall * 0.25);
  const width = glyphs.length * (cell + gap) + gap;
  const line = Buffer.alloc(width * tall, 255);
  for (const [k, [a, b]] of glyphs.entries()) {
    const top = Math.floor((tall - (b - a)) / 2);
    for (let y = a; y < b; y++)
      px.copy(line, (top + y - a) * width + gap + k * (cell + gap), y * r.width + left, y * r.width + right);
  }
  const scale = LINE_HEIGHT / tall;
  const w = Math.max(1, Math.round(width * scale));
  const data = await sharp(line, { raw: { width, height: tall, channels: 1 } })
    .resize({ width: w, height: LINE_HEIGHT, fit: 'fill', kernel: 'lanczos3' })
    .toColourspace('b-w')
    .raw()
    .toBuffer();
  const at = { x0: r.left, y0: r.top, x1: r.left + r.width, y1: r.top + r.height };
  return { data, width: w, page: at, scale, row, vertical: true };
}

/**
 * The rows [from, to) of each glyph in a column of black-on-white pixels: runs of rows with ink,
 * joined while the glyph stays within its inked width (its height in vertical text); specks dropped.
 */
export function glyphRows(px: Uint8Array, width: number, height: number): [number, number][] {
  const inked = (y: number) => {
    let n = 0;
    for (let x = 0; x < width; x++) if (px[y * width + x]! < INK) n++;
    return n >= 2;
  };
  const [left, right] = inkedColumns(px, width, height);
  const size = right - left;
  if (size < 4) return [];
  const runs: [number, number][] = [];
  for (let y = 0; y < height; y++) {
    if (!inked(y)) continue;
    const start = y;
    while (y < height && inked(y)) y++;
    runs.push([start, y]);
  }
  const glyphs: [number, number][] = [];
  for (const run of runs) {
    const last = glyphs.at(-1);
    if (last && run[1] - last[0] <= size * GLYPH_SPAN) last[1] = run[1];
    else glyphs.push([...run]);
  }
  return glyphs.filter(([a, b]) => b - a >= size * 0.2);
}
/** The columns [from, to) that hold ink. */
function inkedColumns(px: Uint8Array, width: number, height: number): [number, number] {
  let [left, right] = [width, 0];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (px[y * width + x]! < INK) [left, right] = [Math.min(left, x), Math.max(right, x + 1)];
  return left < right ? [left, right] : [0, 0];
}

/** A column inked down most of its height is the band's edge or a rule beside the text: made white (in place). */
function whitenEdges(px: Uint8Array, width: number, height: number): void {
  for (let x = 0; x < width; x++) {
    let n = 0;
    for (let y = 0; y < height; y++) if (px[y * width + x]! < INK) n++;
    if (n > height * 0.6) for (let y = 0; y < height; y++) px[y * width + x] = 255;
  }
}

/** Darker than this is ink, on the prepared (normalised grey) page and in a levelled crop. */
export const INK = 128;
/** A glyph's height at most this share of the column's inked width (a little over its width). */
const GLYPH_SPAN = 1.15;

/**
 * Each line's own levels: its ground made white and its ink black (in place). Tesseract
 * binarises the whole stack with one threshold, and a title on a grey band came out as a black
 * bar, a white title on a dark band as nothing. The ground is the crop's median (most of a line's
 * crop is ground); a median nearer the dark end than the light one means light glyphs on a dark
 * band, read inverted.
 */
export function levelCrop(px: Uint8Array): void {
  const at = (q: number, h: Uint32Array) => {
    let n = 0;
    for (let v = 0; v < 256; v++) if ((n += h[v]!) > q * px.length) return v;
    return 255;
  };
  const histogram = () => {
    const h = new Uint32Array(256);
    for (const v of px) h[v]!++;
    return h;
  };
  let h = histogram();
  if (at(0.5, h) - at(0.02, h) < at(0.98, h) - at(0.5, h)) {
    for (let k = 0; k < px.length; k++) px[k] = 255 - px[k]!;
    h = histogram();
  }
  const [ink, ground] = [at(0.02, h), at(0.5, h)];
  // A crop without contrast (a blank or a speck) is left as it is.
  if (ground - ink < 32) return;
  for (let k = 0; k < px.length; k++)
    px[k] = Math.max(0, Math.min(255, Math.round(((px[k]! - ink) * 255) / (ground - ink))));
}

/** Crops one under the other (a PGM), with where each band came from. */
function stack(crops: readonly Crop[]): { image: Buffer; bands: Band[] } {
  const width = SIDE * 2 + Math.max(...crops.map((c) => c.width));
  const bands = crops.map((c, i) => ({
    page: c.page,
    scale: c.scale,
    top: GAP + i * (LINE_HEIGHT + GAP),
    left: SIDE,
    row: c.row,
    ...(c.vertical ? { vertical: true } : {}),
  }));
  const height = GAP + crops.length * (LINE_HEIGHT + GAP);
  const grey = Buffer.alloc(width * height, 255);
  for (const [i, c] of crops.entries())
    for (let y = 0; y < LINE_HEIGHT; y++)
      c.data.copy(grey, (bands[i]!.top + y) * width + SIDE, y * c.width, (y + 1) * c.width);
  return { image: pgm(grey, width, height), bands };
}

/**
 * The crops in `parts` stacks of about equal length (what tesseract's time goes by), each read
 * by a worker of its own: the page's lines are read on as many cores as the pool has workers.
 */
export async function stackLines(
  prepared: Prepared,
  lines: readonly TextLine[],
  parts = 1,
): Promise<{ image: Buffer; bands: Band[] }[]> {
  const crops = await cropsOf(prepared, lines);
  if (crops.length === 0) return [];
  const total = crops.reduce((a, c) => a + c.width, 0);
  const groups: Crop[][] = [[]];
  let sum = 0;
  for (const c of crops) {
    if (groups.at(-1)!.length > 0 && sum >= (total * groups.length) / parts) groups.push([]);
    groups.at(-1)!.push(c);
    sum += c.width;
  }
  return groups.map(stack);
}

/** A box in the stack, back on the page through its band (in a vertical column: the column). */
function toPage(b: OcrBox, band: Band): OcrBox {
  if (band.vertical) return band.page;
  const x = (v: number) => band.page.x0 + (v - band.left) / band.scale;
  const y = (v: number) => band.page.y0 + (v - band.top) / band.scale;
  return { x0: x(b.x0), y0: y(b.y0), x1: x(b.x1), y1: y(b.y1) };
}

/** The band a box of the stack lies in (by its middle). */
function bandOf(b: OcrBox, bands: readonly Band[]): Band | undefined {
  const m = mid(b);
  return bands.find((band) => m >= band.top - GAP / 2 && m < band.top + LINE_HEIGHT + GAP / 2);
}

/** What one band read: its words on the page, and tesseract's own text of them (its spacing). */
export interface Segment {
  row: number;
  text: string;
  words: OcrWord[];
}

/** The stack's reading, band by band, with words and glyphs in page pixels. */
export function segmentsOf(read: readonly OcrLine[], bands: readonly Band[]): Segment[] {
  const out: Segment[] = [];
  for (const line of read) {
    const byBand = new Map<Band, OcrWord[]>();
    for (const word of line.words) {
      if (word.text.trim() === '') continue;
      const band = bandOf(word.bbox, bands);
      if (!band) continue;
      byBand.set(band, [
        ...(byBand.get(band) ?? []),
        {
          ...word,
          bbox: toPage(word.bbox, band),
          ...(word.symbols ? { symbols: word.symbols.map((s) => ({ ...s, bbox: toPage(s.bbox, band) })) } : {}),
        },
      ]);
    }
    for (const [band, words] of byBand)
      out.push({
        row: band.row,
        // A tesseract line within one band keeps its own text (no space between Japanese words).
        text: byBand.size === 1 ? line.text.trim() : words.map((w) => w.text).join(' '),
        words,
      });
  }
  return out;
}

/** Segments on the same row of the page as one line, left to right, as a page read gives it. */
export function pageLines(segments: readonly Segment[]): OcrLine[] {
  const byRow = new Map<number, Segment[]>();
  for (const s of segments) byRow.set(s.row, [...(byRow.get(s.row) ?? []), s]);
  return [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, segs]) => {
      const left = (s: Segment) => Math.min(...s.words.map((w) => w.bbox.x0));
      segs.sort((a, b) => left(a) - left(b));
      const words = segs.flatMap((s) => s.words);
      const chars = words.reduce((n, w) => n + w.text.length, 0);
      return {
        text: segs.map((s) => s.text).join('  '),
        confidence: words.reduce((a, w) => a + w.confidence * w.text.length, 0) / Math.max(1, chars),
        words,
      };
    });
}

/** The page read line by line, from the detected lines; undefined when none was found. */
export async function readDetectedLines(
  engine: OcrEngine,
  prepared: Prepared,
  lines: readonly TextLine[],
): Promise<OcrOutput | undefined> {
  const stacks = await stackLines(prepared, lines, engine.size);
  const reads = await Promise.all(
    stacks.map(async (s) => segmentsOf((await engine.recognize(s.image, { layout: 'block' })).lines, s.bands)),
  );
  return readingOf(pageLines(reads.flat()).filter((l) => l.words.length > 0));
}

/** Lines as a page's reading (its confidence the mean of its glyphs'), or undefined when there are none. */
export function readingOf(lines: OcrLine[]): OcrOutput | undefined {
  if (lines.length === 0) return undefined;
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  return {
    text: lines.map((l) => l.text).join('\n'),
    lines,
    confidence: lines.reduce((a, l) => a + l.confidence * l.text.length, 0) / Math.max(1, chars),
  };
}
