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
/** Lines narrower than this share of their height are specks or rules, not text. */
const MIN_ASPECT = 0.5;

/** Where a line sits in the stack and on the page. */
export interface Band {
  /** The crop on the page. */
  page: OcrBox;
  /** Stack pixels per page pixel. */
  scale: number;
  /** The crop's top-left corner in the stack. */
  top: number;
  left: number;
  /** The page row (0, 1, …) the line belongs to. */
  row: number;
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
}

async function cropsOf(prepared: Prepared, lines: readonly TextLine[]): Promise<Crop[]> {
  const kept = lines.filter((l) => l.box.x1 - l.box.x0 >= MIN_ASPECT * (l.box.y1 - l.box.y0));
  const rows = rowsOf(kept.map((l) => l.box));
  // All at once: each crop is a small libvips job whose set-up, awaited one after the other, cost
  // ~5 ms a line (~120 ms a card); started together they share libvips' threads (~30 ms a card).
  return Promise.all(
    kept.map(async (l, i): Promise<Crop> => {
      const left = Math.max(0, Math.floor(l.box.x0));
      const y0 = Math.max(0, Math.floor(l.box.y0));
      const width = Math.max(1, Math.min(prepared.width, Math.ceil(l.box.x1)) - left);
      const height = Math.max(1, Math.min(prepared.height, Math.ceil(l.box.y1)) - y0);
      const scale = LINE_HEIGHT / height;
      const w = Math.max(1, Math.round(width * scale));
      const data = await sharp(prepared.grey, { raw: { width: prepared.width, height: prepared.height, channels: 1 } })
        .extract({ left, top: y0, width, height })
        .resize({ width: w, height: LINE_HEIGHT, fit: 'fill', kernel: 'lanczos3' })
        .toColourspace('b-w')
        .raw()
        .toBuffer();
      levelCrop(data);
      return { data, width: w, page: { x0: left, y0, x1: left + width, y1: y0 + height }, scale, row: rows[i]! };
    }),
  );
}

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

/** A box in the stack, back on the page through its band. */
function toPage(b: OcrBox, band: Band): OcrBox {
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
