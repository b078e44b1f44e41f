import { describe, expect, it } from 'vitest';
import type { OcrBox, OcrLine } from '../../src/main/ocr/engine.ts';
import { extractFields } from '../../src/main/ocr/extract-fields.ts';
import {
  cardDigitLines,
  LINE_RULES,
  personalNumberHits,
  personalNumberLineBoxes,
  showsPersonalNumber,
  twelveDigitRuns,
} from '../../src/main/ocr/personal-number.ts';
import { at, lines } from './support/ocr-lines.ts';

const one = (text: string) => lines(text)[0]!;

/** A line of single glyphs with their own confidence (`?` after a glyph: read unsure). */
function glyphLine(y: number, text: string): OcrLine {
  const symbols = [...text.replace(/\?/g, '')].map((t, i) => ({
    text: t,
    confidence: 0.95,
    bbox: { x0: 20 + i * 30, y0: y, x1: 48 + i * 30, y1: y + 30 },
  }));
  // Mark the glyph before each `?` as unsure.
  let k = -1;
  for (const c of text) {
    if (c === '?') symbols[k]!.confidence = 0.3;
    else k++;
  }
  return {
    text: symbols.map((s) => s.text).join(''),
    confidence: 0.9,
    words: [
      {
        text: symbols.map((s) => s.text).join(''),
        confidence: 0.9,
        bbox: { x0: 20, y0: y, x1: 20 + symbols.length * 30, y1: y + 30 },
        symbols,
      },
    ],
  };
}

describe('where a 個人番号 is printed', () => {
  it('finds a 12-digit run, grouped or not, half- or full-width', () => {
    for (const t of [
      '1234 5678 9018',
      '123456789018',
      '1234-5678-9018',
      '１２３４ ５６７８ ９０１８',
      '氏名 山田 太郎 123456789018',
    ])
      expect(showsPersonalNumber(one(t)), t).toBe(true);
  });

  it('finds one read with up to two unsure digits: lookalikes, low glyph confidence, one dropped from its group', () => {
    expect(showsPersonalNumber(one('1234 567B 9O18'))).toBe(true);
    expect(showsPersonalNumber(one('l234 5678 90l8'))).toBe(true);
    expect(showsPersonalNumber(one('1234 5678 918'))).toBe(true); // 4-4-3: one digit lost
    // The grouping read with other glyphs (a card back in Ume Gothic): three 4-ish groups of digits.
    expect(showsPersonalNumber(one('A00Z2 8る09 3684'))).toBe(true);
    expect(showsPersonalNumber(one('個人短 2308 / 0511 9108'))).toBe(true); // 番号 read as one glyph, a mark between groups
    expect(showsPersonalNumber(one('2308 / 0511 9108'))).toBe(true);
    expect(showsPersonalNumber(glyphLine(0, '1234?5678?9018'))).toBe(true);
    expect(twelveDigitRuns(glyphLine(0, '1234?5678?9018'))[0]!.unsure).toBe(2);
    // Three unsure digits in one run: text, not a number read — unless it has the 4-4-4 shape.
    expect(twelveDigitRuns(one('l234 567B 9O18'))).toEqual([]);
    expect(showsPersonalNumber(one('l234 567B 9O18'))).toBe(true);
    expect(showsPersonalNumber(glyphLine(0, 'l2?34?5678901B'))).toBe(false);
  });

  it('finds its label, also with a glyph misread, and the masked 下4桁', () => {
    // The model splits the label into words, and reads the first digits as kana (a real capture).
    expect(personalNumberHits([at(0, [20, '個人|番号|うりのめ83|6105|9478'])])[0]).toMatchObject({
      rule: 'label',
      boxes: [{ x0: 152, x1: 164 + 6 * 30 + 12 + 4 * 30 + 12 + 4 * 30 }],
    });
    for (const t of [
      '個人番号',
      '個人香号 ＊＊＊＊',
      'マイナンバー（下4桁） ＊＊＊＊1234',
      'マイナンバ一（下４桁）',
      '悩人番アデ',
      '個侍号 つり / / 2885 /034',
      '＊＊＊＊1234',
      '住民票 個人番号 記載あり',
    ])
      expect(showsPersonalNumber(one(t)), t).toBe(true);
  });

  it('does not take other numbers, nor the card named by its label, for one', () => {
    for (const t of [
      '個人番号カード',
      '個人番号力ード',
      'マイナ保険証（健康保険証利用登録をしたマイナンバーカード）と一緒に',
      '保険者番号 06131015',
      '記号 12345678 番号 1234567 （枝番）00',
      '12345678・1234567（00）',
      '1234 5678 (00)',
      '記号 1234 番号 5678 枝番 00',
      '電話 03-1234-5678',
      '令和7年7月31日 2025/07/31',
      '公費負担者番号 88131019 受給者番号 1234567',
      '被保険者番号 12345678',
    ])
      expect(showsPersonalNumber(one(t)), t).toBe(false);
  });

  it('blacks out what follows the label, and the row beside or under a label read alone', () => {
    const page = [
      at(10, [20, '氏名|山田|太郎']),
      at(60, [20, '個人番号']),
      at(100, [20, '1234|5678|9O18']),
      at(200, [20, '生年月日|昭和50年1月2日']),
    ];
    const hits = personalNumberHits(page);
    expect(hits.map((h) => [h.line, h.rule])).toEqual([
      [1, 'label'],
      [2, 'twelve-digits'],
    ]);
    const boxes = hits.flatMap((h) => h.boxes);
    const covered = (x: number, y: number) => boxes.some((b) => b.x0 <= x && x <= b.x1 && b.y0 <= y && y <= b.y1);
    expect(covered(30, 110)).toBe(true); // the first digit under the label
    expect(covered(400, 110)).toBe(true); // the last group
    expect(covered(30, 20)).toBe(false); // the name
    expect(covered(30, 210)).toBe(false);

    const inline = personalNumberHits([at(0, [20, 'マイナンバー（下4桁）'], [400, '＊＊＊＊1234'])]);
    const b = inline[0]!.boxes;
    expect(b.some((x) => x.x0 <= 410 && x.x1 >= 400 + 8 * 30)).toBe(true);
  });

  it('never lets such a line become a field', () => {
    const r = extractFields([
      at(0, [20, '氏名|山田|太郎']),
      at(40, [20, '番号'], [200, '1234|5678|9O18']),
      at(80, [20, '個人番号']),
      at(120, [20, '12345678']),
      at(160, [20, '記号|5695|番号|7247503']),
    ]);
    expect(r.personalNumberSeen).toBe(true);
    expect(r.fields.number).toBe('7247503');
    expect(JSON.stringify(r.fields)).not.toMatch(/1234|5678|9018|9O18/);
    expect(r.personalNumberLines).toEqual([1, 2, 3]);
  });

  it('on a page taken for the card, any line of eight digits or more that is not a date', () => {
    const page = lines(
      '個人番号カード',
      '氏名 山田 太郎',
      '昭和50年 1月 2日生',
      '2031年01月02日まで有効',
      '電子証明書の有効期限 2026/01/02',
      '個人短 2308 / 05l1 9108',
      'セキユ 1234 5678',
    );
    expect(cardDigitLines(page).map((h) => h.line)).toEqual([5, 6]);
  });
});

/** A reading of detected lines: per box, the words read there (one word each, spread over its width). */
function readingOf(...cells: [OcrBox, string][]): OcrLine[] {
  return cells.map(([b, text]) => {
    const parts = text.split(' ');
    const w = (b.x1 - b.x0) / parts.length;
    return {
      text,
      confidence: 0.9,
      words: parts.map((t, i) => ({
        text: t,
        confidence: 0.9,
        bbox: { ...b, x0: b.x0 + i * w, x1: b.x0 + (i + 1) * w },
      })),
    };
  });
}
const box = (x0: number, y0: number, x1: number, y1 = y0 + 30): OcrBox => ({ x0, y0, x1, y1 });

describe('detected lines blacked out whole', () => {
  const name = box(20, 10, 300);
  const label = box(20, 60, 140);
  const number = box(160, 60, 520);
  const birth = box(20, 200, 400);

  it('the line the second reader reads as a 個人番号 where tesseract read nothing of it', () => {
    const tesseract = readingOf(
      [name, '氏名 山田 太郎'],
      [label, '伺人'],
      [number, 'うりの め83'],
      [birth, '昭和50年1月2日'],
    );
    // The recogniser's glyphs placed by CTC: its run sits inside the line, short of both ends.
    const paddle: OcrLine[] = [
      {
        text: '123456789012',
        confidence: 0.9,
        words: [{ text: '123456789012', confidence: 0.9, bbox: box(200, 60, 480) }],
      },
    ];
    expect(personalNumberLineBoxes([name, label, number, birth], [tesseract, paddle])).toEqual([number]);
    expect(personalNumberLineBoxes([name, label, number, birth], [tesseract])).toEqual([]);
  });

  it('a line read with ten digits in 4-digit groups, or with two glyphs of its 4-4-4 misread', () => {
    for (const t of ['1234 5678 90あい', '1234 5678 90', '1234-5678-90', '12あ4 5678 90い2', '1234567890'])
      expect(personalNumberLineBoxes([number], [readingOf([number, t])]), t).toEqual([number]);
    // The page-line rules alone miss these (a reading's luck): the whole-line rules catch them.
    expect(showsPersonalNumber(one('1234 5678 90あい'))).toBe(false);
    expect(LINE_RULES.find((r) => r.id === 'misread-4-4-4')!.holds('12あ4 5678 90い2')).toBe(true);
  });

  it('the lines beside a label read alone and on the row under it, not the rows above or further down', () => {
    const under = box(20, 100, 400);
    const tesseract = readingOf(
      [name, '氏名 山田 太郎'],
      [label, '個人番号'],
      [number, 'うりの め83'],
      [under, 'ロロ ちお'],
      [birth, '昭和50年1月2日'],
    );
    expect(personalNumberLineBoxes([name, label, number, under, birth], [tesseract])).toEqual([label, number, under]);
    // A label read with its number after it: the row under it (the 氏名 of a card back) stays.
    const inline = readingOf([box(20, 60, 520), '個侍号 つり / / 2885 /034'], [under, '氏名 山田 蓮']);
    expect(personalNumberLineBoxes([box(20, 60, 520), under], [inline])).toEqual([box(20, 60, 520)]);
  });

  it('keeps the numbers that are fields and other short numbers', () => {
    for (const t of [
      '保険者番号 06131015',
      '記号 12345678 番号 1234567 （枝番）00',
      '12345678 1234567',
      '1234 5678 (00)',
      '電話 03-1234-5678',
      '0120-123-456',
      '公費負担者番号 88131019 受給者番号 1234567',
      '令和7年7月31日 2025/07/31',
      '個人番号カード',
    ])
      expect(personalNumberLineBoxes([number], [readingOf([number, t])]), t).toEqual([]);
  });

  it('without the detector, each read line stands for its box; on a card, eight digits that are no date', () => {
    const page = [at(60, [20, '1234|5678|90あい']), at(120, [20, 'セキユ|1234|5678'])];
    expect(personalNumberLineBoxes(undefined, [page])).toEqual([
      box(20, 60, 20 + 4 * 30 + 12 + 4 * 30 + 12 + 4 * 30, 90),
    ]);
    expect(personalNumberLineBoxes(undefined, [page], { card: true })).toHaveLength(2);
  });
});
