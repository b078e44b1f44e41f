/**
 * The page read by the second reader: every detected line's crop read by the PP-OCRv4 recogniser,
 * with a box for every glyph from where along the crop CTC read it. It reads digits and dates in
 * any face (tesseract's Japanese model misreads faces it saw little of, and small print on a
 * degraded capture), not names or kana; the scan takes digit and date fields from it where the
 * first reading found none, and blacks out any 個人番号 it reads.
 */
import sharp from 'sharp';
import type { OcrBox, OcrOutput, OcrWord } from './engine.ts';
import { japaneseText } from './japanese-forms.ts';
import { pageLines, readingOf, rowsOf, type Segment } from './line-reading.ts';
import type { PaddleReader, PaddleReading } from './paddle-reader.ts';
import type { Prepared } from './preprocess.ts';
import type { TextLine } from './text-lines.ts';

/** White around a detected line's crop, as a share of its height (the recogniser wants some). */
const MARGIN = 0.2;
/** Lines narrower than this share of their height are specks or rules, not text. */
const MIN_ASPECT = 0.5;
/** Glyph centres further apart than this many line heights have white between them: two words. */
const WORD_GAP = 1.2;
/**
 * Lines of the first reading the second reader reads best, by what the first reading made of them:
 * digits, a date's or a 割合's glyphs, 男/女 — or nothing legible at all.
 */
export function worthSecondReading(first: OcrOutput): (box: OcrBox) => boolean {
  const words = first.lines.flatMap((l) => l.words).filter((w) => w.text.trim() !== '');
  return (box) => {
    const read = words.filter((w) => centredIn(box, w.bbox));
    return read.length === 0 || read.some((w) => SECOND_READER_GLYPHS.test(w.text));
  };
}
const SECOND_READER_GLYPHS = /[0-9０-９年月日割男女]/;

/** Whether a glyph's or word's centre lies in `box`, widened left and right by `slack`. */
const centredIn = (box: OcrBox, b: OcrBox, slack = 0) => {
  const [cx, cy] = [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
  return cx >= box.x0 - slack && cx <= box.x1 + slack && cy >= box.y0 && cy <= box.y1;
};

/**
 * What a page reading (readLinesWithPaddle) has where a value is printed: its glyphs centred in the
 * value's box (a third of its height of slack either side: glyph places come from CTC steps), left
 * to right; undefined when it read none there (a line it did not read). The scan's second reading
 * of a field takes it instead of reading the crop again with the same model.
 */
export function readingInside(page: OcrOutput, box: OcrBox): string | undefined {
  const slack = (box.y1 - box.y0) * 0.3;
  const glyphs = page.lines
    .flatMap((l) => l.words)
    .flatMap((w) => w.symbols ?? [])
    .filter((g) => centredIn(box, g.bbox, slack))
    .sort((a, b) => a.bbox.x0 - b.bbox.x0);
  return glyphs.length > 0 ? glyphs.map((g) => g.text).join('') : undefined;
}

/**
 * The lines read by the recogniser, one after the other; rows joined as a page read gives them.
 * `worth`, once the first reading has come (it runs meanwhile), says which of the lines not yet
 * read are worth the time: the reader reads lines while the other core would idle, shortest first,
 * and after that only what the first reading needs.
 */
export async function readLinesWithPaddle(
  reader: PaddleReader,
  prepared: Prepared,
  lines: readonly TextLine[],
  worth: Promise<((box: OcrBox) => boolean) | undefined> = Promise.resolve(undefined),
): Promise<OcrOutput | undefined> {
  const kept = lines.filter((l) => l.box.x1 - l.box.x0 >= MIN_ASPECT * (l.box.y1 - l.box.y0));
  const rows = rowsOf(kept.map((l) => l.box));
  const segments: Segment[] = [];
  let filter: ((box: OcrBox) => boolean) | undefined;
  // The first reading's own failure is the scan's to report, not this reading's.
  void worth.then((f) => (filter = f)).catch(() => undefined);
  // Short lines first: a field's value is a short cell, a letter's prose a long line the first
  // reading will most often not need.
  const aspect = (b: OcrBox) => (b.x1 - b.x0) / Math.max(1, b.y1 - b.y0);
  const order = kept.map((_, i) => i).sort((a, b) => aspect(kept[a]!.box) - aspect(kept[b]!.box));
  for (const i of order) {
    const line = kept[i]!;
    if (filter && !filter(line.box)) continue;
    const crop = cropOf(prepared, line.box);
    if (!crop) continue;
    const data = await sharp(prepared.grey, {
      raw: { width: prepared.width, height: prepared.height, channels: 1 },
    })
      .extract(crop)
      .toColourspace('b-w')
      .raw()
      .toBuffer();
    const read = await reader.read(data, crop.width, crop.height);
    const words = wordsOf(read, crop, line.box);
    if (words.length > 0) segments.push({ row: rows[i]!, text: words.map((w) => w.text).join(' '), words });
  }
  return readingOf(pageLines(segments));
}

function cropOf(p: Prepared, box: OcrBox): { left: number; top: number; width: number; height: number } | undefined {
  const m = (box.y1 - box.y0) * MARGIN;
  const left = Math.max(0, Math.round(box.x0 - m));
  const top = Math.max(0, Math.round(box.y0 - m));
  const width = Math.min(p.width, Math.round(box.x1 + m)) - left;
  const height = Math.min(p.height, Math.round(box.y1 + m)) - top;
  return width >= 4 && height >= 4 ? { left, top, width, height } : undefined;
}

/**
 * The reading's glyphs on the page: each centred where CTC read it, as wide as the line is high
 * or, where glyphs sit closer, half-way to its neighbours; runs of glyphs with white between them
 * are words.
 */
export function wordsOf(read: PaddleReading, crop: { left: number; width: number }, line: OcrBox): OcrWord[] {
  const h = line.y1 - line.y0;
  const glyphs = [...japaneseText(read.text)]
    .map((text, i) => ({ text, at: crop.left + read.glyphs[i]!.at * crop.width, p: read.glyphs[i]!.p }))
    .filter((g) => g.text.trim() !== '');
  const words: OcrWord[] = [];
  let run: typeof glyphs = [];
  const flush = () => {
    if (run.length === 0) return;
    const symbols = run.map((g, i) => {
      const before = i > 0 ? (g.at - run[i - 1]!.at) / 2 : h / 2;
      const after = i < run.length - 1 ? (run[i + 1]!.at - g.at) / 2 : h / 2;
      return {
        text: g.text,
        confidence: g.p,
        bbox: { x0: g.at - Math.min(h / 2, before), y0: line.y0, x1: g.at + Math.min(h / 2, after), y1: line.y1 },
      };
    });
    words.push({
      text: run.map((g) => g.text).join(''),
      confidence: run.reduce((a, g) => a + g.p, 0) / run.length,
      bbox: { x0: symbols[0]!.bbox.x0, y0: line.y0, x1: symbols.at(-1)!.bbox.x1, y1: line.y1 },
      symbols,
    });
    run = [];
  };
  for (const g of glyphs) {
    if (run.length > 0 && g.at - run.at(-1)!.at > WORD_GAP * h) flush();
    run.push(g);
  }
  flush();
  return words;
}
