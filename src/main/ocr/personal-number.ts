/**
 * Where a 個人番号 (or the マイナンバー下4桁) is printed on a page, from its OCR lines. Pure.
 *
 * Fails closed: a line is taken for one when its label is read (even with a glyph misread), or
 * when a 12-digit run is read with up to two digits the model was unsure of (low glyph
 * confidence, a lookalike such as O for 0, a digit dropped from its 4-4-4 grouping). Such a
 * line never gives a field, and everything after the label (or the whole run) is blacked out in
 * any kept image. The rules are data, each with why it is there.
 */
import type { OcrBox, OcrLine } from './engine.ts';

/** Labels that announce a 個人番号 on the same line (or, with nothing after them, right beside or below). */
export const PERSONAL_NUMBER_LABELS: readonly { id: string; pattern: RegExp; reason: string }[] = [
  {
    id: 'label',
    pattern: /個人番号(?!\s*[カ力ガ])|マイナンバ[ーー一-](?!\s*[カ力ガ])/,
    reason: 'the printed label: card back, 個人番号通知書, 住民票, the お知らせ 「マイナンバー（下4桁）」',
  },
  // Small print on a capture loses a glyph now and then. 法人番号 is a company's; 個人番号カード and
  // マイナンバーカード (カ read as 力 too) name the card, whose front carries no number.
  {
    id: 'label-misread',
    pattern: /(?:[^\s\d法]人番号|個[^\s\d]番号|個人[^\s\d]号|個人番[^\s\d者カ力ガ])(?!\s*[カ力ガ])/,
    reason: '個人番号 with one glyph misread',
  },
  // 「個人短 2308 / 0511 9108」: a card back in Ume Gothic, 番号 read as one glyph, right before the digits.
  {
    id: 'label-misread',
    pattern: /個人[^\s\d]{1,2}(?=\s*[0-9０-９])/,
    reason: '個人 and a misread 番号 right before digits',
  },
  // 「個侍号 つり / / 2885 /034」: a card back, 人番 read as one glyph (the page prepared with a white border).
  {
    id: 'label-misread',
    pattern: /個[^\s\d]号(?!\s*[カ力ガ])/,
    reason: '個人番号 with 人番 read as one glyph',
  },
  // 「悩人番アデ」: a card back in Ume Gothic, its label's first and last glyphs misread.
  {
    id: 'label-misread',
    pattern: /[^\s\d法]人番(?!号?\s*[カ力ガ])/,
    reason: '個人番号 with its first and last glyphs misread',
  },
  {
    id: 'label-misread',
    pattern:
      /(?:[^\s\d]イナンバ|マ[^\s\d]ナンバ|マイ[^\s\d]ンバ|マイナ[^\s\d]バ|マイナン[^\s\d])[ーー一-](?!\s*[カ力ガ])/,
    reason: 'マイナンバー with one glyph misread',
  },
  // 「＊＊＊＊1234」: the masked number's visible tail, when the layout analysis put its label on another line.
  {
    id: 'masked-tail',
    pattern: /[＊*※]{3,}\s*[0-9０-９]{4}/,
    reason: 'a masked number with its last 4 digits (下4桁) shown',
  },
];

/**
 * Glyphs the Japanese model reads for a printed digit. One of these inside a run of digits counts
 * as a digit the model was unsure of.
 */
export const DIGIT_LOOKALIKES: readonly { glyphs: string; digit: string; evidence: string }[] = [
  { glyphs: 'OoDQ〇口ロ', digit: '0', evidence: 'round glyphs; 0 in a Mincho face reads as O or 口' },
  { glyphs: 'lI|!iｌ一ー]', digit: '1', evidence: 'a lone stroke; the 4.0.0 model reads 1 as ー (toolchain notes)' },
  { glyphs: 'Zz', digit: '2', evidence: 'Latin look-alike' },
  { glyphs: 'Ss', digit: '5', evidence: 'Latin look-alike' },
  { glyphs: 'bGｂ', digit: '6', evidence: 'Latin look-alike' },
  { glyphs: 'B', digit: '8', evidence: 'Latin look-alike' },
  { glyphs: 'gq', digit: '9', evidence: 'Latin look-alike' },
];

/** A digit read below this glyph confidence (0–1) is unsure. */
export const UNSURE_DIGIT_BELOW = 0.6;
/** At most this many unsure digits (lookalikes, low confidence, one dropped) in a 12-digit run. */
export const MAX_UNSURE = 2;
/** What may separate the digits of a run: the 4-4-4 grouping's spaces and hyphens. */
const SEPARATOR = /^[\s\u3000\-‐‑‒–—−－]$/;
const DIGIT = /^[0-9０-９]$/;
const LOOKALIKE = new Set(DIGIT_LOOKALIKES.flatMap((l) => [...l.glyphs]));

export interface PersonalNumberHit {
  /** Index of the OCR line. */
  line: number;
  rule: 'label' | 'label-misread' | 'masked-tail' | 'twelve-digits' | 'grouped-4-4-4' | 'beside-label' | 'card-digits';
  /** What to black out in a kept image. */
  boxes: OcrBox[];
}

interface Glyph {
  text: string;
  confidence: number;
  box?: OcrBox;
}

/** The line as glyphs, with a space between words (a word's own box when no glyph boxes are known). */
function glyphsOf(line: OcrLine): Glyph[] {
  if (line.words.length === 0) return [...line.text].map((text) => ({ text, confidence: line.confidence }));
  const out: Glyph[] = [];
  for (const w of line.words) {
    if (out.length > 0) out.push({ text: ' ', confidence: 1 });
    const symbols = w.symbols?.filter((s) => s.text !== '') ?? [];
    if (symbols.length > 0)
      for (const s of symbols) out.push({ text: s.text, confidence: s.confidence ?? w.confidence, box: s.bbox });
    else for (const c of w.text) out.push({ text: c, confidence: w.confidence, box: w.bbox });
  }
  return out;
}

/**
 * The line's text without spaces (the model splits a label into words: 「個人 番号」), and the
 * glyph index of each of its characters (a glyph may carry more than one).
 */
function charToGlyph(glyphs: Glyph[]): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  glyphs.forEach((g, i) => {
    if (g.text.trim() === '') return;
    text += g.text;
    for (let k = 0; k < g.text.length; k++) at.push(i);
  });
  return { text, at };
}

/** The 12-digit runs of a line (with at most MAX_UNSURE unsure digits), as glyph index ranges. */
export function twelveDigitRuns(line: OcrLine): { from: number; to: number; unsure: number }[] {
  const glyphs = glyphsOf(line);
  const runs: { from: number; to: number; unsure: number }[] = [];
  let i = 0;
  while (i < glyphs.length) {
    if (!isDigitish(glyphs[i]!)) {
      i++;
      continue;
    }
    // A maximal run of digits, lookalikes and separators.
    let j = i;
    while (j < glyphs.length && (isDigitish(glyphs[j]!) || SEPARATOR.test(glyphs[j]!.text))) j++;
    let digits = glyphs
      .slice(i, j)
      .map((g, k) => ({ g, k: i + k }))
      .filter((x) => isDigitish(x.g));
    // Lookalikes at either end are as likely a border or a bracket: dropped while the run is too long.
    while (digits.length > 12 && !DIGIT.test(digits[0]!.g.text)) digits = digits.slice(1);
    while (digits.length > 12 && !DIGIT.test(digits.at(-1)!.g.text)) digits = digits.slice(0, -1);
    const unsure = digits.filter((x) => !DIGIT.test(x.g.text) || x.g.confidence < UNSURE_DIGIT_BELOW).length;
    // A digit dropped from the 4-4-4 grouping (groups 4-4-3 in any order) is one more unsure one.
    const groups = groupSizes(
      glyphs,
      digits.map((x) => x.k),
    );
    const dropped = digits.length === 11 && groups.length === 3 && groups.filter((n) => n === 4).length === 2 ? 1 : 0;
    if ((digits.length === 12 || dropped) && unsure + dropped <= MAX_UNSURE && digits.length > 0)
      runs.push({ from: digits[0]!.k, to: digits.at(-1)!.k, unsure: unsure + dropped });
    i = j;
  }
  return runs;
}

const isDigitish = (g: Glyph) => DIGIT.test(g.text) || LOOKALIKE.has(g.text);

/**
 * The 4-4-4 grouping read with glyphs other than lookalikes (「A00Z2 8る09 3684」 from a card back
 * in Ume Gothic): three words in a row of 3–5 glyphs, each with at least three digits or lookalikes,
 * at least eight real digits in all. (A 記号・番号's 「1234 5678 (00)」 has two digits in its third.)
 */
export function fourFourFour(glyphs: Glyph[]): { from: number; to: number }[] {
  const words: { from: number; to: number; glyphs: Glyph[] }[] = [];
  glyphs.forEach((g, i) => {
    if (g.text.trim() === '') return;
    const last = words.at(-1);
    if (last && last.to === i - 1) {
      last.to = i;
      last.glyphs.push(g);
    } else words.push({ from: i, to: i, glyphs: [g] });
  });
  // A lone mark between the groups (「2308 / 0511 9108」) is no group.
  const groups = words.filter((w) => !w.glyphs.every((g) => /^[^\p{L}\p{N}]$/u.test(g.text)));
  const shaped = (w: (typeof words)[number]) =>
    w.glyphs.length >= 3 && w.glyphs.length <= 5 && w.glyphs.filter(isDigitish).length >= 3;
  const out: { from: number; to: number }[] = [];
  for (let i = 0; i + 2 < groups.length; i++) {
    const three = groups.slice(i, i + 3);
    if (three.every(shaped) && three.flatMap((w) => w.glyphs).filter((g) => DIGIT.test(g.text)).length >= 8)
      out.push({ from: three[0]!.from, to: three[2]!.to });
  }
  return out;
}

/** Sizes of the digit groups, split where a separator stands between two digits. */
function groupSizes(glyphs: Glyph[], indexes: number[]): number[] {
  const sizes: number[] = [];
  indexes.forEach((k, n) => {
    const prev = indexes[n - 1];
    if (prev === undefined || glyphs.slice(prev + 1, k).some((g) => SEPARATOR.test(g.text))) sizes.push(1);
    else sizes[sizes.length - 1]!++;
  });
  return sizes;
}

const boxOf = (gs: Glyph[]): OcrBox | undefined => {
  const bs = gs.map((g) => g.box).filter((b): b is OcrBox => b !== undefined);
  if (bs.length === 0) return undefined;
  return {
    x0: Math.min(...bs.map((b) => b.x0)),
    y0: Math.min(...bs.map((b) => b.y0)),
    x1: Math.max(...bs.map((b) => b.x1)),
    y1: Math.max(...bs.map((b) => b.y1)),
  };
};

/**
 * Every line that shows a 個人番号, with what to black out. A label with nothing read after it
 * takes the text to its right on the same row and the row right under it (the value in the next
 * cell, or a layout analysis that split the row).
 */
export function personalNumberHits(lines: OcrLine[]): PersonalNumberHit[] {
  const hits: PersonalNumberHit[] = [];
  const bare: { label: OcrBox; line: number }[] = [];
  lines.forEach((line, index) => {
    const glyphs = glyphsOf(line);
    const { text, at } = charToGlyph(glyphs);
    const boxes: OcrBox[] = [];
    let rule: PersonalNumberHit['rule'] | undefined;
    for (const l of PERSONAL_NUMBER_LABELS) {
      const m = l.pattern.exec(text);
      if (!m) continue;
      rule ??= l.id as PersonalNumberHit['rule'];
      const end = l.id === 'masked-tail' ? at[m.index]! : at[m.index + m[0].length - 1]! + 1;
      const after = glyphs.slice(end);
      const label = boxOf(glyphs.slice(at[m.index]!, end));
      const rest = boxOf(after.filter((g) => g.text.trim() !== ''));
      if (rest && label)
        boxes.push({
          ...rest,
          x0: Math.min(rest.x0, label.x1),
          y0: Math.min(rest.y0, label.y0),
          y1: Math.max(rest.y1, label.y1),
        });
      else if (rest) boxes.push(rest);
      else if (label) bare.push({ label, line: index });
      if (l.id === 'masked-tail' && label) boxes.push(label);
      // The first rule that holds places the boxes (a label matches its misread forms too).
      break;
    }
    const runs = twelveDigitRuns(line);
    const grouped = fourFourFour(glyphs);
    if (runs.length === 0 && grouped.length > 0) rule ??= 'grouped-4-4-4';
    for (const r of [...runs, ...grouped]) {
      rule ??= 'twelve-digits';
      const b = boxOf(glyphs.slice(r.from, r.to + 1));
      if (b) boxes.push(b);
    }
    if (rule) hits.push({ line: index, rule, boxes });
  });
  // A label alone: what stands right of it on its row and the row under it.
  for (const { label, line: own } of bare) {
    const em = Math.max(1, label.y1 - label.y0);
    const words = lines.flatMap((line, index) => line.words.map((w) => ({ w, index })));
    const sameRow = words.filter(
      ({ w }) =>
        (w.bbox.y0 + w.bbox.y1) / 2 > label.y0 &&
        (w.bbox.y0 + w.bbox.y1) / 2 < label.y1 &&
        w.bbox.x0 >= label.x1 - em * 0.3,
    );
    const under = words.filter(
      ({ w }) => w.bbox.y0 >= label.y1 - em * 0.3 && w.bbox.y0 < label.y1 + em * 2 && w.bbox.x1 > label.x0,
    );
    // Only the nearest row under it.
    const top = Math.min(...under.map(({ w }) => w.bbox.y0));
    for (const { w, index } of [...sameRow, ...under.filter(({ w }) => w.bbox.y0 < top + em * 0.5)]) {
      const hit = hits.find((h) => h.line === index);
      if (hit) hit.boxes.push(w.bbox);
      else hits.push({ line: index, rule: 'beside-label', boxes: [w.bbox] });
    }
    // Nothing read there at all: the row to the right of the label, to the page's last word.
    const right = Math.max(label.x1, ...lines.flatMap((l) => l.words.map((w) => w.bbox.x1)));
    hits.find((h) => h.line === own)?.boxes.push({ x0: label.x1, y0: label.y0, x1: right, y1: label.y1 + em * 2 });
  }
  return hits.sort((a, b) => a.line - b.line);
}

/** Whether one line, on its own, shows a 個人番号 (its label or a 12-digit run). */
export function showsPersonalNumber(line: OcrLine): boolean {
  return personalNumberHits([line]).length > 0;
}

/** A date on a line (the card front's 生年月日 and 有効期限 have 8 digits, and are no number). */
const DATE_ON_LINE = /\d\s*[年月日]|\d{4}\s*[/.]\s*\d{1,2}\s*[/.]\s*\d{1,2}/;

/**
 * On a page taken for the My Number Card, whose back prints the 個人番号: any line with eight or
 * more digits that is not a date, however its label and grouping were read (「個人短 2308 / 0511
 * 9108」). Fails closed where the card is concerned: nothing else on it has that many digits.
 */
export function cardDigitLines(lines: OcrLine[]): PersonalNumberHit[] {
  const hits: PersonalNumberHit[] = [];
  lines.forEach((line, index) => {
    const glyphs = glyphsOf(line);
    const text = glyphs.map((g) => g.text).join('');
    if (
      [...text].filter((c) => DIGIT.test(c)).length < 8 ||
      DATE_ON_LINE.test(text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    )
      return;
    const b = boxOf(glyphs.filter(isDigitish));
    hits.push({ line: index, rule: 'card-digits', boxes: b ? [b] : [] });
  });
  return hits;
}

/**
 * Whole-line rules, on the words any reading put in one detected line (NFKC text). Redaction of a
 * line must not hang on where a reader happened to place its glyphs, nor on which reader read the
 * number: a line either reader reads this way is blacked out whole on the kept image.
 */
export const LINE_RULES: readonly { id: string; holds: (text: string) => boolean; reason: string }[] = [
  {
    id: 'digit-run',
    // Groups of 4 may be set apart; a run broken after any other count (a phone number's 03-1234-5678,
    // 記号 and 番号 「12345678 1234567」) is two numbers.
    holds: (t) => (t.match(/(?<!\d)(?:\d{4}(?:\s+|\s*[-‐‑‒–—−/]\s*))*\d+/g) ?? []).some((m) => digits(m) >= 10),
    reason: 'ten or more digits in a row, 4-digit groups apart or not: the number read in part',
  },
  {
    id: 'misread-4-4-4',
    // 「1234 5678 90あい」: up to two glyphs of the 4-4-4 shape read as letters. Brackets and marks
    // break a group (記号・番号's 「1234 5678 (00)」).
    holds: (t) => {
      const groups = t.split(/\s+|\s*[-‐‑‒–—−/]\s*/).filter(Boolean);
      return groups.some((_, i) =>
        [[12], [4, 8], [8, 4], [4, 4, 4]].some((shape) => {
          const run = groups.slice(i, i + shape.length);
          return (
            run.length === shape.length &&
            run.every((g, k) => [...g].length === shape[k] && /^[\p{L}\p{N}]+$/u.test(g)) &&
            digits(run.join('')) >= 12 - MAX_UNSURE
          );
        }),
      );
    },
    reason: 'a 4-4-4 number with up to two glyphs misread',
  },
];
const digits = (s: string) => s.replace(/\D/g, '').length;

const middleIn = (b: OcrBox, w: { bbox: OcrBox }) => {
  const [cx, cy] = [(w.bbox.x0 + w.bbox.x1) / 2, (w.bbox.y0 + w.bbox.y1) / 2];
  return cx >= b.x0 && cx <= b.x1 && cy >= b.y0 && cy <= b.y1;
};

/** What one reading read inside a box: its words there, left to right, as a line. */
function lineIn(box: OcrBox, reading: readonly OcrLine[]): OcrLine {
  const words = reading
    .flatMap((l) => l.words)
    .filter((w) => w.text.trim() !== '' && middleIn(box, w))
    .sort((a, b) => a.bbox.x0 - b.bbox.x0);
  return { text: words.map((w) => w.text).join(' '), confidence: 1, words };
}

/**
 * The detected lines (boxes on the page) to black out whole on the kept image: those where any
 * reading reads a 個人番号 (LINE_RULES, the 12-digit and 4-4-4 rules, on a card any run of eight
 * digits that is no date), those with its label, and those beside a label on its row or on the
 * row right under it. Fails closed: what one reader misses, the other's reading of the same
 * line still blacks out. Without the detector's boxes, the extent of every line read stands for them.
 */
export function personalNumberLineBoxes(
  detected: readonly OcrBox[] | undefined,
  readings: readonly (readonly OcrLine[])[],
  options: { card?: boolean } = {},
): OcrBox[] {
  const boxes = detected ?? readings.flat().flatMap((l) => extentOf(l.words.map((w) => w.bbox)));
  const out = new Set<number>();
  const labels: { i: number; alone: boolean }[] = [];
  boxes.forEach((box, i) => {
    for (const reading of readings) {
      const line = lineIn(box, reading);
      if (line.words.length === 0) continue;
      const hits = [...personalNumberHits([line]), ...(options.card ? cardDigitLines([line]) : [])];
      const text = line.text.normalize('NFKC');
      // A label read with no digit after it has its number beside it or under it.
      if (hits.some((h) => LABEL_RULES.has(h.rule)))
        labels.push({ i, alone: !/\d/.test(text.replace(/下\s*4\s*桁/g, '')) });
      if (hits.length > 0 || LINE_RULES.some((r) => r.holds(text))) out.add(i);
    }
  });
  for (const { i, alone } of labels) for (const j of besideLabel(boxes, i, alone)) out.add(j);
  return [...out].sort((a, b) => a - b).map((i) => boxes[i]!);
}
const extentOf = (bs: OcrBox[]): OcrBox[] =>
  bs.length === 0
    ? []
    : [
        {
          x0: Math.min(...bs.map((b) => b.x0)),
          y0: Math.min(...bs.map((b) => b.y0)),
          x1: Math.max(...bs.map((b) => b.x1)),
          y1: Math.max(...bs.map((b) => b.y1)),
        },
      ];
const LABEL_RULES = new Set<PersonalNumberHit['rule']>(['label', 'label-misread', 'masked-tail']);

/**
 * The boxes right of a label on its row, and, for a label read alone, those of the nearest row under
 * it (within two line heights).
 */
function besideLabel(boxes: readonly OcrBox[], i: number, alone: boolean): number[] {
  const label = boxes[i]!;
  const em = Math.max(1, label.y1 - label.y0);
  const mid = (b: OcrBox) => (b.y0 + b.y1) / 2;
  const right = boxes
    .map((b, j) => ({ b, j }))
    .filter(({ b, j }) => j !== i && mid(b) > label.y0 && mid(b) < label.y1 && b.x0 >= label.x1 - em * 0.3);
  const under = boxes
    .map((b, j) => ({ b, j }))
    .filter(({ b }) => alone && b.y0 >= label.y1 - em * 0.3 && b.y0 < label.y1 + em * 2 && b.x1 > label.x0);
  const top = Math.min(...under.map(({ b }) => b.y0));
  return [...right, ...under.filter(({ b }) => b.y0 < top + em * 0.5)].map(({ j }) => j);
}
