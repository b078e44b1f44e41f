/** A document's values as the check shows them: 性別 男/女, dates in 和暦, the ratio as 割 — no codes, no ISO dates. */
import { describe, expect, it } from 'vitest';
import { fieldValueText } from '../../src/renderer/src/components/fieldText.ts';
import { initI18n } from '../../src/renderer/src/i18n/index.ts';

const ja = initI18n('ja', undefined).t;
const en = initI18n('en', undefined).t;

describe('fieldValueText', () => {
  it('words every kind of value in Japanese', () => {
    expect(fieldValueText('sex', 'female', ja, 'ja')).toBe('女');
    expect(fieldValueText('sex', 'male', ja, 'ja')).toBe('男');
    expect(fieldValueText('expiry', '2027-07-31', ja, 'ja')).toBe('令和9年7月31日（2027年7月31日）');
    expect(fieldValueText('certificateExpiry', '2019-05-01', ja, 'ja')).toBe('令和元年5月1日（2019年5月1日）');
    expect(fieldValueText('burdenRatio', '0.3', ja, 'ja')).toBe('3割');
    expect(fieldValueText('insuranceRegistered', 'false', ja, 'ja')).toBe('未登録');
    expect(fieldValueText('format', 'live', ja, 'ja')).toBe('その場でログインした画面（スマホ・PC）');
    expect(fieldValueText('specialMedicalExpense', 'true', ja, 'ja')).toBe('✓');
    expect(fieldValueText('insurerNumber', '138602', ja, 'ja')).toBe('138602');
  });

  it('and in English', () => {
    expect(fieldValueText('sex', 'female', en, 'en')).toBe('female');
    expect(fieldValueText('expiry', '2027-07-31', en, 'en')).toBe('31 Jul 2027 (令和9年7月31日)');
    expect(fieldValueText('burdenRatio', '0.3', en, 'en')).toBe('30%');
  });
});
