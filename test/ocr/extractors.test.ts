import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../src/main/ocr/engine.ts';
import { EXTRACTION, extractFields, type ExtractedFields } from '../../src/main/ocr/extract-fields.ts';
import type { Extractor } from '../../src/main/ocr/extract/extractor.ts';
import type { DocumentKind } from '../../src/shared/rules/vocabulary.ts';
import { at, lines } from './support/ocr-lines.ts';

const extractors = EXTRACTION.filter((s): s is Extractor => typeof s !== 'function');
const rules = extractors.flatMap((ex) => [...(ex.forms ?? []), ...(ex.fallbacks ?? [])]);

/**
 * One reading per form and fallback, as the model misread a real capture: the rule must place the
 * field with this value and say so in `via`, so each case fails when its rule is removed.
 */
const CASES: {
  rule: string;
  read: OcrLine[];
  kind?: DocumentKind;
  field: keyof ExtractedFields;
  value: unknown;
  cap?: number;
}[] = [
  { rule: 'name-shape', read: lines('品 石川 和夫'), kind: 'mynumber_card', field: 'name', value: '石川\u3000和夫' },
  { rule: 'born-suffix', read: lines('昭和31年1月13日生 男'), field: 'birthDate', value: '1956-01-13' },
  { rule: 'sex-alone', read: lines('件別 女'), field: 'sex', value: 'female', cap: 0.6 },
  // The second reader drops 別 of 性別 on a 150 dpi phone photo.
  { rule: 'sex-alone', read: lines('1950年2月12日 性 男'), field: 'sex', value: 'male', cap: 0.6 },
  // Tinted label cells read as 「## #」 by the second reader; 割 as 制.
  {
    rule: 'ratio-alone',
    read: lines('## # 3制'),
    kind: 'elderly_recipient_certificate',
    field: 'burdenRatio',
    value: 0.3,
    cap: 0.6,
  },
  // The label's last glyph run into the value (剖 for 割合), and a stray 人 before 割 (tesseract, degraded).
  {
    rule: 'ratio-alone',
    read: lines('一急負程健の剖 2割'),
    kind: 'elderly_recipient_certificate',
    field: 'burdenRatio',
    value: 0.2,
    cap: 0.6,
  },
  {
    rule: 'ratio-alone',
    read: lines('公則をの放々 2人割'),
    kind: 'elderly_recipient_certificate',
    field: 'burdenRatio',
    value: 0.2,
    cap: 0.6,
  },
  {
    rule: 'insurer-name-shape',
    read: lines('保鐵る 全国健康保険協会山梨支部'),
    field: 'insurerName',
    value: '全国健康保険協会山梨支部',
    cap: 0.6,
  },
  // Its label misread, and 険 of 健康保険組合 too (TakaoPGothic, degraded).
  {
    rule: 'insurer-name-shape',
    read: lines('保際者間呈 06182414。 gmる4gm 日本食品工業健康保陸組合'),
    field: 'insurerName',
    value: '日本食品工業健康保険組合',
    cap: 0.6,
  },
  { rule: 'combined-id', read: lines('記号・番号 5695・7247503 (00)'), field: 'number', value: '7247503' },
  {
    rule: 'combined-id-labelled',
    read: lines('被保険者等記号・番号 54699・3831702 (900)'),
    field: 'number',
    value: '3831702',
    cap: 0.7,
  },
  { rule: 'id-row-shape', read: lines('しっ 75572774 番史 921045 (校番) 03'), field: 'number', value: '921045' },
  {
    rule: 'branch-misread-label',
    read: lines('記号 川口91 番号 37669040 (槻番) 00'),
    field: 'branch',
    value: '00',
    cap: 0.6,
  },
  { rule: 'insurer-unlabelled', read: lines('作租者番王', '01120013'), field: 'insurerNumber', value: '01120013' },
  { rule: 'until-suffix', read: lines('2031年01月13日まで有効'), field: 'expiry', value: '2031-01-13' },
  {
    rule: 'date-label-guess',
    read: [at(100, [0, '有効其眼|令和8年7月31日']), at(140, [0, '生年月日|昭和28年1月2日'])],
    field: 'expiry',
    value: '2026-07-31',
    cap: 0.5,
  },
  {
    rule: 'date-earliest',
    read: [at(100, [0, 'HHW角日|令和8年5月9日']), at(140, [0, '|科Wi日|昭和28年1月2日'])],
    field: 'birthDate',
    value: '1953-01-02',
    cap: 0.5,
  },
  {
    rule: 'date-latest',
    read: [at(100, [0, 'HHW|令和8年5月9日']), at(140, [0, 'XX|令和9年1月2日'])],
    kind: 'limit_certificate',
    field: 'expiry',
    value: '2027-01-02',
    cap: 0.5,
  },
  {
    rule: 'date-above-id-row',
    read: [at(40, [0, '。|2019/11/25']), at(100, [0, '記号|96171657|番号|213806|枝番|00']), at(160, [0, '1952/01/01'])],
    kind: 'legacy_insurance_card',
    field: 'issueDate',
    value: '2019-11-25',
    cap: 0.5,
  },
  {
    rule: 'date-alone',
    read: lines('生年月日 昭和29年4月7日', '有効期限 令和9年7月31日', '令和8年7月12日'),
    kind: 'elderly_recipient_certificate',
    field: 'issueDate',
    value: '2026-07-12',
    cap: 0.5,
  },
  // The second reader's reading of a phone photo of a card's front.
  {
    rule: 'card-labelled-date',
    read: lines('1988年8月20日生性別 女', '2031年08月20日 飞有幼', '家子証司青0有场期期2026年08月20日'),
    kind: 'mynumber_card',
    field: 'certificateExpiry',
    value: '2026-08-20',
    cap: 0.6,
  },
  { rule: 'category-alone', read: lines('所待の区分', '区分Ⅱ'), field: 'limitCategory', value: 'Ⅱ' },
  { rule: 'label', read: lines('特別療養費'), field: 'specialMedicalExpense', value: true },
];

describe('extractors as data', () => {
  it('every form and fallback has an id, its evidence and a confidence cap', () => {
    for (const r of rules) {
      expect(r.id, r.id).toMatch(/^[a-z-]+$/);
      expect(r.evidence.length, r.id).toBeGreaterThan(10);
      expect(r.confidenceCap, r.id).toBeGreaterThan(0);
      expect(r.confidenceCap, r.id).toBeLessThanOrEqual(1);
    }
  });

  it('every form and fallback has a case below', () => {
    expect(new Set(rules.map((r) => r.id))).toEqual(new Set(CASES.map((c) => c.rule)));
  });

  it.each(CASES)('$rule places $field', ({ rule, read, kind, field, value, cap }) => {
    const r = extractFields(read, kind);
    expect(r.fields[field]).toEqual(value);
    expect(r.via[field]?.[0]).toBe(rule);
    if (cap !== undefined) expect(r.confidence[field]).toBeLessThanOrEqual(cap);
  });

  it('takes a date above the 記号・番号 row for the 交付 only on an old 保険証, and only when every date there was read', () => {
    const id = at(100, [0, '記号|388|番号|30351666|(枝番)|00']);
    // A 国保 card's 有効期限 beside it is later.
    const kokuho = extractFields([at(40, [0, '令和4年7月31日|令和3年4月3日']), id], 'legacy_insurance_card');
    expect(kokuho.fields.issueDate).toBe('2021-04-03');
    // The 交付 beside it did not parse: the one that did may be the 有効期限.
    const half = extractFields([at(40, [0, '令和4年7月31日|令和3年4月31']), id], 'legacy_insurance_card');
    expect(half.fields.issueDate).toBeUndefined();
    const other = extractFields([at(40, [0, '。|2019/11/25']), id], 'elderly_recipient_certificate');
    expect(other.fields.issueDate).toBeUndefined();
  });

  it('takes no card date for the 電子証明書’s but the one after a label with nothing behind it, and only on the card', () => {
    // Two such dates: nothing certain.
    const two = lines('1988年8月20日生', '飞有幼 2031年08月20日', '家子証司青0有场期期2026年08月20日');
    expect(extractFields(two, 'mynumber_card').fields.certificateExpiry).toBeUndefined();
    const notice = lines('家子証司青0有场期期2026年08月20日');
    expect(extractFields(notice, 'qualification_notice').fields.certificateExpiry).toBeUndefined();
  });

  it('a fallback is tried only when no label gave the field', () => {
    const r = extractFields(lines('性別 男', '女'));
    expect(r.fields.sex).toBe('male');
    expect(r.via.sex).toEqual(['label']);
  });

  it('a 公費負担者番号 is the payer only on a 公費 受給者証 (or a paper of unknown kind), never an insurer elsewhere', () => {
    // Printed before the 保険者番号, as a 備考 row of a 資格確認書 may.
    const read = lines('公費負担者番号 54136015', '保険者番号 06132013');
    expect(extractFields(read, 'qualification_certificate').fields.insurerNumber).toBe('06132013');
    expect(extractFields(lines('公費負担者番号 54136015'), 'elderly_recipient_certificate').fields.insurerNumber).toBe(
      undefined,
    );
    expect(extractFields(lines('公費負担者番号 54136015'), 'public_subsidy_certificate').fields.insurerNumber).toBe(
      '54136015',
    );
    expect(extractFields(lines('公費負担者番号 54136015')).fields.insurerNumber).toBe('54136015');
  });

  it('the value on the label’s own line, though skewed toward the next row, and never the 保護者', () => {
    // A degraded 乳幼児医療費受給者証 photographed askew: 氏名 read 兵名, 保護者 read 保証者, and the
    // value of the row below sits as near the 兵名 cell's middle as the name does.
    const word = (text: string, x0: number, y0: number, x1: number, y1: number) => ({
      text,
      confidence: 0.8,
      bbox: { x0, y0, x1, y1 },
    });
    const row = (...words: ReturnType<typeof word>[]): OcrLine => ({
      text: words.map((w) => w.text).join(' '),
      confidence: 0.8,
      words,
    });
    const read = [
      row(word('兵名', 3, 196, 83, 261), word('松本', 1361, 192, 1460, 243), word('さくら', 1480, 192, 1602, 243)),
      row(word('生年月日', 4, 214, 187, 311), word('平成27年9月15日', 1244, 217, 1604, 297)),
      row(word('保証者氏名', 4, 290, 199, 326), word('松本', 1373, 285, 1470, 340), word('桜子', 1490, 285, 1602, 340)),
    ];
    expect(extractFields(read, 'public_subsidy_certificate').fields.name).toBe('松本\u3000さくら');
  });

  it('never the 被保険者 named on a family member’s card, its label read without 険', () => {
    for (const label of ['被保 者氏名', '被保者氏名', '被保険者氏名'])
      expect(extractFields(lines(`${label} 福田 惠子`), 'legacy_insurance_card').fields.name, label).toBeUndefined();
    expect(extractFields(lines('氏名 福田 大和'), 'legacy_insurance_card').fields.name).toBe('福田\u3000大和');
  });

  it('a 保険者番号 failing its check is kept as read, capped and flagged', () => {
    const r = extractFields(lines('保険者番号 33120016'));
    expect(r.via.insurerNumber).toEqual(['label-failed-check']);
    expect(r.confidence.insurerNumber).toBeLessThanOrEqual(0.3);
    expect(r.warnings.map((w) => w.code)).toContain('ocr.insurerNumberCheckDigit');
  });
});
