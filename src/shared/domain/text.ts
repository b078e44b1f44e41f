/**
 * Text normalisation for values typed at the desk or read off printed cards.
 *
 * Staff type with a Japanese IME, so digits and letters often arrive full-width (３３１２００１５,
 * Ｒ７．７．３１) and hyphens arrive as whatever dash-like glyph the IME picked.
 */

// 全角英数記号 (U+FF01–U+FF5E) and the 全角スペース. NFKC is applied only to these: normalising the
// whole string would also widen 半角カナ, split ligatures such as ㈱ and rewrite circled digits,
// which would change Japanese text the caller expects to get back untouched.
const FULL_WIDTH_RE = /[\uFF01-\uFF5E\u3000]/g;

// Dash look-alikes that end up between digits (長音記号 ー and its 半角 form, minus sign, hyphen,
// en/em dash, horizontal bar). Only replaced between digits so that ー inside katakana words
// (e.g. センター) survives. 全角ハイフン (U+FF0D) is already '-' after NFKC.
const DIGIT_DASH_RE = /(?<=[0-9])[\u30FC\uFF70\u2212\u2010\u2011\u2012\u2013\u2014\u2015](?=[0-9])/g;

/** Full-width ASCII → ASCII, U+3000 → space, dash variants between digits → '-'. Kana/kanji unchanged. */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH_RE, (c) => c.normalize('NFKC')).replace(DIGIT_DASH_RE, '-');
}
