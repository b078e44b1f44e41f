/** From confirmed form values to the rules' document, the log's entry and the patient's facts. */
import { describe, expect, it } from 'vitest';
import { newCheck, toDraftSituation } from '../../src/renderer/src/desk/check.ts';
import {
  DOCUMENT_FIELDS,
  FIELD_INPUTS,
  insurerTypeOf,
  toCheckDocument,
  toFieldValues,
  toPresentedDocument,
  type FieldValues,
  type FormField,
} from '../../src/shared/documents/document-fields.ts';
import { en } from '../../src/renderer/src/i18n/en.ts';
import { ja } from '../../src/renderer/src/i18n/ja.ts';
import { DocumentSchema, SituationSchema } from '../../src/shared/rules/situation.ts';
import { DOCUMENT_KINDS } from '../../src/shared/rules/vocabulary.ts';
import { CheckDocumentSchema } from '../../src/shared/store/records.ts';

const facility = { onlineCheck: 'unavailable', smartphoneReader: false } as const;

describe('document fields', () => {
  it('keeps only well-formed facts for the rules', () => {
    const doc = toPresentedDocument('qualification_certificate', {
      expiry: '2027-07-31',
      issueDate: 'R7.6.1',
      burdenRatio: '0.3',
      specialMedicalExpense: 'true',
      name: '受付 花子',
    });
    expect(doc).toEqual({
      kind: 'qualification_certificate',
      expiry: '2027-07-31',
      burdenRatio: 0.3,
      specialMedicalExpense: true,
    });
    expect(DocumentSchema.parse(doc)).toEqual(doc);
    expect(toPresentedDocument('portal_screen', {})).toEqual({ kind: 'portal_screen', format: 'screenshot' });
    expect(toPresentedDocument('elderly_recipient_certificate', { burdenRatio: '0.5' })).toEqual({
      kind: 'elderly_recipient_certificate',
    });
  });

  it('logs the fields used, never the name or birth date', () => {
    const logged = toCheckDocument('qualification_notice', 'ocr', {
      name: '受付 花子',
      birthDate: '1980-05-01',
      insurerNumber: '138602',
      symbol: '千代田',
      burdenRatio: '0.2',
    });
    expect(logged).toEqual({
      kind: 'qualification_notice',
      source: 'ocr',
      fields: { insurerNumber: '138602', symbol: '千代田', burdenRatio: 0.2 },
    });
    expect(CheckDocumentSchema.parse(logged)).toEqual(logged);
  });

  it('the insurer type follows a valid insurer number only', () => {
    expect(insurerTypeOf('138602')).toBe('kokuho');
    expect(insurerTypeOf('39131016')).toBe('kouki');
    expect(insurerTypeOf('138603')).toBeUndefined();
    expect(insurerTypeOf(undefined)).toBeUndefined();
  });
});

/** A value for every field of a form, the way staff would fill it. */
function filled(fields: readonly FormField[]): FieldValues {
  const sample = (k: FormField): string => {
    const spec = FIELD_INPUTS[k];
    if (spec.type === 'date') return k === 'birthDate' ? '1980-05-05' : k === 'issueDate' ? '2026-04-01' : '2027-07-31';
    if (spec.type === 'ratio') return '0.3';
    if (spec.type === 'flag') return 'true';
    if (spec.type === 'choice') return spec.options.at(-1)!;
    return k === 'insurerNumber' ? '138602' : '1';
  };
  return Object.fromEntries(fields.map((k) => [k, sample(k)]));
}

describe('every fact the rules can use has a field', () => {
  it.each(DOCUMENT_KINDS)('%s: a filled form gives every fact of its kind in the evaluate contract', (kind) => {
    const option = DocumentSchema.options.find((o) => o.shape.kind.value === kind)!;
    const facts = Object.keys(option.shape)
      .filter((k) => k !== 'kind')
      .sort();
    const doc = toPresentedDocument(kind, filled(DOCUMENT_FIELDS[kind]));
    expect(DocumentSchema.parse(doc)).toEqual(doc);
    expect(
      Object.keys(doc)
        .filter((k) => k !== 'kind')
        .sort(),
    ).toEqual(facts);
  });

  it('マイナ保険証: the 電子証明書 expiry and the card expiry are two facts; 保険証利用登録 unknown / yes / no', () => {
    expect(
      toPresentedDocument('mynumber_card', {
        certificateExpiry: '2026-05-10',
        cardExpiry: '2031-05-05',
        insuranceRegistered: 'false',
      }),
    ).toEqual({
      kind: 'mynumber_card',
      certificateExpiry: '2026-05-10',
      cardExpiry: '2031-05-05',
      insuranceRegistered: false,
    });
    expect(toPresentedDocument('mynumber_card', { insuranceRegistered: 'true' })).toEqual({
      kind: 'mynumber_card',
      insuranceRegistered: true,
    });
    expect(toPresentedDocument('mynumber_card', { insuranceRegistered: '' })).toEqual({ kind: 'mynumber_card' });
    expect(FIELD_INPUTS.insuranceRegistered).toEqual({ type: 'choice', options: ['', 'true', 'false'] });
  });

  it('a card photo: its printed 有効期限 is the card expiry, never the 電子証明書 expiry', () => {
    expect(toFieldValues({ expiry: '2031-05-05', certificateExpiry: '2026-05-10' }, 'mynumber_card')).toEqual({
      cardExpiry: '2031-05-05',
      certificateExpiry: '2026-05-10',
    });
    expect(toFieldValues({ expiry: '2027-07-31' }, 'qualification_certificate')).toEqual({ expiry: '2027-07-31' });
  });

  it('the マイナポータル screen: live, pdf or screenshot as chosen; unchosen is the least (screenshot)', () => {
    for (const format of ['live', 'pdf', 'screenshot'] as const)
      expect(toPresentedDocument('portal_screen', { format })).toEqual({ kind: 'portal_screen', format });
    expect(toPresentedDocument('portal_screen', { format: '' })).toEqual({
      kind: 'portal_screen',
      format: 'screenshot',
    });
  });

  it('every patient fact of the contract can be stated at the desk', () => {
    const typed = {
      name: '',
      birthDate: '1980-05-05',
      insurerType: 'kokuho' as const,
      publicSubsidy: true,
      specificDisease: true,
      dvSupport: true,
      residenceExpiry: '2027-01-01',
      medicalAssistance: true,
      highCostLimit: true,
    };
    const check = {
      ...newCheck(),
      typed,
      documents: [{ id: 'd', kind: 'public_subsidy_certificate' as const, source: 'manual' as const, values: {} }],
    };
    const situation = toDraftSituation(check, '2026-12-06', facility)!;
    expect(SituationSchema.parse(situation)).toBeTruthy();
    const stated = Object.keys(situation.patient).sort();
    // insurerNumber comes from a document, not from a patient field.
    const contract = Object.keys(SituationSchema.shape.patient.shape)
      .filter((k) => k !== 'insurerNumber')
      .sort();
    expect(stated).toEqual(contract);
  });

  it('every field and every choice has words in both languages', () => {
    for (const [k, spec] of Object.entries(FIELD_INPUTS)) {
      expect(ja.fields).toHaveProperty(k);
      expect(en.fields).toHaveProperty(k);
      if (spec.type === 'choice') {
        for (const o of spec.options) {
          expect(ja.choices).toHaveProperty([k, o || 'none']);
          expect(en.choices).toHaveProperty([k, o || 'none']);
        }
      }
    }
    expect(ja.choices.sex).toMatchObject({ male: '男', female: '女' });
  });
});
