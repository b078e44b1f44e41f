/**
 * The few staff-facing sentences that are composed rather than stated by a rule (asking for one
 * of several document sets). Rule content itself lives in the rulebook.
 */
import { DOCUMENT_NAMES, type DocumentKind } from '../../shared/rules/vocabulary.ts';

export type Phrase = { ja: string; en: string };

const joinSet = (set: DocumentKind[], lang: 'ja' | 'en') => set.map((k) => DOCUMENT_NAMES[k][lang]).join(lang === 'ja' ? '＋' : ' + ');

export const PHRASES = {
  askFor(missing: DocumentKind[][]): Phrase {
    if (missing.length === 0) {
      return { ja: '提示された書類では資格を確認できません。', en: 'The documents shown cannot confirm eligibility.' };
    }
    return {
      ja: `次のいずれかをお持ちか伺ってください: ${missing.map((s) => joinSet(s, 'ja')).join(' / ')}`,
      en: `Ask whether the patient has one of: ${missing.map((s) => joinSet(s, 'en')).join(' / ')}`,
    };
  },
} as const;
