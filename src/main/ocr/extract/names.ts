/** The patient's name, with the family/given separator. */
import type { OcrBox, OcrWord } from '../engine.ts';
import { median, union } from './cells.ts';
import { LEAD, untilNextLabel } from './labels.ts';

/** The patient's name label: not the 被保険者, 世帯主 or 保護者 named beside it, nor the カナ line. */
export const NAME_LABEL = /(?<!(?:保険者|世帯\S|保護者)\s*)(?:氏\s*名|受給者名)(?!\s*[(（]?\s*(?:カナ|フリガナ))/;
/** What is not part of a name's text. */
export const NAME_CHARS = /[^\p{L}\p{M}・ー]/gu;

type Glyph = { text: string; bbox: OcrBox };

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
  const after = glyphs.slice(start).filter((g) => g.text.replace(NAME_CHARS, '') !== '');
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
  const m = afterLabel ? NAME_LABEL.exec(raw) : undefined;
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
