import { describe, expect, it } from 'vitest';
import { extractFields } from '../../src/main/ocr/extract-fields.ts';
import { at, lines } from './support/ocr-lines.ts';

/** 保険者番号 and 記号・番号・枝番 as the readers misread them on degraded captures. */
describe('insurer number and 記号・番号・枝番', () => {
  it('reads a 被保険者番号 whose 険 and 番 were both misread, never as the 記号 or the insurer', () => {
    // Tesseract and PP-OCRv4 on a 150 dpi 資格確認書 (後期); PP-OCRv4 drops 険 on another.
    for (const label of ['溢保典者竹号', '被保跌者街号', '被保者春号'])
      expect(extractFields(lines(`${label} 30232607`), 'qualification_certificate').fields).toEqual({
        number: '30232607',
      });
    expect(extractFields(lines('被保険者証記号 75116833'), 'portal_screen').fields).toEqual({ symbol: '75116833' });
    // PP-OCRv4 on a phone photo of the portal: 記 read as 配.
    expect(extractFields(lines('被保陵者証配号 67297522'), 'portal_screen').fields.number).toBeUndefined();
    expect(extractFields(lines('被保険者等記号 75116833'), 'portal_screen').fields.number).toBeUndefined();
  });

  it('reads a 保険者番号 whose 険 and 番 were both misread, never a 保護者 row', () => {
    // PP-OCRv4 on a 150 dpi scan of a 後期 資格確認書: two label cells, their values below.
    const read = [at(100, [0, '保改者的号'], [400, '保院者名称']), at(140, [0, '39036637'], [400, '岩手県後期高齢者'])];
    const r = extractFields(read, 'qualification_certificate');
    expect(r.fields.insurerNumber).toBe('39036637');
    expect(r.via.insurerNumber).toEqual(['label']);
    expect(extractFields(lines('保護者番号 39036637'), 'public_subsidy_certificate').via.insurerNumber).not.toEqual([
      'label',
    ]);
  });

  it('reads the combined 記号・番号 with PP-OCRv4’s middle dot', () => {
    expect(extractFields(lines('被保除者等記号·番号  54699·3831702（00)')).fields).toEqual({
      symbol: '54699',
      number: '3831702',
      branch: '00',
    });
  });

  it('reads the labelled combined 記号・番号 whose (枝番) is misread, leaving the 枝番 unread', () => {
    const r = extractFields(lines('被保険者等記号・番号  54699・3831702 (900)'), 'qualification_notice');
    expect(r.fields).toEqual({ symbol: '54699', number: '3831702' });
    expect(r.via.number).toEqual(['combined-id-labelled']);
  });

  it('takes a number followed by a misread 枝番 and its value as read clean, without reading its crop again', () => {
    const r = extractFields([at(100, [0, '記号|96171657'], [400, '番号|213806|枝矢|00'])], 'legacy_insurance_card');
    expect(r.fields.number).toBe('213806');
    expect(r.reread.number).toBeUndefined();
    // A misread digit inside the number still asks for its crop.
    expect(extractFields([at(100, [0, '番号|2208名休史'])]).reread.number).toBeDefined();
  });

  it('keeps the kanji of a 記号 placed by the row’s shape when its label was misread', () => {
    const r = extractFields(lines('記生 北九35 番号 67035192 (枝番) 00'), 'elderly_recipient_certificate');
    expect(r.fields).toMatchObject({ symbol: '北九35', number: '67035192', branch: '00' });
    // 番 of 番号 misread, 枝番 without brackets (a 健保組合 card).
    expect(extractFields(lines('記号 9646 笠号 51292 枝番 00'), 'legacy_insurance_card').fields).toEqual({
      symbol: '9646',
      number: '51292',
      branch: '00',
    });
    // Never an address or a date.
    expect(extractFields(lines('住所 大分市旭町3丁目11番10号', '2019年11月25日')).fields.number).toBeUndefined();
    // Only a run set apart from the misread label: 号 or 番 glued to the digits is the label.
    expect(extractFields(lines('記考35 番号 6703192 (枝番) 00')).fields.symbol).toBe('35');
  });

  it('keeps a 記号’s kanji only when glued to its digits as read', () => {
    expect(extractFields(lines('被保険者等記号・番号 。 攻 558754・ 38101 330 (00)')).fields).toEqual({
      symbol: '558754',
      number: '38101330',
      branch: '00',
    });
    expect(extractFields(lines('記号・番号 北九35・6703192 (00)')).fields.symbol).toBe('北九35');
  });
});
