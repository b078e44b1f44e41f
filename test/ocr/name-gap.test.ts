import { describe, expect, it } from 'vitest';
import { inkRunOn, nameAtInkGap } from '../../src/main/ocr/name-gap.ts';

/** Columns of a printed name: `#` ink, `.` blank. */
const columns = (s: string) => [...s].map((c) => c === '#');

describe('the family/given space on the image', () => {
  it('is the clearly widest blank run where one glyph ends and the next begins', () => {
    // 佐々木 直樹: five glyphs ten columns apart, a wide blank after the third.
    expect(nameAtInkGap('佐々木直樹', columns('#########.#########.#########......#########.#########'))).toBe(
      '佐々木\u3000直樹',
    );
    // The model put its space after the first glyph; the ink says after the second.
    expect(nameAtInkGap('石\u3000川凛', columns('#########.#########......#########'))).toBe('石川\u3000凛');
  });

  it('ignores the blanks inside a glyph (the strokes of 川), which fall between two advances', () => {
    expect(nameAtInkGap('石川凛', columns('#########.##..##..#.....#########'))).toBe('石川\u3000凛');
  });

  it('says nothing when no run stands out, or on a lone glyph', () => {
    expect(nameAtInkGap('山田花子', columns('#########..#########..#########..#########'))).toBeUndefined();
    expect(nameAtInkGap('凛', columns('####....####'))).toBeUndefined();
    expect(nameAtInkGap('山田', columns('..........'))).toBeUndefined();
  });
});

describe('how far the ink of a name runs on past its box', () => {
  it('takes in a glyph the reading left out, up to a blank wider than one and a half glyphs', () => {
    // 健一 read 健: the box ends after 健, the 一 follows a 2-column blank; then 20 blank columns and a label.
    expect(inkRunOn(columns('..#########' + '.'.repeat(20) + '###'), 10)).toBe(11);
    expect(inkRunOn(columns('.'.repeat(20) + '###'), 10)).toBe(0);
  });
});
