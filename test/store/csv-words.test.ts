/**
 * The export says what the screen says: each word of the CSV is the Japanese catalogue's word for
 * the same code, or a shorter form of it for Excel's narrow columns. A term renamed on screen and
 * not in the export (or the other way round) fails here.
 */
import { describe, expect, it } from 'vitest';
import {
  DECISION_WORDS,
  FALLBACK_WORDS,
  FIELD_WORDS,
  INSURER_TYPE_WORDS,
  ONLINE_CHECK_WORDS,
  SOURCE_WORDS,
} from '../../src/main/store/csv-words.ts';
import { ja } from '../../src/renderer/src/i18n/ja.ts';

/** The word before an explanation in brackets: 「なし（導入していない）」 → なし. */
const head = (word: string) => word.replace(/（[^）]*）$/, '').trim();

/** Field names the export shortens for a column header, each a term the desk uses as well. */
const SHORTER_HEADERS: Record<string, string> = {
  burdenRatio: '負担割合', // 一部負担金の割合
  specificDiseaseNoted: '特定疾病の記載', // …がある
  detailsChanged: '交付後の変更', // 交付後に保険者や記載事項が変わった
};

describe('CSV words and the Japanese catalogue', () => {
  it('decisions, insurer types and sources are the screen’s own words', () => {
    expect(DECISION_WORDS).toEqual(ja.verdict.decision);
    expect(INSURER_TYPE_WORDS).toEqual(ja.insurerTypes);
    expect(SOURCE_WORDS).toEqual(ja.check.source);
  });

  it('field names: the screen’s, or the listed shorter header', () => {
    const screen: Record<string, string> = ja.fields;
    const differ = Object.keys(FIELD_WORDS).filter((k) => k in screen && FIELD_WORDS[k] !== screen[k]);
    expect(Object.fromEntries(differ.map((k) => [k, FIELD_WORDS[k]]))).toEqual(SHORTER_HEADERS);
  });

  it('オンライン資格確認: the screen’s word, without its explanation in brackets', () => {
    for (const [code, word] of Object.entries(ONLINE_CHECK_WORDS))
      expect(word, code).toBe(head(ja.onlineCheck[code as keyof typeof ja.onlineCheck]));
  });

  it('fallbacks: every term is one the screen’s sentence uses', () => {
    for (const [code, word] of Object.entries(FALLBACK_WORDS)) {
      const sentence = ja.verdict.fallbacks[code as keyof typeof ja.verdict.fallbacks];
      for (const term of word.split(/[\s（）]+/).filter(Boolean)) expect(sentence, code).toContain(term);
    }
  });
});
