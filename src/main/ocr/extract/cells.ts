/** Lines to table cells, and the value printed beside, right of or under a label. */
import type { OcrBox, OcrLine, OcrWord } from '../engine.ts';
import { compact } from '../text.ts';
import { isLabel, LEAD } from './labels.ts';

/**
 * A run of words on one OCR line, cut at wide gaps and before a printed label: a table cell.
 * Labels and their values are found cell by cell, so a value printed in the next column or in
 * the row below (tables, two-column screens) is found by position, not by reading order.
 */
export interface Cell {
  text: string;
  /** As read (spaces kept), for the name's separator when no glyph boxes are known. */
  raw: string;
  confidence: number;
  line: number;
  box?: OcrBox;
  words: OcrWord[];
  /** The repairs (OCR_REPAIRS ids, and 'label-glyph') that changed its text. */
  repairs: string[];
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
/** The words' extent; vertically the median, as the model's boxes of some glyphs (年, |) run tall. */
export const union = (ws: { bbox: OcrBox }[]): OcrBox => ({
  x0: Math.min(...ws.map((w) => w.bbox.x0)),
  y0: median(ws.map((w) => w.bbox.y0)),
  x1: Math.max(...ws.map((w) => w.bbox.x1)),
  y1: median(ws.map((w) => w.bbox.y1)),
});

export function cellsOf(
  line: OcrLine,
  index: number,
  clean: (t: string, fired: Set<string>) => string,
  scrub: (t: string) => string,
): Cell[] {
  const words = line.words.filter((w) => w.text.trim() !== '').sort((a, b) => a.bbox.x0 - b.bbox.x0);
  const cleaned = (t: string) => {
    const fired = new Set<string>();
    return { text: clean(t, fired), repairs: [...fired] };
  };
  if (words.length === 0)
    return [{ ...cleaned(line.text), raw: scrub(line.text), confidence: line.confidence, line: index, words: [] }];
  const em = median(words.map((w) => w.bbox.y1 - w.bbox.y0)) || 1;
  const groups: OcrWord[][] = [[words[0]!]];
  for (let i = 1; i < words.length; i++) {
    const gap = words[i]!.bbox.x0 - words[i - 1]!.bbox.x1;
    // A column gap, or a label after a visible space (not the tail of a compound label: 「保険者
    // 番号」 spaced out to fill its cell is one label, not 保険者 and the person's 番号).
    const rest = compact(
      words
        .slice(i)
        .map((w) => w.text)
        .join(' '),
    );
    const compound =
      /^(?:番号|名称)/.test(rest) &&
      /保[険陵]者$/.test(
        compact(
          groups
            .at(-1)!
            .map((w) => w.text)
            .join(''),
        ),
      );
    const split = gap > 2.5 * em || (gap > 0.8 * em && isLabel(rest) && !compound);
    if (split) groups.push([words[i]!]);
    else groups.at(-1)!.push(words[i]!);
  }
  return groups.map((ws) => ({
    ...cleaned(ws.map((w) => w.text).join(' ')),
    raw: scrub(ws.map((w) => w.text).join(' ')),
    confidence: ws.reduce((a, w) => a + w.confidence, 0) / ws.length,
    line: index,
    box: union(ws),
    words: ws,
  }));
}

export interface Found {
  value: string;
  confidence: number;
  /** The cell the value was read from. */
  cell: Cell;
  /** Whether the value followed the label inside its cell. */
  inline: boolean;
  /** Where the value is printed (the cell without its label). */
  box?: OcrBox;
}

/**
 * Every place a label is printed, with the value that belongs to it: the rest of its cell, else
 * the cell to its right on the same row, else the cell below it, else (no positions) the next line.
 */
export function* labelled(cells: Cell[], label: RegExp): Generator<Found> {
  for (const cell of cells) {
    const m = label.exec(cell.text);
    if (!m) continue;
    const rest = cell.text.slice(m.index + m[0].length).replace(LEAD, '');
    if (rest && !isLabel(rest)) {
      const b = cell.box;
      const share = (m.index + m[0].length) / Math.max(1, cell.text.length);
      yield {
        value: rest,
        confidence: cell.confidence,
        cell,
        inline: true,
        ...(b ? { box: { ...b, x0: Math.round(b.x0 + (b.x1 - b.x0) * share) } } : {}),
      };
      continue;
    }
    const other = elsewhere(cells, cell, (m.index + m[0].length) / Math.max(1, cell.text.length));
    if (other)
      yield {
        value: other.text.replace(LEAD, ''),
        confidence: other.confidence,
        cell: other,
        inline: false,
        ...(other.box ? { box: other.box } : {}),
      };
  }
}

/**
 * A cell on the label's own line whose glyphs span the label's middle: beside it, however tall the
 * model made its glyph boxes (a name's 装 and 太 boxed 60 px high for 38 px of print, the cell's
 * middle 11 px below a small 氏名's; clean tuning seed 3002).
 */
const spansOnLine = (c: Cell, label: Cell, midY: number): boolean =>
  c.line === label.line && c.box!.y0 < midY && midY < c.box!.y1;

export function elsewhere(cells: Cell[], cell: Cell, labelShare: number): Cell | undefined {
  const b = cell.box;
  if (!b) {
    const next = cells.filter((c) => c.line === cell.line + 1);
    return next.length ? { ...next[0]!, text: next.map((c) => c.text).join(' ') } : undefined;
  }
  const h = b.y1 - b.y0;
  // The label's own part of the cell when another label follows it in the same cell.
  const lx1 = b.x0 + (b.x1 - b.x0) * Math.min(1, labelShare);
  const midY = (b.y0 + b.y1) / 2;
  const right = cells
    .filter(
      (c) =>
        c.box &&
        c !== cell &&
        c.box.x0 >= lx1 - h * 0.3 &&
        (Math.abs((c.box.y0 + c.box.y1) / 2 - midY) < h * 0.5 || spansOnLine(c, cell, midY)) &&
        !isLabel(c.text),
    )
    // A cell the reading put on the label's own line first: on a skewed capture the next row's
    // value can sit as near the label's middle (氏名 took the 生年月日 row's date).
    .sort((p, q) => Number(p.line !== cell.line) - Number(q.line !== cell.line) || p.box!.x0 - q.box!.x0)[0];
  if (right && !isLabel(cell.text.slice(Math.round(labelShare * cell.text.length)))) return right;
  return cellBelow(cells, cell, labelShare);
}

/** The nearest row under a cell (a label's share of it), and in it the cell most under that share. */
export function cellBelow(cells: Cell[], cell: Cell, labelShare = 1): Cell | undefined {
  const b = cell.box;
  if (!b) return undefined;
  const h = b.y1 - b.y0;
  const lx1 = b.x0 + (b.x1 - b.x0) * Math.min(1, labelShare);
  const midY = (b.y0 + b.y1) / 2;
  const overlap = (c: Cell) => Math.min(c.box!.x1, lx1) - Math.max(c.box!.x0, b.x0);
  const below = cells.filter(
    (c) => c.box && c !== cell && c.box.y0 >= midY && c.box.y0 - b.y1 < h * 2.5 && overlap(c) > h * 0.3,
  );
  const top = Math.min(...below.map((c) => c.box!.y0));
  return below.filter((c) => c.box!.y0 < top + h * 0.5).sort((p, q) => overlap(q) - overlap(p))[0];
}

export const first = <T>(
  cells: Cell[],
  label: RegExp,
  parse: (v: Found) => T | undefined,
): { v: T; f: Found } | undefined => {
  for (const f of labelled(cells, label)) {
    const v = parse(f);
    if (v !== undefined && v !== '') return { v, f };
  }
  return undefined;
};

/**
 * The one value a pattern's first group finds across the cells, with the cell of its first find,
 * or undefined when it finds none or finds two that differ (a lone 男 on a document with one).
 */
export function soleMatch(cells: readonly Cell[], pattern: RegExp): { value: string; cell: Cell } | undefined {
  const finds = cells.flatMap((cell) => [...cell.text.matchAll(pattern)].map((m) => ({ value: m[1]!, cell })));
  return finds.length > 0 && finds.every((f) => f.value === finds[0]!.value) ? finds[0] : undefined;
}
