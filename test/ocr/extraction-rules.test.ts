import { describe, expect, it } from 'vitest';
import { extractFields, OCR_REPAIRS, repairOcr } from '../../src/main/ocr/extract-fields.ts';
import { lines } from './support/ocr-lines.ts';

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
