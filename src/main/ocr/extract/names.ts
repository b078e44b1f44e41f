/** The patient's name, with the family/given separator. */
import type { OcrBox, OcrWord } from '../engine.ts';
import { toHalfWidth } from '../../../shared/domain/text.ts';
import { ocrWarning } from '../../../shared/ocr/warnings.ts';
import { cellBelow, elsewhere, median, union, type Cell, type Found } from './cells.ts';
import type { Context, Extractor, LabelRead } from './extractor.ts';
import { LEAD, untilNextLabel } from './labels.ts';

/**
 * The patient's name label: not the 被保険者, 世帯主 or 保護者 named beside it (保護者 read 保証者
 * on a degraded 乳幼児医療費受給者証; 被保険者 read 「被保 者」, its 険 dropped, on a clean family
 * member's 保険証: the insured's name had been taken for the patient's), nor the カナ line, whether
 * its カナ follows 氏名 or comes first (「カナ氏名 つるみ あおい」, the independently written corpus).
 */
export const NAME_LABEL =
  /(?<!(?:保\s?\S?\s?者|世帯\S|カナ|フリガナ|ふりがな)\s*)(?:氏\s*名|受給者名(?!号))(?!\s*[(（]?\s*(?:カナ|フリガナ))/;
/** The insured's name (a notice's 被保険者氏名): the patient's only where no 氏名 of their own is read. */
const INSURED_NAME_LABEL = /被保険者\s*氏\s*名/;
/** What is not part of a name's text. */
export const NAME_CHARS = /[^\p{L}\p{M}・ー]/gu;

type Glyph = { text: string; bbox: OcrBox };

/**
 * A glyph this much flatter than the line's others is a ruled line the model read as one (a
 * cell's border beside 氏名 read 「語」, 3 px high among glyphs of 30), unless it is flat by its
 * shape (the 一 of 健一).
 */
const FLAT_GLYPH = 0.2;
const FLAT_SHAPES = /^[一ー－―‐_]$/;

export interface NameRead {
  text: string;
  /** Where it is printed, when the glyph boxes are known. */
  box?: OcrBox;
}

/**
 * 氏名 with one U+3000 between family and given name. OCR spaces Japanese glyphs unevenly, so the
 * separator is the widest gap between the glyph boxes (when boxes are known), else the single
 * space of the text. The scan then looks for the space on the image itself (name-gap.ts).
 */
export function readName(
  words: OcrWord[],
  afterLabel: boolean,
  raw: string,
  misreadLabel = false,
): NameRead | undefined {
  const glyphs: Glyph[] = words
    .flatMap((w) => (w.symbols && w.symbols.length > 0 ? w.symbols : [{ text: w.text, bbox: w.bbox }]))
    .filter((g) => g.text.trim() !== '');
  const line = median(glyphs.map((g) => g.bbox.y1 - g.bbox.y0));
  const flat = (g: Glyph) => g.bbox.y1 - g.bbox.y0 < FLAT_GLYPH * line && !FLAT_SHAPES.test(g.text);
  let start = 0;
  if (afterLabel) {
    const labelEnd = glyphs.findIndex(
      (g, i) =>
        /名/.test(g.text) &&
        (i > 0 ? /[氏者給]/.test(glyphs[i - 1]!.text + g.text) || (misreadLabel && i === 1) : true),
    );
    start = labelEnd + 1;
    if (labelEnd < 0) start = glyphs.length;
  }
  const rest = glyphs.slice(start).filter((g) => g.text.replace(NAME_CHARS, '') !== '');
  const after = rest.filter((g) => !flat(g));
  if (after.length >= 2) {
    const value = untilNextLabel(after.map((g) => g.text).join(''));
    const kept = after.slice(0, [...value].length > 0 ? Math.min(after.length, countGlyphs(after, value)) : 0);
    if (kept.length === 0) return undefined;
    const em = median(kept.map((g) => g.bbox.y1 - g.bbox.y0));
    // The family/given separator is a full-width space, about one glyph; glyph gaps inside a name
    // are a fraction of that. A half-width space is narrower, but the model then ends a word there.
    // A half-width space is narrower (about a third of a glyph) but still stands out from the rest.
    const gaps = kept.slice(1).map((g, i) => g.bbox.x0 - kept[i]!.bbox.x1);
    const widest = gaps.length ? Math.max(...gaps) : 0;
    const second = [...gaps].sort((a, b) => b - a)[1] ?? 0;
    const best =
      widest > em * 0.45 || (widest > em * 0.25 && widest >= 1.5 * Math.max(second, 1)) ? gaps.indexOf(widest) : -1;
    const text = (gs: typeof kept) => gs.map((g) => g.text.replace(NAME_CHARS, '')).join('');
    const joined = (
      best < 0 ? text(kept) : `${text(kept.slice(0, best + 1))}\u3000${text(kept.slice(best + 1))}`
    ).replace(/^\u3000|\u3000$/g, '');
    return joined ? { text: joined, box: union(kept) } : undefined;
  }
  // What was there were ruled lines: no name.
  if (after.length < rest.length) return undefined;
  const m = afterLabel ? (NAME_LABEL.exec(raw) ?? INSURED_NAME_LABEL.exec(raw)) : undefined;
  const value = untilNextLabel((m ? raw.slice(m.index + m[0].length) : raw).replace(LEAD, ''));
  const tokens = value
    .split(/\s+/)
    .map((t) => t.replace(NAME_CHARS, ''))
    .filter(Boolean);
  const text = tokens.length === 2 ? tokens.join('\u3000') : tokens.join('');
  return text ? { text } : undefined;
}

/** How many of `glyphs` make up `value` (the value may have been cut at a following label). */
function countGlyphs(glyphs: { text: string }[], value: string): number {
  let n = 0;
  let len = 0;
  while (n < glyphs.length && len < value.length) len += glyphs[n++]!.text.length;
  return n;
}

/** The フリガナ row some designs print between the label and the name (in katakana, or hiragana). */
const KANA = /^[\p{Script=Katakana}\p{Script=Hiragana}ー\s・]+$/u;

/**
 * The name beside a label; a カナ reading is skipped for the name under it, and a label's own cell
 * holding nothing but ruled lines read as glyphs for the cell right of it.
 */
function nameAt(f: Found, ctx: Context): NameRead | undefined {
  return underKana(
    readName(f.cell.words, f.inline, f.cell.raw) ?? (f.inline ? nameRightOf(f.cell, ctx) : undefined),
    f,
    ctx,
  );
}

/** A name read in カナ alone is the フリガナ row: the name is in the row under it, or not read. */
function underKana(v: NameRead | undefined, f: Found, ctx: Context): NameRead | undefined {
  if (!v || !KANA.test(v.text)) return v;
  const below = (f.cell.box ? cellBelow(ctx.cells, f.cell) : undefined) ?? elsewhere(ctx.cells, f.cell, 1);
  const w = below ? readName(below.words, false, below.raw) : undefined;
  return w && !KANA.test(w.text) ? w : undefined;
}

/** The name in the next cell on the label's row. */
function nameRightOf(cell: Cell, ctx: Context): NameRead | undefined {
  const next = elsewhere(ctx.cells, cell, 1);
  return next && next.line === cell.line ? readName(next.words, false, next.raw) : undefined;
}

/** The card's 名 (氏 lost or misread): only when 名 starts the cell's first or second word. */
function nameAfterCardLabel(f: Found): NameRead | undefined {
  if (!f.inline) return readName(f.cell.words, false, f.cell.raw);
  return /名/.test(f.cell.words[0]?.text ?? '') || f.cell.words[1]?.text.startsWith('名')
    ? readName(f.cell.words, true, f.cell.raw, true)
    : undefined;
}

const asRead = (v: NameRead | undefined): LabelRead | undefined =>
  v && { value: v.text, ...(v.box ? { glyphs: v.box } : {}) };

/** A line among the card front's first three that ends in a family and a given name. */
const NAME_SHAPED = /^(?:\S{1,2}\s+)?(\p{Script=Han}{1,4})\s+([\p{Script=Han}\p{Script=Hiragana}]{1,4})$/u;

export const nameExtractor: Extractor = {
  fields: ['name'],
  labels: [
    // 適用対象者 (限度額適用認定証) is the patient when the 被保険者 is printed too.
    { pattern: /適用対象者\s*氏\s*名/, read: (f, ctx) => asRead(nameAt(f, ctx)) },
    { pattern: NAME_LABEL, read: (f, ctx) => asRead(nameAt(f, ctx)) },
    {
      // Only at the start of a cell and followed by kanji, never 名称.
      pattern: /^\S?名(?!称)(?:(?=\s*\p{Script=Han})|$)/u,
      read: (f, ctx) => asRead(underKana(nameAfterCardLabel(f), f, ctx)),
      evidence:
        'card fronts print a small 氏名 beside a large name: 氏 dropped or misread (括名, 護名); a card with the フリガナ row above the name too (「名 生年月日」 over 「ナカムラ タクヤ」, clean tuning seed 3002)',
    },
    {
      // Last, on a notice alone: a family member's card names the insured so beside the patient.
      pattern: INSURED_NAME_LABEL,
      printedOn: (kind) => kind === 'qualification_notice',
      read: (f, ctx) => {
        const v = asRead(nameAt(f, ctx));
        return v && { ...v, rule: 'insured-name-label' };
      },
      evidence:
        'お知らせ naming the person as 被保険者氏名, with no 氏名 of their own (3 of the independently written corpus)',
    },
  ],
  fallbacks: [
    {
      id: 'name-shape',
      evidence: 'the card front’s small 氏名 misread past knowing (「品 石川 和夫」)',
      confidenceCap: 0.5,
      find: (ctx) => {
        if (ctx.kind !== 'mynumber_card') return [];
        const m = ctx.lines
          .slice(0, 3)
          .map((l, i) => (ctx.flagged.has(i) ? null : NAME_SHAPED.exec(toHalfWidth(l.text).trim())))
          .find(Boolean);
        if (!m) return [];
        const name = `${m[1]}\u3000${m[2]}`;
        return [{ field: 'name', value: name, confidence: 0.5, warning: ocrWarning('ocr.nameWithoutLabel', { name }) }];
      },
    },
  ],
  // The scan looks for the family/given space on the image where the name's glyphs are.
  after: (ctx, hit) => {
    if (hit?.read.glyphs) ctx.nameBox = hit.read.glyphs;
  },
};
