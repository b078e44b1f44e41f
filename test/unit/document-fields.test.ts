/** From confirmed form values to the rules' document, the log's entry and the patient's facts. */
import { describe, expect, it } from 'vitest';
import { addDocument, emptyDraft, toLoggedDocuments, toSituation } from '../../src/renderer/src/draft.ts';
import { insurerTypeOf, toCheckDocument, toPresentedDocument } from '../../src/shared/documents/document-fields.ts';
import { DocumentSchema } from '../../src/shared/rules/situation.ts';
import { CheckDocumentSchema } from '../../src/shared/store/records.ts';

const facility = { onlineCheck: 'unavailable', smartphoneReader: false } as const;

describe('document fields', () => {
  it('keeps only well-formed facts for the rules', () => {
    const doc = toPresentedDocument('qualification_certificate', { expiry: '2027-07-31', issueDate: 'R7.6.1', burdenRatio: '0.3', specialMedicalExpense: 'true', name: '受付 花子' });
    expect(doc).toEqual({ kind: 'qualification_certificate', expiry: '2027-07-31', burdenRatio: 0.3, specialMedicalExpense: true });
    expect(DocumentSchema.parse(doc)).toEqual(doc);
    expect(toPresentedDocument('portal_screen', {})).toEqual({ kind: 'portal_screen', format: 'screen' });
    expect(toPresentedDocument('elderly_recipient_certificate', { burdenRatio: '0.5' })).toEqual({ kind: 'elderly_recipient_certificate' });
  });

  it('logs the fields used, never the name or birth date', () => {
    const logged = toCheckDocument('qualification_notice', 'ocr', { name: '受付 花子', birthDate: '1980-05-01', insurerNumber: '138602', symbol: '千代田', burdenRatio: '0.2' });
    expect(logged).toEqual({ kind: 'qualification_notice', source: 'ocr', fields: { insurerNumber: '138602', symbol: '千代田', burdenRatio: 0.2 } });
    expect(CheckDocumentSchema.parse(logged)).toEqual(logged);
  });

  it('the insurer type follows a valid insurer number only', () => {
    expect(insurerTypeOf('138602')).toBe('kokuho');
    expect(insurerTypeOf('39131016')).toBe('kouki');
    expect(insurerTypeOf('138603')).toBeUndefined();
    expect(insurerTypeOf(undefined)).toBeUndefined();
  });
});

describe('draft', () => {
  it('fills the patient from documents without overwriting what staff typed', () => {
    let d = emptyDraft();
    d = { ...d, patient: { ...d.patient, name: '手入力' } };
    d = addDocument(d, { kind: 'qualification_certificate', source: 'ocr', values: { name: 'OCR名', birthDate: '1980-05-01', insurerNumber: '138602' } });
    expect(d.patient).toMatchObject({ name: '手入力', birthDate: '1980-05-01', insurerType: 'kokuho' });
  });

  it('a card placed again replaces the earlier card, paper stays', () => {
    const view = { kind: 'mynumber_card' as const, pinTriesLeft: { auth: 3, basicInfo: 3 }, warnings: [], document: { kind: 'mynumber_card' as const } };
    let d = addDocument(emptyDraft(), { kind: 'qualification_notice', source: 'manual', values: {} });
    d = addDocument(d, { kind: 'mynumber_card', source: 'card', values: {}, card: { view, placement: 1 } });
    d = addDocument(d, { kind: 'mynumber_card', source: 'card', values: {}, card: { view: { ...view, genuine: true }, placement: 1 } });
    expect(d.documents.map((x) => x.kind)).toEqual(['qualification_notice', 'mynumber_card']);
    expect(toLoggedDocuments(d)[1]).toEqual({ kind: 'mynumber_card', source: 'card', fields: { token: 'mynumber_card', genuine: true } });
  });

  it('no situation until the birth date and insurer type are known; a 住基カード adds no document', () => {
    const juki = { kind: 'juki_card' as const, pinTriesLeft: { auth: 3, basicInfo: null }, warnings: [] };
    const d = addDocument(emptyDraft(), { kind: 'mynumber_card', source: 'card', values: {}, card: { view: juki, placement: 1 } });
    expect(toSituation(d, '2026-11-23', facility)).toBeNull();
    const ready = { ...d, patient: { ...d.patient, birthDate: '1980-05-01', insurerType: 'kokuho' as const } };
    expect(toSituation(ready, '2026-11-23', facility)?.documents).toEqual([]);
    expect(toSituation({ ...ready, patient: { ...ready.patient, birthDate: '2030-01-01' } }, '2026-11-23', facility)).toBeNull();
  });
});
