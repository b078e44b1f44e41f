import { describe, expect, it } from 'vitest';
import { isJapanese, japaneseForm, japaneseText, sameCharacter } from '../../src/main/ocr/japanese-forms.ts';

describe('the second reader’s Chinese forms in Japanese', () => {
  it('maps a label’s simplified kanji to the printed ones, glyph for glyph', () => {
    expect(japaneseText('有效期限 今和7年5月31日')).toBe('有効期限 令和7年5月31日');
    expect(japaneseText('被保险者证记号')).toBe('被保険者証記号');
    expect(japaneseText('高龄受给者证 负担割合')).toBe('高齢受給者証 負担割合');
    expect([...japaneseText('资格确认书 发行')]).toHaveLength([...'资格确认书 发行'].length);
    expect(japaneseText('资格确认书 发行')).toBe('資格確認書 発行');
  });

  it('keeps a character Japanese print has, and one without a Japanese form', () => {
    expect(japaneseForm('里')).toBe('里');
    expect(japaneseForm('凛')).toBe('凛');
    expect(japaneseForm('边')).toBe('辺');
    expect(japaneseForm('号')).toBe('号');
    expect(japaneseText('今日 4')).toBe('今日 4');
    expect(isJapanese('険')).toBe(true);
    expect(isJapanese('险')).toBe(false);
  });

  it('tells a traditional form read for the printed 新字体 as the same character, and no other', () => {
    expect(sameCharacter('恵', '惠')).toBe(true);
    expect(sameCharacter('穗', '穂')).toBe(true);
    expect(sameCharacter('辺', '辺')).toBe(true);
    expect(sameCharacter('結', '桔')).toBe(false);
    expect(sameCharacter('山', '出')).toBe(false);
  });
});
