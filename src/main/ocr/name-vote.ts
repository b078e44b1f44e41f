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
 * - PP-OCRv4 read as many glyphs as the page (or the crop) and some otherwise: its glyph replaces
 *   the page's where it read it sure or the crop read it too (`glyphVote`), for confirmation with
 *   the page's reading beside it;
 * - otherwise the page's reading stands; where PP-OCRv4 read another name, staff confirm it with
 *   both readings.
 */
import { isJapanese, japaneseForm, sameCharacter } from './japanese-forms.ts';
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

/**
 * A glyph PP-OCRv4 read this sure replaces the page's. Fitted on 27 + 60 degraded tuning captures
 * (seeds 2027 and 3001): 6 names more right and none less; at 0.7 two right names became wrong
 * (結 → 桔 read 0.73, 藤 → 薩).
 */
const GLYPH_SURE = 0.8;
/**
 * …and only where the page read the name unsure: 「橋本 桜子」 read at 0.95 by the page (and so
 * by the crop) lost its 桜 to PP-OCRv4's 楼 read at 0.87 (clean tuning seed 2026). The names it
 * righted were read at 0.26–0.67.
 */
const PAGE_SURE = 0.8;

const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}]$/u;

/**
 * A reading's words without the label's tail the crop's margin caught before the name (「名 青木
 * 葵」: the card's small 氏名 beside it, clean tuning seed 3002).
 */
const nameWords = (text: string): string[] => {
  const words = text.split(/\s+/).map(bare).filter(Boolean);
  return words.length === 3 && /^氏?名$/.test(words[0]!) ? words.slice(1) : words;
};

/** The crop's reading as family and given name, when read surer than the page (出口昭 → 山口 昭). */
function rereadWins(page: Reading, crop: Reading | undefined): string | undefined {
  if (!crop) return undefined;
  const parts = nameWords(crop.text);
  if (parts.length !== 2 || crop.confidence < NAME_REREAD_AT || crop.confidence <= page.confidence) return undefined;
  return parts.join('\u3000');
}

/**
 * `base` (a reading with its family/given space) glyph by glyph against PP-OCRv4's glyphs, when
 * as many: where they differ, PP-OCRv4's glyph where it read it sure or `third` (another reading,
 * as long) read it too, else the base's. A variant read for the same character (惠 for 恵) keeps
 * the base's. The space stays where the base had it (the scan looks for it on the image again).
 */
function glyphVote(base: string, glyphs: readonly Glyph[], third?: string): string | undefined {
  const parts = base.split(/\s+/).map(bare).filter(Boolean);
  const own = [...parts.join('')];
  if (own.length !== glyphs.length) return undefined;
  const other = third === undefined ? [] : [...bare(third)];
  const voted = own.map((c, i) => {
    const g = glyphs[i]!;
    if (sameCharacter(c, g.text)) return c;
    const backed = other.length === own.length && other[i] === g.text;
    return g.confidence >= GLYPH_SURE || backed ? g.text : c;
  });
  const cut = parts.length === 2 ? [...parts[0]!].length : 0;
  return cut > 0 ? `${voted.slice(0, cut).join('')}\u3000${voted.slice(cut).join('')}` : voted.join('');
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
  if (second !== undefined && crop && nameWords(crop.text).join('') === second) {
    const parts = nameWords(crop.text);
    const value = parts.length === 2 ? parts.join('\u3000') : second;
    return {
      value,
      confidence: NAME_DISAGREED,
      via: ['name-vote'],
      warning: ocrWarning('ocr.readersDisagree', { field: 'name', value, other: page.text }),
    };
  }
  // PP-OCRv4 lacks kana: a name with kana is not its to judge.
  const hasKana = (text: string) => [...text].some((c) => KANA.test(c));
  const voted =
    glyphs && page.confidence < PAGE_SURE && !hasKana(page.text)
      ? (glyphVote(page.text, glyphs, crop?.text) ??
        (crop && !hasKana(crop.text) ? glyphVote(crop.text, glyphs) : undefined))
      : undefined;
  if (voted && bare(voted) !== bare(page.text))
    return {
      value: voted,
      confidence: NAME_DISAGREED,
      via: ['name-glyph-vote'],
      warning: ocrWarning('ocr.readersDisagree', { field: 'name', value: voted, other: page.text }),
    };
  const reread = rereadWins(page, crop);
  const value = reread ?? page.text;
  const judged = second !== undefined && !hasKana(value);
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

/** Words no name holds: a label or a date's read where the name was looked for (「昭和 年月日」). */
const NOT_NAME_WORDS = /年月日|性別|氏名|住所|番号|記号|交付|有効|期限|保険|区分|昭和|平成|令和/;

/** Whether a reading can be a name: two or more of a name's glyphs, nothing else, no label's words. */
export function nameShaped(text: string | undefined): boolean {
  const glyphs = [...bare(text ?? '')];
  return glyphs.length >= 2 && glyphs.every((c) => NAME_GLYPH.test(c)) && !NOT_NAME_WORDS.test(glyphs.join(''));
}

/**
 * The name as voted so far (`current`, undefined when none was read), weighed against the name
 * PP-OCRv4's reading of the whole page gives by its own labels and cells (`paddlePage`), and
 * tesseract's crop reading; undefined when the current name stands. On 27 + 60 + 60 clean tuning
 * captures (seeds 2026, 3002, 3004) it was right for 11 names the current one got wrong, and
 * wrong for 30 it got right: it never overrules alone.
 *
 * - tesseract's crop and the page's PP-OCRv4 name agree: two models (福田 大還 → 福田 大輔);
 * - the current name is none, or is not shaped like one (「交」, 「aa aan」, 「昭和 年月日」): the
 *   page's PP-OCRv4 name, where there is one;
 * - the current name is the start of the page's PP-OCRv4 name (「福田」 of 福田 大輔, the crop's
 *   PP-OCRv4 reading agreeing on the part its box held; once in 147 + 87 tuning captures, never
 *   against a whole name).
 * Each for confirmation, with the other reading beside it.
 */
export function voteWithPage(
  current: Reading | undefined,
  paddlePage: string | undefined,
  crop?: Reading,
): NameVote | undefined {
  if (!nameShaped(paddlePage)) return undefined;
  const theirs = bare(paddlePage!);
  const ours = bare(current?.text ?? '');
  if (ours === theirs) return undefined;
  const cropWords = crop ? nameWords(crop.text) : [];
  const rule =
    cropWords.join('') === theirs
      ? 'name-page-vote'
      : !current || !nameShaped(current.text)
        ? 'name-second-page'
        : theirs.startsWith(ours)
          ? 'name-second-page-longer'
          : undefined;
  if (!rule) return undefined;
  const value = rule === 'name-page-vote' && cropWords.length === 2 ? cropWords.join('\u3000') : paddlePage!;
  return {
    value,
    confidence: NAME_DISAGREED,
    via: [rule],
    warning: current
      ? ocrWarning('ocr.readersDisagree', { field: 'name', value, other: current.text })
      : ocrWarning('ocr.secondReaderOnly', { field: 'name', value, other: '—' }),
  };
}
