/** From confirmed form values to the rules' document, the log's entry and the patient's facts. */
import { describe, expect, it } from 'vitest';
import { insurerTypeOf, toCheckDocument, toPresentedDocument } from '../../src/shared/documents/document-fields.ts';
import { DocumentSchema } from '../../src/shared/rules/situation.ts';
import { CheckDocumentSchema } from '../../src/shared/store/records.ts';


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
