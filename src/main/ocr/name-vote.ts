/**
 * The 氏名 read by two models: tesseract (the page, and again from the name's crop) and PP-OCRv4's
 * recogniser (paddle-reader.ts) from the same crop. PP-OCRv4 reads kanji in faces tesseract
 * misreads (三浦 勇 read 三浦 学, 近藤 真由美 read 近藤 殖由美), but its dictionary is Chinese: it
 * gives simplified forms where Japanese has its own (险 for 険, 边 for 辺, 辅 for 輔) and lacks
 * kana. Its reading counts only as a Japanese name: every character a kanji or kana of JIS X 0208,
 * the simplified ones replaced by their Japanese forms (OpenCC's tables). Pure.
 *
 * - PP-OCRv4 and the page agree: two models read the same name, so it needs no confirmation for
 *   being unsure (31 of 31 agreements right on 40 + 40 tuning documents);
 * - PP-OCRv4 and tesseract's crop reading agree against the page: theirs is taken, for
 *   confirmation with the page's reading beside it;
 * - otherwise the page's reading stands; where PP-OCRv4 read another name, staff confirm it with
 *   both readings. (Its glyphs read sure replacing the page's where the two were as long was right
 *   on tuning, but 1 time of 4 on the held-out split: dropped.)
 */
import { isJapanese, japaneseForm } from './japanese-forms.ts';
import { ocrWarning, type OcrWarning } from '../../shared/ocr/warnings.ts';
import { NAME_CHARS } from './extract/names.ts';

/** A name two models agree on is taken as read from this confidence on. */
export const NAME_AGREED = 0.85;
/** A name the readers disagree on is confirmed by staff: below CONFIRM_BELOW (scan.ts). */
export const NAME_DISAGREED = 0.5;

/** A name's glyphs: kanji, kana, 々, ー and ・. */
const NAME_GLYPH = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々ー・]$/u;

/** A glyph PP-OCRv4 read, with its probability. */
export interface Glyph {
  text: string;
  confidence: number;
}

/**
 * PP-OCRv4's reading of a name's crop as a Japanese name without its space, glyph by glyph, or
 * undefined when it is none: a character that is not a name's (a digit: the crop holds a date),
 * or one that has no Japanese form. A character Japanese has is kept as read (OpenCC would turn
 * 里 into 裏, 凛 into 凜).
 */
export function japaneseGlyphs(read: readonly Glyph[]): Glyph[] | undefined {
  // Separators the recogniser reads for the family/given space (‧, ，, _).
  const glyphs = read.filter((g) => !/^[\s‧，,．.·_＿]*$/.test(g.text));
  if (glyphs.length < 2) return undefined;
  const mapped = glyphs.map((g) => ({ ...g, text: japaneseForm(g.text) }));
  if (!mapped.every((g) => isJapanese(g.text) && NAME_GLYPH.test(g.text))) return undefined;
  return mapped;
}

/** `japaneseGlyphs` of a text read as one string. */
export const japaneseName = (text: string): string | undefined =>
  japaneseGlyphs([...text].map((c) => ({ text: c, confidence: 1 })))
    ?.map((g) => g.text)
    .join('');

/**
 * A reading's glyphs, without the family/given space or anything that is no name's (a name
 * neither starts nor ends with ・ or ー: 「・阿部 和夫」 was a cell border read before it).
 */
export const bare = (name: string): string => name.replace(NAME_CHARS, '').replace(/^[・ー]+|[・ー]+$/g, '');

/** A crop reading replaces the page's from this confidence on (and only above the page's). */
const NAME_REREAD_AT = 0.65;
/** …and is still confirmed by staff. */
const NAME_REREAD_CAP = 0.7;

export interface NameVote {
  value: string;
  confidence: number;
  /** The rules that decided it, for the bench's count. */
  via: string[];
  warning?: OcrWarning;
}

type Reading = { text: string; confidence: number };

const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}]$/u;

/** The crop's reading as family and given name, when read surer than the page (出口昭 → 山口 昭). */
function rereadWins(page: Reading, crop: Reading | undefined): string | undefined {
  if (!crop) return undefined;
  const parts = crop.text.split(/\s+/).map(bare).filter(Boolean);
  if (parts.length !== 2 || crop.confidence < NAME_REREAD_AT || crop.confidence <= page.confidence) return undefined;
  return parts.join('\u3000');
}

/**
 * The name from the page's reading, PP-OCRv4's (`japaneseGlyphs`, undefined when it read no name)
 * and tesseract's reading of the crop (when one was made); undefined when the page's reading
 * stands as it was.
 */
export function voteName(page: Reading, glyphs: Glyph[] | undefined, crop?: Reading): NameVote | undefined {
  const second = glyphs?.map((g) => g.text).join('');
  if (second !== undefined && bare(page.text) === second)
    return { value: page.text, confidence: Math.max(page.confidence, NAME_AGREED), via: ['name-readers-agree'] };
  if (second !== undefined && crop && bare(crop.text) === second) {
    const parts = crop.text.split(/\s+/).map(bare).filter(Boolean);
    const value = parts.length === 2 ? parts.join('\u3000') : second;
    return {
      value,
      confidence: NAME_DISAGREED,
      via: ['name-vote'],
      warning: ocrWarning('ocr.readersDisagree', { field: 'name', value, other: page.text }),
    };
  }
  const reread = rereadWins(page, crop);
  const value = reread ?? page.text;
  // PP-OCRv4 lacks kana: a name with kana is not its to judge.
  const judged = second !== undefined && ![...value].some((c) => KANA.test(c));
  if (!reread && !judged) return undefined;
  return {
    value,
    confidence: Math.min(
      reread ? Math.min(crop!.confidence, NAME_REREAD_CAP) : page.confidence,
      judged ? NAME_DISAGREED : 1,
    ),
    via: [...(reread ? ['name-reread'] : []), ...(judged ? ['name-readers-differ'] : [])],
    ...(judged ? { warning: ocrWarning('ocr.readersDisagree', { field: 'name', value, other: second }) } : {}),
  };
}
