/**
 * PP-OCRv4's recogniser has a Chinese dictionary: where Japanese print has its own form of a
 * character it reads the simplified one (险 for 険, 证 for 証, 边 for 辺). Both of its readings, a
 * page's labels (paddle-lines.ts) and a name's crop (name-vote.ts), are mapped back here. Pure.
 */
import { ConverterFactory } from 'opencc-js/core';
import simplifiedToTraditional from 'opencc-js/dict/STCharacters';
import traditionalToJapanese from 'opencc-js/dict/JPShinjitaiCharactersRev';

/** Every character of JIS X 0208 (what Japanese print uses), from the platform's Shift_JIS decoder. */
let jis: Set<string> | undefined;
export function isJapanese(c: string): boolean {
  if (!jis) {
    jis = new Set();
    try {
      const decoder = new TextDecoder('shift_jis');
      for (let lead = 0x81; lead <= 0xef; lead++) {
        if (lead >= 0xa0 && lead <= 0xdf) continue;
        for (let trail = 0x40; trail <= 0xfc; trail++) {
          const read = trail === 0x7f ? '' : decoder.decode(new Uint8Array([lead, trail]));
          if ([...read].length === 1 && read !== '\ufffd') jis.add(read);
        }
      }
    } catch {
      // A runtime without Shift_JIS: no character counts as Japanese, nothing is mapped.
    }
  }
  return jis.has(c);
}

/** Character by character (OpenCC's phrase tables would rewrite a name as a word): simplified → traditional → 新字体. */
let toShinjitai: ((s: string) => string) | undefined;

/**
 * One character's Japanese form: itself when Japanese print has it (OpenCC would turn 里 into 裏,
 * 凛 into 凜), else its 新字体 through OpenCC's tables, else itself.
 */
export function japaneseForm(c: string): string {
  if (isJapanese(c)) return c;
  toShinjitai ??= ConverterFactory([[simplifiedToTraditional]], [[traditionalToJapanese]]);
  const mapped = toShinjitai(c);
  return [...mapped].length === 1 && isJapanese(mapped) ? mapped : c;
}

/** Character by character: a traditional form → its 新字体 (惠 → 恵, 穗 → 穂). */
let traditionalFolded: ((s: string) => string) | undefined;

/**
 * Whether two glyphs are one character in two forms, or the same: the recogniser's dictionary
 * holds traditional forms Japanese print has too (惠, 穗), and reads them for the 新字体 printed.
 */
export function sameCharacter(a: string, b: string): boolean {
  if (a === b) return true;
  traditionalFolded ??= ConverterFactory([], [[traditionalToJapanese]]);
  return traditionalFolded(a) === traditionalFolded(b);
}

/**
 * What the recogniser reads in place of a Japanese label's glyphs that are Japanese characters too,
 * so not mapped above: 令 as 今 (今和 is 令和), 効 as its older form 效 (有效期限).
 */
const READ_FOR: readonly (readonly [RegExp, string])[] = [
  [/今(?=和)/g, '令'],
  [/效/g, '効'],
];

/** A page's reading in Japanese forms, glyph for glyph (as long as it was read). */
export const japaneseText = (text: string): string =>
  [...READ_FOR.reduce((t, [read, printed]) => t.replace(read, printed), text)].map(japaneseForm).join('');
