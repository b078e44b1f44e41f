/**
 * Dates the page read garbled — an era read as other glyphs (外科7年, 生成8年) or lost (成3年),
 * 年 read as 全, a month dropped (平成26年月14日), slashes read as 7 (2019/11725), a lone digit
 * read unsure (22日 merged into 2日) — are found here,
 * read again from their crop with only a date's glyphs allowed (scan.ts), and put back in place of
 * the words they came from, with a confidence that has staff confirm them.
 */
import type { OcrBox, OcrLine, OcrWord } from './engine.ts';
import { carriesPersonalNumber, datesIn, repairOcr, union } from './extract-fields.ts';
import { toHalfWidth } from '../../shared/domain/text.ts';

/** What a printed date can be made of. */
export const DATE_GLYPHS = '0123456789令和平成昭大正元年月日/';

/** A lone digit read less sure than this may be two merged (22日 read as 2日). */
const UNSURE_DIGIT = 0.75;

/** A date taken from a second reading is shown for confirmation. */
const REREAD_CONFIDENCE = 0.6;

/**
 * Something shaped like a date on the words joined without spaces: up to two glyphs in the era's
 * place, a 1–2 digit year (or 元), 年 (or 全), and a month mark; or a 4-digit year with a slash.
 * The words it touches are replaced whole (a glyph beside the date in the same word goes with it).
 */
const LOOSE_DATE =
  /(?<!\d)(?<era>[^\d\s|[\]()「」『』年月日]{0,2})(?:\d{1,2}|元)[年全]\d{0,2}月\d{0,2}[日昌目B]?|\d{4}[/年][\d/]{2,3}[\d/月日]{0,5}/gu;

export interface GarbledDate {
  line: number;
  /** Words `first`…`last` of the line (as sorted left to right) hold the date. */
  first: number;
  last: number;
  /** The date's text as the page read it. */
  read: string;
  /** Where to crop; reaching a glyph further left when no era was read at all. */
  box: OcrBox;
}

const sortedWords = (line: OcrLine): OcrWord[] =>
  line.words.filter((w) => w.text.trim() !== '').sort((a, b) => a.bbox.x0 - b.bbox.x0);

export function garbledDates(lines: OcrLine[]): GarbledDate[] {
  const found: GarbledDate[] = [];
  lines.forEach((line, index) => {
    // Never on a line that carried a 個人番号: a second reading could bring its digits back.
    if (carriesPersonalNumber(line)) return;
    const words = sortedWords(line);
    const texts = words.map((w) => toHalfWidth(w.text).replace(/\s+/g, ''));
    const owner: number[] = texts.flatMap((t, i) => [...t].map(() => i));
    const joined = texts.join('');
    // Offsets below are in UTF-16 units; every glyph here is one unit.
    for (const m of joined.matchAll(LOOSE_DATE)) {
      const first = owner[m.index]!;
      const last = owner[m.index + m[0].length - 1]!;
      // A date that reads (with the glyphs just before it: the era may have been cut off above),
      // unless a lone digit in it was read unsure: the model merges a doubled digit (22日 → 2日).
      const reads = datesIn(repairOcr(joined.slice(Math.max(0, m.index - 2), m.index + m[0].length))).length > 0;
      if (
        reads &&
        !words
          .slice(first, last + 1)
          .some((w) => /^\d$/.test(toHalfWidth(w.text).trim()) && w.confidence < UNSURE_DIGIT)
      )
        continue;
      const box = union(words.slice(first, last + 1));
      const era = m.groups?.['era'];
      if (era !== undefined && era.length < 2) box.x0 -= (box.y1 - box.y0) * (2 - era.length);
      found.push({ line: index, first, last, read: m[0], box });
    }
  });
  return found;
}

/** Whether the digits read the first time all appear, in order, in the second reading. */
function agrees(first: string, second: string): boolean {
  const want = first.replace(/\D/g, '');
  let i = 0;
  for (const d of second.replace(/\D/g, '')) if (d === want[i]) i++;
  return i === want.length;
}

/**
 * Puts a second reading of `g` in place of its words when it is one valid date that keeps every
 * digit the first reading had; returns whether it did. Patch a line's dates right to left: a
 * patch renumbers the words after it.
 */
export function patchDate(lines: OcrLine[], g: GarbledDate, again: string): boolean {
  // What follows the date's 日 belongs to a neighbour the crop caught (生 of 「…日生」 read as 和).
  const text = toHalfWidth(again)
    .replace(/\s+/g, '')
    .replace(/(?<=日)[^日]+$/, '');
  if (datesIn(repairOcr(text)).length !== 1 || !agrees(g.read, text)) return false;
  const line = lines[g.line]!;
  const words = sortedWords(line);
  const replaced = words.slice(g.first, g.last + 1);
  const word: OcrWord = {
    text,
    confidence: Math.min(REREAD_CONFIDENCE, ...replaced.map((w) => w.confidence)),
    bbox: g.box,
  };
  const patched = [...words.slice(0, g.first), word, ...words.slice(g.last + 1)];
  lines[g.line] = { ...line, text: patched.map((w) => w.text).join(' '), words: patched };
  return true;
}
