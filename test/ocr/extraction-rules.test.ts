import { describe, expect, it } from 'vitest';
import {
  categoryForAge,
  categoryReadAgain,
  extractFields,
  OCR_REPAIRS,
  repairOcr,
} from '../../src/main/ocr/extract-fields.ts';
import { at, lines, word } from './support/ocr-lines.ts';

describe('repairs and fallbacks, as data the bench can count', () => {
  it('every repair has its own id and its evidence', () => {
    expect(new Set(OCR_REPAIRS.map((r) => r.id)).size).toBe(OCR_REPAIRS.length);
    for (const r of OCR_REPAIRS) expect(r.evidence.length, r.id).toBeGreaterThan(5);
  });

  it('says which repairs changed a text', () => {
    const fired = new Set<string>();
    expect(repairOcr('令衝9年7月31目', fired)).toBe('令和9年7月31日');
    expect([...fired].sort()).toEqual(['day-after-digit', 'era-reiwa']);
    const none = new Set<string>();
    expect(repairOcr('令和9年7月31日', none)).toBe('令和9年7月31日');
    expect(none.size).toBe(0);
  });

  it('records how each field was found: beside its label, by a fallback, with the repairs its text needed', () => {
    const r = extractFields(
      lines('氏名 山田 太郎', '生年月日 昭和50年1月2目', '記号・番号 5695・7247503 (00)', '01130012'),
    );
    expect(r.via.name).toEqual(['label']);
    expect(r.via.birthDate).toEqual(['label', 'repair:day-after-digit']);
    expect(r.via.symbol).toEqual(['combined-id']);
    expect(r.via.insurerNumber).toEqual(['insurer-unlabelled']);
  });
});

describe('labels and dates misread on degraded captures (tuning corpus)', () => {
  it('reads 令和 with both glyphs misread by the second reader', () => {
    const fired = new Set<string>();
    expect(repairOcr('交付年月日 合租7年7月10日', fired)).toBe('交付年月日 令和7年7月10日');
    expect(fired).toContain('era-reiwa-glyphs');
    expect(extractFields(lines('交付年月日 合租7年7月10日')).fields.issueDate).toBe('2025-07-10');
    // Only before a year: 租 elsewhere is left alone.
    expect(repairOcr('合租の契約')).toBe('合租の契約');
    expect(repairOcr('交付年月日 台租8年7月15日')).toBe('交付年月日 令和8年7月15日');
  });

  it('reads 令和 read as 今 alone, and 日 read as 昌 after a digit', () => {
    const fired = new Set<string>();
    expect(repairOcr('今3年4月3日', fired)).toBe('令和3年4月3日');
    expect(repairOcr('令和4年7月31昌', fired)).toBe('令和4年7月31日');
    expect([...fired].sort()).toEqual(['day-after-digit', 'era-reiwa-alone']);
    // 今 inside a word is left alone.
    expect(repairOcr('昨今3年')).toBe('昨今3年');
  });

  it('reads 昭和 and 令和 with a glyph misread or lost, and 年 read as 生 or 第', () => {
    const cases: [string, string, string[]][] = [
      ['年月日: 和25年1月11日', '年月日: 昭和25年1月11日', ['era-wa-alone']],
      ['和5年4月13日', '令和5年4月13日', ['era-wa-alone']],
      ['昭較28年7月17日', '昭和28年7月17日', ['era-showa']],
      ['生年月日 昭細37生3月8日', '生年月日 昭和37年3月8日', ['era-showa', 'year-glyph']],
      ['2024生7月10日', '2024年7月10日', ['year-glyph']],
    ];
    for (const [read, repaired, ids] of cases) {
      const fired = new Set<string>();
      expect(repairOcr(read, fired), read).toBe(repaired);
      expect([...fired].sort(), read).toEqual(ids);
    }
    // A whole era, and 生 after a day: left alone.
    expect(repairOcr('昭和25年1月11日')).toBe('昭和25年1月11日');
    expect(repairOcr('1980年2月17日生')).toBe('1980年2月17日生');
  });

  it('takes no latest date for the 有効期限 while a date-shaped run did not parse', () => {
    const read = ['一部負担金の割合 2割', '発効期日 2024年8月1日 有効期限 20265年2月1', '交付 2024年7月10日'];
    expect(extractFields(lines(...read), 'elderly_recipient_certificate').fields.expiry).toBeUndefined();
    read[1] = '発効期日 2024年8月1日 有効 2026年2月1日';
    expect(extractFields(lines(...read), 'elderly_recipient_certificate').fields.expiry).toBe('2026-02-01');
  });

  it('reads the 保険者名称 with 称 read as 弥, without taking 弥 into the name', () => {
    const r = extractFields(lines('保険者午号 981892 保険者名弥 水戸市'));
    expect(r.fields.insurerName).toBe('水戸市');
  });

  it('reads the 電子証明書の有効期限 with its label misread by either reader', () => {
    for (const read of ['電子証書の有効曲喉 2020年04月23日', '重子征明省の有幼群限2020年04月23日'])
      expect(
        extractFields(lines('1938年4月23日生 性別 女', read), 'mynumber_card').fields.certificateExpiry,
        read,
      ).toBe('2020-04-23');
  });

  it('takes a bold katakana category read twice over in its crop as one', () => {
    expect(categoryReadAgain('エエ')).toBe('エ');
    expect(categoryReadAgain('|ウ')).toBe('ウ');
    expect(categoryReadAgain('区分 II')).toBe('Ⅱ');
    expect(categoryReadAgain('I')).toBe('Ⅰ');
    // Two different categories: nothing certain.
    expect(categoryReadAgain('アエ')).toBeUndefined();
    expect(categoryReadAgain('エエエ')).toBeUndefined();
  });
});

describe('misreads found on a fresh tuning set (clean seed 3002)', () => {
  it('reads 昭 read as another glyph built on 召 as 昭和, whatever the year (not 令和17 = 2035)', () => {
    const fired = new Set<string>();
    expect(repairOcr('生年月日 邵和17年4月7日', fired)).toBe('生年月日 昭和17年4月7日');
    expect(repairOcr('紹和32年9月3日')).toBe('昭和32年9月3日');
    expect([...fired]).toEqual(['era-showa-glyph']);
    expect(extractFields(lines('生年月日 邵和17年4月7日 性別 女')).fields.birthDate).toBe('1942-04-07');
  });

  it('takes a 西暦 year only as 19xx or 20xx, and no range’s start for its unread end', () => {
    const read = (validity: string) =>
      extractFields(lines('受給者番号 2140952', '氏名 木村 千尋', validity), 'public_subsidy_certificate');
    // The label gives nothing; a fallback's guess is for staff to confirm, never taken as read.
    const unread = read('有効期間 2024/08/01 から 29041/03/31 まで');
    expect(unread.via.expiry ?? []).not.toContain('label');
    expect(unread.confidence.expiry ?? 0).toBeLessThanOrEqual(0.5);
    expect(read('有効期間 2024/08/01 から 2041/03/31 まで').fields.expiry).toBe('2041-03-31');
    // The second reader drops から and まで; the value's spaces are gone: the dates still part.
    expect(read('有劾期間  2024/08/01 2041/03/31').fields.expiry).toBe('2041-03-31');
  });

  it('reads the 被保険者番号 with 険 dropped by the second reader, never a 保険者番号 after another kanji', () => {
    expect(extractFields(lines('被保者番号 54438551')).fields.number).toBe('54438551');
    expect(extractFields(lines('保険者番号 39271705')).fields.number).toBeUndefined();
  });

  it('takes the name under the フリガナ row a card’s 名 label stands over', () => {
    const r = extractFields(
      [
        at(0, [0, '記号|49794030'], [300, '番号|353906']),
        at(50, [0, '名'], [300, '生年月日']),
        at(100, [0, 'ナカムラ|タクヤ'], [300, '1981年8月31日|性別|男']),
        at(150, [0, '中村|拓也']),
      ],
      'legacy_insurance_card',
    );
    expect(r.fields.name).toBe('中村\u3000拓也');
  });

  it('takes the name beside a small 氏名 whose glyph boxes the model made too tall', () => {
    // x0, x1, y0, y1 as the model gave them.
    const glyph = (text: string, x0: number, x1: number, y0: number, y1: number) => word(text, x0, y0, x1, y1);
    // As read on a clean 資格情報通知書: 装 and 太 boxed 60 px high, the value's middle 11 px under the label's.
    const words = [
      { ...glyph('氏名', 49, 89, 760, 781), symbols: [glyph('氏', 49, 69, 761, 780), glyph('名', 71, 89, 760, 781)] },
      {
        ...glyph('斉藤', 300, 429, 756, 794),
        symbols: [glyph('斉', 300, 327, 756, 794), glyph('藤', 329, 429, 756, 794)],
      },
      { ...glyph('装', 386, 409, 752, 812), symbols: [glyph('装', 386, 409, 752, 812)] },
      { ...glyph('太', 409, 432, 752, 812), symbols: [glyph('太', 409, 432, 752, 812)] },
    ];
    const line = { text: '氏名  斉藤 装太', confidence: 0.9, words };
    expect(extractFields([line], 'qualification_notice').fields.name).toBe('斉藤装太');
  });

  it('leaves a 枝番 read as a lookalike of 00 (66, 90) for staff to confirm', () => {
    const read = (row: string) => extractFields(lines(row, '氏名 前田 美咲'), 'limit_certificate');
    expect(read('記号 55789145 番号 558174 (枝番) 90').confidence.branch).toBeLessThanOrEqual(0.5);
    expect(read('記号 55789145 番号 558174 (枝番) 66').confidence.branch).toBeLessThanOrEqual(0.5);
    expect(read('記号 55789145 番号 558174 (枝番) 00').confidence.branch).toBeGreaterThan(0.8);
    expect(read('記号 55789145 番号 558174 (枝番) 01').confidence.branch).toBeGreaterThan(0.8);
  });

  it('tells the second reader where a date beside its label is no date as read (2626年)', () => {
    const r = extractFields(
      [at(0, [0, '発行日|2626年2月26日']), at(50, [0, '生年月日|1942年1月52日']), at(100, [0, '氏名|斎藤|誠'])],
      'qualification_notice',
    );
    expect(r.fields.issueDate).toBeUndefined();
    expect(r.fields.birthDate).toBeUndefined();
    expect(r.boxes.issueDate).toMatchObject({ y0: 0 });
    expect(r.boxes.birthDate).toMatchObject({ y0: 50 });
  });
});

describe('misreads found on fresh tuning sets (clean seeds 3002, 3004, 3005)', () => {
  const category = (limitCategory: string, birthDate: string, issueDate = '2025-01-04') => {
    const x = {
      fields: { limitCategory, birthDate, issueDate },
      confidence: { limitCategory: 0.9 },
      via: { limitCategory: ['label'] },
    };
    categoryForAge(x);
    return { value: x.fields.limitCategory, confidence: x.confidence.limitCategory, via: x.via.limitCategory };
  };

  it('reads a serif 区分Ⅰ read エ as Ⅰ for a patient of 70 or over, for confirmation', () => {
    expect(category('エ', '1938-06-30')).toEqual({
      value: 'Ⅰ',
      confidence: 0.6,
      via: ['label', 'category-age-roman-one'],
    });
    // Under 70 an エ is an エ; 70 counts from the month after the 70th birthday.
    expect(category('エ', '2001-04-26')).toEqual({ value: 'エ', confidence: 0.9, via: ['label'] });
    expect(category('エ', '1955-01-02', '2025-01-04').value).toBe('エ');
    expect(category('エ', '1954-12-02', '2025-01-04').value).toBe('Ⅰ');
  });

  it('sends a Ⅰ or Ⅱ read for a patient under 70 to staff', () => {
    expect(category('Ⅱ', '1985-06-28')).toEqual({
      value: 'Ⅱ',
      confidence: 0.6,
      via: ['label', 'category-age-under-70'],
    });
    expect(category('Ⅱ', '1942-04-07').confidence).toBe(0.9);
  });

  it('reads the second reader’s 工 after 区分 as エ, unsure (its dictionary has no エ)', () => {
    const r = extractFields(lines('適用区分 工'), 'limit_certificate');
    expect(r.fields.limitCategory).toBe('エ');
    expect(r.confidence.limitCategory).toBeLessThanOrEqual(0.6);
    expect(extractFields(lines('適用区分 工事'), 'limit_certificate').fields.limitCategory).toBeUndefined();
  });

  it('reads 効 read 劾 or 勁 before 期 as 効, so 有効期限 is a label again', () => {
    const fired = new Set<string>();
    expect(repairOcr('発劾期日令和6年9月30日 有勁期限令和8年7月31日', fired)).toBe(
      '発効期日令和6年9月30日 有効期限令和8年7月31日',
    );
    expect([...fired]).toEqual(['kou-glyph']);
    expect(extractFields(lines('有劾期限 令和7年9月30日')).fields.expiry).toBe('2025-09-30');
  });

  it('tells the second reader where an 有効期限 beside its label is no date as read', () => {
    const r = extractFields([at(0, [0, '有効期限|叙和8年7月231日'])], 'specific_disease_certificate');
    expect(r.fields.expiry).toBeUndefined();
    expect(r.boxes.expiry).toMatchObject({ y0: 0 });
  });

  it('reads a lone stroke after 区分 as Ⅰ, unsure', () => {
    for (const row of ['限度区分 区分 |', '限度区分 区分！']) {
      const r = extractFields(lines(row), 'qualification_certificate');
      expect(r.fields.limitCategory, row).toBe('Ⅰ');
      expect(r.confidence.limitCategory, row).toBeLessThanOrEqual(0.6);
    }
  });
});

describe('misreads found on fresh degraded tuning sets (seeds 3001, 3006)', () => {
  it('tells a blurred date label by what precedes its 年月日: 「付 月日」 is 交付年月日, 「ま生月日」 生年月日', () => {
    const r = extractFields([at(100, [0, '付 月日|令和8年7月15日']), at(140, [0, 'ま生月日|昭和28年11月23日'])]);
    expect(r.fields).toMatchObject({ issueDate: '2026-07-15', birthDate: '1953-11-23' });
    expect(r.via.issueDate).toEqual(['date-label-guess']);
    expect(r.confidence.issueDate).toBeLessThan(0.8);
  });

  it('leaves the end of a misread 保険者名称 label out of the insurer’s name', () => {
    expect(extractFields(lines('誤者名称大和化学健康保険組合')).fields.insurerName).toBe('大和化学健康保険組合');
    expect(extractFields(lines('各三角名具日本食品工業健康保険組合')).fields.insurerName).toBe(
      '日本食品工業健康保険組合',
    );
    expect(extractFields(lines('大和化学健康保険組合')).fields.insurerName).toBe('大和化学健康保険組合');
  });

  it('reads 昭 and 和 both misread (紹租, the second reader) as 昭和', () => {
    expect(repairOcr('生年月日紹租28年11月23日')).toBe('生年月日昭和28年11月23日');
  });

  it('takes the one date alone on a line, whose label no reading made out, for the 交付年月日, for confirmation', () => {
    const doc = (...more: string[]) =>
      lines('生年月日 昭和29年4月7日', '令和8年8月1日 令和9年7月31日', '有効期限 令和9年7月31日', ...more);
    const r = extractFields(doc('令和8年7月12日'), 'elderly_recipient_certificate');
    expect(r.fields.issueDate).toBe('2026-07-12');
    expect(r.confidence.issueDate).toBeLessThan(0.8);
    expect(r.warnings).toContainEqual({ code: 'ocr.dateAlone', params: { field: 'issueDate', date: '2026-07-12' } });
    // Two such dates, a period's, one beside a label it resembles, or a kind that prints no 交付: none.
    expect(extractFields(doc('令和8年7月12日', '令和8年6月1日'), 'limit_certificate').fields.issueDate).toBeUndefined();
    expect(extractFields(doc('令和8年7月12日から'), 'limit_certificate').fields.issueDate).toBeUndefined();
    expect(extractFields(doc('資格取得年日 令和8年7月12日'), 'limit_certificate').fields.issueDate).toBeUndefined();
    expect(extractFields(doc('令和8年7月12日'), 'specific_disease_certificate').fields.issueDate).toBeUndefined();
  });
});
