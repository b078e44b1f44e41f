/**
 * Misreads the Japanese model makes on printed text, repaired before parsing: each with what it
 * repairs and the evidence for it. The bench counts how often each fires and how often the field
 * it fed was right, so a repair that does not help can go. That count sees only the cell a field
 * was read from: the same repairs also tell a readable date from a garbled one for the second
 * reader (garbled-dates.ts, second-reading.ts) and find a 個人番号 (scrub.ts), which it does not see.
 */
export const OCR_REPAIRS: readonly {
  id: string;
  pattern: RegExp;
  replace: string | ((...groups: string[]) => string);
  evidence: string;
}[] = [
  {
    id: 'day-after-digit',
    pattern: /(\d)\s*[目晶昌]/g,
    replace: '$1日',
    evidence: '日 read as 目, 晶 or 昌 after a digit (Noto Sans, 150 dpi; 昌: Ume Mincho, degraded)',
  },
  { id: 'date-label', pattern: /年月目/g, replace: '年月日', evidence: '生年月日 read as 生年月目' },
  {
    id: 'kou-glyph',
    pattern: /[劾勁](?=期)/g,
    replace: '効',
    evidence:
      '効 of 有効期限 and 発効期日 read 劾 or 勁 by the second reader (有勁期限, 有劾期限, 龚劾期日; clean fresh tuning seed 3004)',
  },
  {
    id: 'era-showa-glyph',
    pattern: /[邵紹招沼照詔][和租](?=\s*(?:\d{1,2}|元)\s*[年全生第])/g,
    replace: '昭和',
    evidence:
      '昭 read as a glyph built on 召 like it (邵和17年: the second reader, clean tuning seed 3002, read as 令和17 = 2035 for a birth date; 紹和32年: tesseract, degraded; 紹租28年, 和 misread too: the second reader, degraded seed 3001)',
  },
  // 令和 has not reached year 21; a later year under a misread era is 昭和 (to 64).
  {
    id: 'era-wa',
    pattern: /(?<![昭])[^\s\d昭令]和(?=\s*(\d{1,2}|元)\s*年)/g,
    replace: (_: string, y: string) => (Number(y) > 20 ? '昭和' : '令和'),
    evidence: 'the first glyph of 令和 or 昭和 read as another (陵和, 今和): the only eras ending in 和',
  },
  {
    id: 'era-wa-alone',
    pattern: /(?<!\p{Script=Han})和(?=\s*(\d{1,2}|元)\s*[年全生第])/gu,
    replace: (_: string, y: string) => (Number(y) > 20 ? '昭和' : '令和'),
    evidence: 'the first glyph of 昭和 or 令和 lost by the second reader (和25年1月11日, 和31年1月13日生)',
  },
  {
    id: 'era-showa',
    pattern: /昭[^\s\d和](?=\s*(?:\d{1,2}|元)\s*[年全生第])/g,
    replace: '昭和',
    evidence: '和 of 昭和 misread (昭細, 昭較: tesseract; 昭租: the second reader)',
  },
  { id: 'era-heisei-glyph', pattern: /平戌/g, replace: '平成', evidence: '平成 read as 平戌' },
  // 成 ends no era but 平成, 令 begins none but 令和: the other glyph misread (生成8年, 令衝9年).
  {
    id: 'era-heisei',
    pattern: /(?:[^\s\d平]|(?<!\p{Script=Han}))成(?=\s*(?:\d{1,2}|元)\s*[年全])/gu,
    replace: '平成',
    evidence: '平 of 平成 misread (生成8年)',
  },
  {
    id: 'era-reiwa',
    pattern: /令[^\s\d和](?=\s*(?:\d{1,2}|元)\s*[年全生第])/g,
    replace: '令和',
    evidence: '和 of 令和 misread (令衝9年)',
  },
  {
    id: 'era-reiwa-glyphs',
    pattern: /[今合台]租(?=\s*(?:\d{1,2}|元)\s*[年全])/g,
    replace: '令和',
    evidence:
      'both glyphs of 令和 misread by the second reader (合租7年7月10日, Ume Mincho phone photo; 台租8年7月15日, degraded fresh tuning)',
  },
  {
    id: 'era-reiwa-alone',
    pattern: /(?<!\p{Script=Han})今(?=\s*(?:\d{1,2}|元)\s*年)/gu,
    replace: '令和',
    evidence: '令和 read as 今 alone by the second reader (今3年4月3日, Sawarabi Mincho phone photo): 和 dropped',
  },
  {
    id: 'year-glyph',
    pattern: /(?<=(?:(?:令和|平成|昭和)\s*\d{1,2}|(?<!\d)(?:19|20)\d{2})\s*)[全生第](?=\s*\d{1,2}\s*月)/g,
    replace: '年',
    evidence: '年 read as 全, 生 or 第 inside a date (2024生7月10日, 昭細37生3月8日: Noto Sans, degraded)',
  },
  // A slash read as 7 (or as /7) in a 西暦 date printed yyyy/mm/dd: 2019/11725, 1988/711/07.
  {
    id: 'slash-as-7',
    pattern: /(?<!\d)((?:19|20)\d{2})\/7?(\d{2})(?:7|\/7?)(\d{2})(?!\d)/g,
    replace: '$1/$2/$3',
    evidence: 'a 西暦 date’s slash read as 7 (2019/11725)',
  },
  {
    id: 'wari-glyph',
    pattern: /(?<![\d.])([123])\s*[制削](?![\p{Script=Han}])/gu,
    replace: '$1割',
    evidence: '割 of a 負担割合 read as 制 or 削 (the same 刂; second reader, 150 dpi phone photos)',
  },
  {
    id: 'ichi-as-choon',
    pattern: /^[ー-]+(?=部負担)/,
    replace: '一',
    evidence: '一 of 一部負担金 read as a long vowel mark',
  },
];

/** The text with every repair applied; the ids of those that changed it go into `fired`. */
export function repairOcr(text: string, fired?: Set<string>): string {
  return OCR_REPAIRS.reduce((t, r) => {
    const out = t.replace(r.pattern, r.replace as string);
    if (out !== t) fired?.add(r.id);
    return out;
  }, text);
}
