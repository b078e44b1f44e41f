import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../src/main/ocr/engine.ts';
import { extractFields, repairLabel, repairOcr, scrubPersonalNumbers } from '../../src/main/ocr/extract-fields.ts';
import { classify } from '../../src/main/ocr/classify.ts';
import { at, lines, word } from './support/ocr-lines.ts';

describe('extractFields', () => {
  it('reads the labelled fields of a 資格確認書, with 和暦 and full-width digits', () => {
    const { fields, warnings } = extractFields(
      lines(
        '国 民 健 康 保 険 資 格 確 認 書',
        '有効期限 令和８年７月３１日',
        '記号 千代12 番号 3456 (枝番) 01',
        '氏名 山田 太郎',
        '生年月日 昭和55年2月17日 性別 男',
        '交付年月日 R7.8.1',
        '保険者番号 ３３１２００１５',
        '保険者名称 警察共済組合',
        '一部負担金の割合 2割',
        '特別療養費',
      ),
    );
    expect(fields).toEqual({
      name: '山田\u3000太郎',
      birthDate: '1980-02-17',
      sex: 'male',
      insurerNumber: '33120015',
      insurerName: '警察共済組合',
      symbol: '千代12',
      number: '3456',
      branch: '01',
      issueDate: '2025-08-01',
      expiry: '2026-07-31',
      burdenRatio: 0.2,
      specialMedicalExpense: true,
    });
    expect(warnings).toEqual([]);
  });

  it('places the family/given separator at the widest glyph gap, even inside one OCR word', () => {
    const glyph = (text: string, x: number) => ({ text, bbox: { x0: x, y0: 10, x1: x + 40, y1: 50 } });
    const line: OcrLine = {
      text: '氏名 山田太郎',
      confidence: 0.9,
      words: [
        {
          text: '氏名',
          confidence: 0.9,
          bbox: { x0: 0, y0: 10, x1: 90, y1: 50 },
          symbols: [glyph('氏', 0), glyph('名', 46)],
        },
        // One word for the whole name; the full-width space shows only as a wider gap (48 px vs 4).
        {
          text: '山田太郎',
          confidence: 0.9,
          bbox: { x0: 200, y0: 10, x1: 420, y1: 50 },
          symbols: [glyph('山', 200), glyph('田', 244), glyph('太', 332), glyph('郎', 376)],
        },
      ],
    };
    expect(extractFields([line]).fields.name).toBe('山田\u3000太郎');
  });

  it('reports a 保険者番号 that fails its check digit, never correcting it', () => {
    const r = extractFields(lines('保険者番号 33120016'));
    expect(r.fields.insurerNumber).toBe('33120016');
    expect(r.confidence.insurerNumber).toBeLessThan(0.5);
    expect(r.warnings).toContainEqual({ code: 'ocr.insurerNumberCheckDigit', params: { number: '33120016' } });
  });

  it('reads a value from the cell below its label (header row over a value row)', () => {
    const r = extractFields([
      at(100, [0, '有効期限'], [600, '交付年月日']),
      at(140, [0, '2022年7月31日'], [600, '2020年8月18日']),
    ]);
    expect(r.fields).toMatchObject({ expiry: '2022-07-31', issueDate: '2020-08-18' });
  });

  it('reads a value from the column to the right (labels and values read as separate blocks)', () => {
    const r = extractFields([
      at(100, [0, '保険者番号']),
      at(160, [0, '生年月日']),
      at(100, [400, '06132294']),
      at(160, [400, '1990年1月2日']),
    ]);
    expect(r.fields).toMatchObject({ insurerNumber: '06132294', birthDate: '1990-01-02' });
  });

  it('reads the combined 記号・番号 (枝番), and a 後期 被保険者番号 as the number, never the insurer', () => {
    expect(extractFields(lines('被保険者等記号・番号 5695・7247503 (00)')).fields).toEqual({
      symbol: '5695',
      number: '7247503',
      branch: '00',
    });
    const kouki = extractFields(lines('被保険者番号 46458758', '保険者番号 39129895'));
    expect(kouki.fields).toMatchObject({ number: '46458758', insurerNumber: '39129895' });
  });

  it('skips the フリガナ row between the 氏名 label and the name', () => {
    expect(
      extractFields([at(100, [0, '氏名']), at(140, [0, 'エンドウ|ユウマ']), at(180, [0, '遠藤'], [120, '悠真'])]).fields
        .name,
    ).toBe('遠藤\u3000悠真');
  });

  it('reads a label with one misread glyph, but never turns 被保険者番号 into 保険者番号', () => {
    expect(repairLabel('有効其限 令和9年3月31日')).toBe('有効期限 令和9年3月31日');
    expect(repairLabel('生年月 昭和42年10月22日')).toBe('生年月日 昭和42年10月22日');
    // A glyph misread in place is replaced, not kept after the label (生年月日目).
    expect(repairLabel('生年月目 昭和42年10月22日')).toBe('生年月日 昭和42年10月22日');
    expect(repairLabel('松保険者番号|34096081')).toBe('松保険者番号|34096081');
    // Short labels and values stay as read.
    expect(repairLabel('括名 藤井 静香')).toBe('括名 藤井 静香');
    expect(repairLabel('2025年7月31日')).toBe('2025年7月31日');
    const r = extractFields(lines('松保険者番号 34096081', '保険者番号 39212923'));
    expect(r.fields).toMatchObject({ insurerNumber: '39212923', number: '34096081' });
  });

  it('asks for a second reading of a number it could not read cleanly, never on a 個人番号 line', () => {
    expect(extractFields([at(100, [0, '番号|2208名休史'])]).reread.number).toBeDefined();
    const r = extractFields([at(100, [0, '番号|1234|5678|9018'])]);
    expect(r.personalNumberSeen).toBe(true);
    expect(r.reread).toEqual({});
    expect(JSON.stringify(r.fields)).not.toMatch(/1234|5678|9018/);
  });

  it('takes an unlabelled 保険者番号 only when one number qualifies, and always with a warning', () => {
    const r = extractFields(lines('作租者番王', '01120013', '記号 4479551 番号 819246'));
    expect(r.fields.insurerNumber).toBe('01120013');
    expect(r.warnings).toContainEqual({ code: 'ocr.insurerNumberWithoutLabel', params: { number: '01120013' } });
    // Two candidates (or one failing its check digit): none is taken.
    expect(extractFields(lines('01120013', '06132294')).fields.insurerNumber).toBeUndefined();
    expect(extractFields(lines('01120014')).fields.insurerNumber).toBeUndefined();
  });

  it('finds an unlabelled 保険者番号 inside a cell too, but never in a date', () => {
    // 法別 30 is no insurer's.
    expect(extractFields(lines('[30448824大分県後期高齢者医療広域連合')).fields.insurerNumber).toBeUndefined();
    expect(extractFields(lines('|39448824大分県後期高齢者医療広域連合')).fields.insurerNumber).toBe('39448824');
    expect(extractFields(lines('交付 20250731')).fields.insurerNumber).toBeUndefined();
  });

  it('gives a date whose label was misread the field of the label it clearly resembles, for confirmation', () => {
    // Two glyphs of 有効期限 misread: too many for the label patterns, still nearest to it.
    const r = extractFields([at(100, [0, '有効其眼|令和8年7月31日']), at(140, [0, '生年月日|昭和28年1月2日'])]);
    expect(r.fields.expiry).toBe('2026-07-31');
    expect(r.confidence.expiry).toBeLessThanOrEqual(0.5);
    expect(r.warnings).toContainEqual({
      code: 'ocr.dateBesideBlurredLabel',
      params: expect.objectContaining({ field: 'expiry', date: '2026-07-31' }),
    });
    // Nearest to 資格取得年月日, which is no field: not taken for 交付年月日 or 生年月日.
    expect(extractFields([at(100, [0, '資格取得年月目|令和8年5月9日'])]).fields).toEqual({});
  });

  it('places dates without any readable label by their order, on the kinds that always print an expiry', () => {
    const doc = [
      at(100, [0, 'HHW角日|令和8年5月9日']),
      at(140, [0, '|科Wi日|昭和28年1月2日']),
      at(180, [0, '人W誠|令和8年7月31日']),
    ];
    const r = extractFields(doc, 'limit_certificate');
    expect(r.fields).toMatchObject({ birthDate: '1953-01-02', expiry: '2026-07-31' });
    // The one date left, alone on its line, for the 交付年月日 (date-alone).
    expect(r.fields.issueDate).toBe('2026-05-09');
    expect(r.warnings).toContainEqual({ code: 'ocr.dateLatest', params: { field: 'expiry', date: '2026-07-31' } });
    // An old 保険証 need not print an expiry: its latest date may be the 交付 date.
    expect(extractFields(doc, 'legacy_insurance_card').fields.expiry).toBeUndefined();
    // No date a year apart from the next: no birth date.
    expect(
      extractFields([at(100, [0, 'HHW|令和8年5月9日']), at(140, [0, 'XX|令和8年1月2日'])], 'limit_certificate').fields
        .birthDate,
    ).toBeUndefined();
  });

  it('drops a birth date that is not before the issue or expiry date', () => {
    const r = extractFields(lines('半年月日 令和8年6月14日', '有効期限 令和8年7月31日', '交付年月日 令和8年6月14日'));
    expect(r.fields.birthDate).toBeUndefined();
    expect(r.fields).toMatchObject({ issueDate: '2026-06-14', expiry: '2026-07-31' });
    expect(r.warnings).toContainEqual({ code: 'ocr.birthDateNotBefore', params: { date: '2026-06-14' } });
    // A newborn: born before the card was issued, kept.
    expect(extractFields(lines('生年月日 令和8年6月1日', '交付年月日 令和8年6月14日')).fields.birthDate).toBe(
      '2026-06-01',
    );
    // After another, unlabelled date (発効期日): dropped as well.
    const late = extractFields(lines('半年月日 令和8年6月14日', '玩和め角日 令和8年6月1日'));
    expect(late.fields.birthDate).toBeUndefined();
    // Dropped before the dates are placed by their order: the earliest date is then the birth date.
    const order = extractFields(
      lines(
        '交付年月日 令和7年2月17日',
        '[Et 昭和60年11月1日',
        '資格取得年月日 平成23年11月20日',
        'に 年月日 令和7年2月17日',
      ),
      'qualification_notice',
    );
    expect(order.fields).toMatchObject({ birthDate: '1985-11-01', issueDate: '2025-02-17' });
    expect(order.confidence.birthDate).toBeLessThan(0.8);
  });

  it('reads a My Number Card front whose small labels were misread', () => {
    const r = extractFields(
      lines('品 田中 清', 'は拓。神家用符用崎市栄町2耳目2番1 1号', '記和31年1月13日生 dl 男', '2028年01月13日まで胡郊'),
      'mynumber_card',
    );
    expect(r.fields).toMatchObject({ name: '田中　清', expiry: '2028-01-13', sex: 'male' });
    expect(r.confidence.name).toBeLessThan(0.8);
    expect(r.warnings).toContainEqual({ code: 'ocr.nameWithoutLabel', params: { name: '田中\u3000清' } });
    // Only on the card, and never the 電子証明書's date or a 「…までに」 deadline.
    expect(extractFields(lines('品 田中 清'), 'qualification_notice').fields.name).toBeUndefined();
    expect(
      extractFields(lines('電子証明書の有効期限 2027年04月22日まで'), 'mynumber_card').fields.expiry,
    ).toBeUndefined();
    // …which is read as the 電子証明書's own expiry, beside the card's.
    const both = extractFields(
      lines('品 田中 清', '記和31年1月13日生 dl 男', '2031年01月13日まで有効', '電子証明書の有効期限 2027年04月22日'),
      'mynumber_card',
    );
    expect(both.fields).toMatchObject({ expiry: '2031-01-13', certificateExpiry: '2027-04-22' });
    expect(
      extractFields(lines('電子証明書の有効期限 2027年04月22日'), 'qualification_notice').fields.certificateExpiry,
    ).toBeUndefined();
    expect(extractFields(lines('令和8年7月31日までに返却してください')).fields.expiry).toBeUndefined();
    // A range: the date right before まで is the end.
    expect(extractFields(lines('令和6年7月1日 から 令和13年3月31日 まで')).fields.expiry).toBe('2031-03-31');
  });

  it('reads sex, ratio, 枝番 and the insurer name when their labels were misread, each only when unambiguous', () => {
    const r = extractFields(
      lines('件別 女', '1割', '記号 川口91 番号 37669040 (槻番) 00', '幕全国健康保険協会東京支部'),
    );
    expect(r.fields).toMatchObject({
      sex: 'female',
      number: '37669040',
      branch: '00',
      insurerName: '全国健康保険協会東京支部',
    });
    expect(r.confidence.sex).toBeLessThan(0.8);
    const two = extractFields(lines('男', '女', '1割', '3割'));
    expect(two.fields.sex).toBeUndefined();
    expect(two.fields.burdenRatio).toBeUndefined();
    // 割 of 割合 misread: known by 負担金の…合.
    expect(extractFields(lines('一衣負揚金の剤合 2人割')).fields.burdenRatio).toBe(0.2);
    expect(extractFields(lines('記号 12 3割')).fields.burdenRatio).toBeUndefined();
    // 枝 misread as 校 (and 番 as 秋), in brackets after the number or on a row of its own.
    expect(extractFields(lines('記号 40 番号 40370934 (校秋) 00')).fields.branch).toBe('00');
    expect(extractFields(lines('被保険者証番号 784422', '校番 01')).fields.branch).toBe('01');
    expect(extractFields(lines('(校番) 01', '(校番) 02')).fields.branch).toBeUndefined();
    // Both labels of the 記号・番号 row misread past knowing: the row's shape places its numbers.
    const row = extractFields(lines('しっ 75572774 番史 921045 (校番) 03'));
    expect(row.fields).toMatchObject({ symbol: '75572774', number: '921045', branch: '03' });
    expect(row.confidence.symbol).toBeLessThan(0.8);
    expect(extractFields(lines('記号 2308 秋生 191962 (検竹) 00')).fields).toMatchObject({
      symbol: '2308',
      number: '191962',
      branch: '00',
    });
    expect(extractFields(lines('保険者名称 全国健康保険協会大分妄部')).fields.insurerName).toBe(
      '全国健康保険協会大分支部',
    );
    expect(extractFields(lines('保険者名称 北海道後期高齢者医療且')).fields.insurerName).toBe(
      '北海道後期高齢者医療広域連合',
    );
    expect(extractFields(lines('保険者名称 山形県後期高齢者医療広城連仙')).fields.insurerName).toBe(
      '山形県後期高齢者医療広域連合',
    );
    // 長男, a name ending in 男: not a sex.
    expect(extractFields(lines('続柄 長男', '氏名 山田 正男')).fields.sex).toBeUndefined();
  });

  it('names a 協会けんぽ or 後期 insurer from its valid number when the name was not read or misread, and flags a clean disagreement', () => {
    const lost = extractFields(lines('保険者番号 01190016', '保鐵る 全国健康促取協会 山内支部'));
    expect(lost.fields.insurerName).toBe('全国健康保険協会山梨支部');
    expect(lost.confidence.insurerName).toBeLessThan(0.8);
    expect(lost.warnings).toContainEqual({
      code: 'ocr.insurerNameDerived',
      params: expect.objectContaining({ name: '全国健康保険協会山梨支部', number: '01190016' }),
    });
    expect(
      extractFields(lines('保険者番号 39448824', '保険者名称 大分県後期導齢者医療広域連合。')).fields.insurerName,
    ).toBe('大分県後期高齢者医療広域連合');
    expect(extractFields(lines('保険者番号 01190016')).fields.insurerName).toBe('全国健康保険協会山梨支部');
    // Read clean but another insurer: kept as read, with a warning; a failing number names nobody.
    const other = extractFields(lines('保険者番号 01190016', '保険者名称 川口市'));
    expect(other.fields.insurerName).toBe('川口市');
    expect(other.warnings).toContainEqual({
      code: 'ocr.insurerNameMismatch',
      params: expect.objectContaining({ read: '川口市', number: '01190016' }),
    });
    expect(extractFields(lines('保険者番号 01190017')).fields.insurerName).toBeUndefined();
    // A 健保組合 number names nobody.
    expect(extractFields(lines('保険者番号 06477756')).fields.insurerName).toBeUndefined();
    // One misread glyph of a 支部's prefecture, when one prefecture alone fits (愛嬢: 愛知 or 愛媛).
    expect(extractFields(lines('保険者名称 全国健康保険協会東泉支部')).fields.insurerName).toBe(
      '全国健康保険協会東京支部',
    );
    expect(extractFields(lines('保険者名称 全国健康保険協会愛嬢支部')).fields.insurerName).toBe(
      '全国健康保険協会愛嬢支部',
    );
  });

  it('asks for a second, categories-only reading when the 適用区分 value was dropped', () => {
    const r = extractFields([at(100, [0, '適用区分'])]);
    expect(r.fields.limitCategory).toBeUndefined();
    expect(r.reread.limitCategory!.x0).toBeGreaterThanOrEqual(120);
    expect(extractFields(lines('適用区分 区分Ⅱ')).fields.limitCategory).toBe('Ⅱ');
    expect(extractFields(lines('適用区分 プア')).fields.limitCategory).toBe('ア');
    expect(extractFields(lines('適用区分 プアイ')).fields.limitCategory).toBeUndefined();
  });

  it('reads a 保険者番号 label spaced out to fill its cell, or with its 番 misread, as one label', () => {
    // 「保険者  番号」 (spaced out): not 保険者 and the person's 番号.
    const spaced = extractFields([at(100, [0, '保険|者'], [160, '番号|06052609'])]);
    expect(spaced.fields.insurerNumber).toBe('06052609');
    expect(spaced.fields.number).toBeUndefined();
    expect(extractFields(lines('保険者箇号 06477756')).fields.insurerNumber).toBe('06477756');
    // 番号 after another label is still the person's number.
    expect(extractFields([at(100, [0, '記号|1234'], [250, '番号|5678'])]).fields.number).toBe('5678');
  });

  it('asks for a second, 男/女-only reading beside and under a 性別 label read without its value', () => {
    const r = extractFields([at(100, [0, '性別'])]);
    expect(r.fields.sex).toBeUndefined();
    const [right, below] = r.reread.sex!;
    expect(right!.x0).toBeGreaterThan(60);
    expect(below!.y0).toBeGreaterThanOrEqual(125);
    expect(extractFields([at(100, [0, '性別|女'])]).reread.sex).toBeUndefined();
  });

  it('repairs a misread era by its year: 令和 has no year 44', () => {
    expect(repairOcr('有効期限 信和7年7月31日')).toBe('有効期限 令和7年7月31日');
    expect(repairOcr('生年月日 照和44年8月7日')).toBe('生年月日 昭和44年8月7日');
    expect(repairOcr('昭和20年1月2日')).toBe('昭和20年1月2日');
  });

  it('repairs 割 read as 制 or 削 after a ratio digit, and nothing else with those glyphs', () => {
    expect(repairOcr('## # 3制')).toBe('## # 3割');
    expect(repairOcr('一部負担金の割合 2削')).toBe('一部負担金の割合 2割');
    expect(repairOcr('1制度')).toBe('1制度');
    expect(repairOcr('12制')).toBe('12制');
  });

  it('repairs the other glyph of 平成 or 令和, 年 read as 全, and a 西暦 slash read as 7', () => {
    expect(repairOcr('生成8年10月23日 ギ成9年 成3年2月1日')).toBe('平成8年10月23日 平成9年 平成3年2月1日');
    expect(repairOcr('令衝9年3月31日 令知8全4月1日')).toBe('令和9年3月31日 令和8年4月1日');
    expect(repairOcr('2019/11725 1988/711/07 2021/07731 2020/10/28')).toBe(
      '2019/11/25 1988/11/07 2021/07/31 2020/10/28',
    );
    // Not a date: 作成 before a count, an insurer number full of 7s, a month without its zero.
    expect(repairOcr('作成日 3通')).toBe('作成日 3通');
    expect(repairOcr('記号 2017712702 2017/7/12')).toBe('記号 2017712702 2017/7/12');
  });

  it('takes a name after a two-glyph label whose 氏 was misread, at the start of a cell only', () => {
    expect(extractFields([at(100, [0, '護|名'], [300, '山口|昭'])]).fields.name).toBe('山口\u3000昭');
    expect(extractFields(lines('保険者名称 船橋市')).fields.name).toBeUndefined();
  });

  it('never takes a misread 受給者番号 (受給者名号) for the 受給者名 label', () => {
    const r = extractFields(
      [at(100, [0, '受給者名号'], [230, '1955574']), at(140, [0, '兵|名'], [200, '伊藤|和夫'])],
      'public_subsidy_certificate',
    );
    expect(r.fields.name).toBe('伊藤\u3000和夫');
  });

  it('takes a cell border read as a flat glyph beside the label for no name, and reads the cell right of it', () => {
    // 「氏名 1 語8 阿部 和夫」: 語 and 8 are 3 px high, the rule between the label and the name.
    const line: OcrLine = {
      text: '氏名 1 語8 阿部 和夫',
      confidence: 0.7,
      words: [
        word('氏名', 65, 128, 124, 158),
        word('1', 122, 132, 125, 158),
        word('語', 144, 143, 173, 146),
        word('8', 178, 143, 185, 146),
        word('阿部', 1354, 125, 1440, 167),
        word('和夫', 1461, 125, 1540, 167),
      ],
    };
    expect(extractFields([line]).fields.name).toBe('阿部\u3000和夫');
    // A glyph flat by its shape is the name's own: the 一 of 健一, 4 px high.
    const kenichi: OcrLine = {
      text: '氏名 池田 健一',
      confidence: 0.9,
      words: [
        word('氏名', 0, 100, 60, 130),
        word('池田', 200, 100, 260, 130),
        {
          ...word('健一', 290, 100, 350, 130),
          symbols: [word('健', 290, 100, 320, 130), word('一', 322, 113, 350, 117)],
        },
      ],
    };
    expect(extractFields([kenichi]).fields.name).toBe('池田\u3000健一');
  });

  it('omits fields that are not on the document', () => {
    const r = extractFields(lines('資格情報のお知らせ', '氏名 佐藤 花子'));
    expect(Object.keys(r.fields)).toEqual(['name']);
  });

  it('never extracts a 個人番号 or the マイナンバー下4桁', () => {
    const r = extractFields(
      lines('マイナンバー（下4桁）＊＊＊＊1234', '個人番号 1234 5678 9018', '番号 1234-5678-9018', '氏名 山田 太郎'),
    );
    expect(JSON.stringify(r.fields)).not.toMatch(/1234|5678|9018/);
    expect(r.personalNumberSeen).toBe(true);
    expect(scrubPersonalNumbers('123456789018').text).toBe('〔削除〕');
    // The notice's 下4桁 line must not turn into a 番号 field either.
    expect(extractFields(lines('マイナンバー（下4桁）＊＊＊＊1234')).fields).toEqual({});
    // An 8-digit insurer number is not a 個人番号.
    expect(scrubPersonalNumbers('保険者番号 01040013').seen).toBe(false);
  });
});

describe('classify', () => {
  it.each([
    ['資格情報のお知らせ\n氏名 山田 太郎', 'qualification_notice'],
    ['資 格 確 認 書', 'qualification_certificate'],
    ['健康保険 被保険者証', 'legacy_insurance_card'],
    ['高齢受給者証', 'elderly_recipient_certificate'],
    ['限度額適用認定証', 'limit_certificate'],
    ['特定疾病療養受療証', 'specific_disease_certificate'],
    ['小児慢性特定疾病医療受給者証 公費負担者番号', 'public_subsidy_certificate'],
    ['子ども医療費受給者証 公費負担者番号', 'public_subsidy_certificate'],
    ['マイナポータル 医療保険の資格情報', 'portal_screen'],
    ['個人番号カード', 'mynumber_card'],
    ['個人番号 ＊＊＊＊ ＊＊＊＊\n氏名 山田 太郎\n生年月日 昭和50年1月2日', 'mynumber_card'], // the card's back
    ['資格確詔書', 'qualification_certificate'], // one misread glyph
    ['健康保険 資格確\n器\n受診する際は', 'qualification_certificate'], // the title's end lost
    ['領収書 合計 1,200円', 'unknown'],
  ])('%s → %s', (text, kind) => expect(classify(text).kind).toBe(kind));
});

/** Readings of documents written apart from the project's templates (their misreads as tesseract gave them). */
describe('layouts and wordings of the independently written corpus', () => {
  it('reads 記号 and 番号 joined by a hyphen, and the 記号 under a 「記号番号」 heading without its own label', () => {
    const joined = extractFields(lines('被保険者記号・番号:  76 -  56580116  (03)'), 'limit_certificate');
    expect(joined.fields).toMatchObject({ symbol: '76', number: '56580116', branch: '03' });
    const below = extractFields(lines('記号番号', '記号 1914 番号37688 枝番 02'), 'qualification_certificate');
    expect(below.fields).toMatchObject({ symbol: '1914', number: '37688', branch: '02' });
  });

  it('reads a number printed one digit a box, the boxes’ sides read between its digits', () => {
    const x = extractFields(lines('被保険者番号：|8丨8|4|4|2|2|2丨9|'), 'qualification_certificate');
    expect(x.fields.number).toBe('88442229');
  });

  it('ends a date’s value at a 発行年月日 printed after it on the same line', () => {
    const x = extractFields(
      lines('有効期限  2024年 7月31日  発行年月日  2023年 9月 5日'),
      'specific_disease_certificate',
    );
    expect(x.fields).toMatchObject({ expiry: '2024-07-31', issueDate: '2023-09-05' });
  });

  it('reads 和暦 dates with the era’s first kanji (昭23.11.28)', () => {
    const x = extractFields(lines('生年月日  昭23.11.28', '発行日  令8.9.7'), 'qualification_certificate');
    expect(x.fields).toMatchObject({ birthDate: '1948-11-28', issueDate: '2026-09-07' });
  });

  it('never takes the カナ reading for the name: 「カナ氏名」, or ふりがな in hiragana above the name', () => {
    const notice = extractFields(lines('カナ氏名  つるみ あおい', '氏名  鶴見 碧'), 'qualification_notice');
    expect(notice.fields.name).toBe('鶴見\u3000碧');
    const card = extractFields(lines('氏名  つるみ あおい', '鶴見 碧'), 'qualification_certificate');
    expect(card.fields.name).toBe('鶴見\u3000碧');
  });

  it('takes a notice’s 被保険者氏名 for the name when it prints no 氏名 of its own (a card’s names another person)', () => {
    const x = extractFields(lines('カナ氏名  つるみ あおい', '被保険者氏名  鶴見 碧'), 'qualification_notice');
    expect(x.fields.name).toBe('鶴見\u3000碧');
    expect(x.via.name).toEqual(['insured-name-label']);
    expect(extractFields(lines('被保険者氏名  鶴見 碧'), 'legacy_insurance_card').fields.name).toBeUndefined();
  });

  it('tells a card front titled マイナンバーカード, not a notice that names the card in a sentence', () => {
    expect(classify('マイナンバーカード\n氏名\n前田 登美子\n2034年 5月10日まで有効').kind).toBe('mynumber_card');
    expect(classify('マイナンバーカードと一緒に提示してください\n記号 12 番号 34').kind).not.toBe('mynumber_card');
  });

  it('reads an insurer’s name that starts in hiragana by its shape', () => {
    const x = extractFields(lines('あおば食品健康保険組合'), 'legacy_insurance_card');
    expect(x.fields.insurerName).toBe('あおば食品健康保険組合');
  });

  it('leaves a seal or a ruled line read beside an insurer’s name out of it', () => {
    const name = (line: string) => extractFields(lines(line), 'qualification_certificate').fields.insurerName;
    expect(name('保険者名称 | 鹿児島県後期高齢者医療広域連合  印合')).toBe('鹿児島県後期高齢者医療広域連合');
    expect(name('保険者名称 警察共済組合茨城県支部区半')).toBe('警察共済組合茨城県支部');
    expect(name('保険者名  i 京都府歯科医師国民健康保険組合')).toBe('京都府歯科医師国民健康保険組合');
  });
});
