/** Document names in the screen's language (Japanese names stay beside the English ones). */
import { DOCUMENT_NAMES, type DocumentKind } from '../../../shared/rules/vocabulary.ts';

export function documentName(kind: DocumentKind, language: string): string {
  const n = DOCUMENT_NAMES[kind];
  return language === 'en' ? `${n.en} (${n.ja})` : n.ja;
}

/** Paper kinds a person can hand over or show (the card itself comes through the reader). */
export const PAPER_KINDS: DocumentKind[] = [
  'qualification_certificate',
  'qualification_notice',
  'portal_screen',
  'elderly_recipient_certificate',
  'limit_certificate',
  'specific_disease_certificate',
  'public_subsidy_certificate',
  'legacy_insurance_card',
  'smartphone_mynumber',
  'mynumber_card',
];
