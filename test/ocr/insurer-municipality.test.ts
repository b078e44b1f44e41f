/**
 * A 市町村国保's name from the municipalities of its 保険者番号's prefecture, when every reading
 * misread it or its label. The readings are what tesseract and PP-OCRv4 read off degraded
 * captures of the tuning corpus.
 */
import { describe, expect, it } from 'vitest';
import { extractFields, nameMunicipality } from '../../src/main/ocr/extract-fields.ts';
import { municipalityOf } from '../../src/main/ocr/extract/insurer-name.ts';
import { municipalitiesOf } from '../../src/shared/domain/municipalities.ts';
import { lines } from './support/ocr-lines.ts';

describe('municipalities of a prefecture', () => {
  it('lists them by the prefecture code a 国保 保険者番号 begins with', () => {
    expect(municipalitiesOf('40')).toContain('北九州市');
    expect(municipalitiesOf('13')).toContain('千代田区');
    expect(municipalitiesOf('15')).toEqual(expect.arrayContaining(['長岡市', '佐渡市']));
    expect(municipalitiesOf('99')).toEqual([]);
  });
});

describe('municipalityOf', () => {
  it('is the one municipality of the prefecture the readings are clearly nearest to', () => {
    expect(municipalityOf(['名遇者も株志九州市', '設者北九州市'], '402727')).toBe('北九州市');
    expect(municipalityOf(['保険者名弥水戸市'], '081802')).toBe('水戸市');
  });

  it('is none when two municipalities are as near (佐岡市: 長岡市 or 佐渡市), or none near', () => {
    expect(municipalityOf(['佐岡市'], '150706')).toBeUndefined();
    expect(municipalityOf(['単論市', '中府市'], '191130')).toBeUndefined();
    expect(municipalityOf(['衝枯定'], '122960')).toBeUndefined();
  });

  it('is none for a number that is no valid 6-digit 国保 number', () => {
    expect(municipalityOf(['北九州市'], '402728')).toBeUndefined();
    expect(municipalityOf(['北九州市'], '01400019')).toBeUndefined();
  });
});

describe('nameMunicipality', () => {
  it('names the insurer from what each reading printed after the number, for confirmation', () => {
    const x = extractFields(lines('保険者番号 402727'));
    nameMunicipality(x, [lines('全隊導きせ。 402727 名遇者も株 志九州市'), lines('仅商委 402727 设者 北九州市')]);
    expect(x.fields.insurerName).toBe('北九州市');
    expect(x.via.insurerName).toEqual(['insurer-name-municipality']);
    expect(x.confidence.insurerName).toBeLessThan(0.8);
  });

  it('reads PP-OCRv4’s simplified glyphs in their Japanese forms (长阅市: 長岡市)', () => {
    const x = extractFields(lines('保険者番号 150706'));
    nameMunicipality(x, [lines('保顾者 150706仅成者名 长阅市')]);
    expect(x.fields.insurerName).toBe('長岡市');
  });

  it('keeps a name read as one of the prefecture’s municipalities, or shaped like another insurer’s', () => {
    const read = extractFields(lines('保険者番号 081802 保険者名称 水戸市'));
    nameMunicipality(read, [lines('保 者番号 081802 保陵着名称 水万市')]);
    expect(read.fields.insurerName).toBe('水戸市');
    expect(read.via.insurerName).toEqual(['label']);
    const union = extractFields(lines('保険者番号 133033', '保険者名称 東京都医師国民健康保険組合'));
    nameMunicipality(union, [lines('133033 東京都医師国民健康保険組合 千代田区')]);
    expect(union.fields.insurerName).toBe('東京都医師国民健康保険組合');
  });
});
