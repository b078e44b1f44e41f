/**
 * The few staff-facing sentences that are composed rather than stated by a rule (asking for one
 * of several document sets). Rule content itself lives in the rulebook.
 */
import type { PortalFormat } from '../../shared/rules/effects.ts';
import { DOCUMENT_NAMES, type DocumentKind } from '../../shared/rules/vocabulary.ts';

export type Phrase = { ja: string; en: string };

const FORMAT_WORDS: Record<PortalFormat, { ja: string; en: string }> = {
  live: { ja: 'その場でログインした画面', en: 'logged in on the spot' },
  screen: { ja: 'その場でログインした画面', en: 'logged in on the spot' },
  pdf: { ja: 'PDF', en: 'PDF' },
  screenshot: { ja: 'スクリーンショット', en: 'screenshot' },
};

function name(k: DocumentKind, formats: readonly PortalFormat[] | undefined, lang: 'ja' | 'en'): string {
  const base = DOCUMENT_NAMES[k][lang];
  if (k !== 'portal_screen' || !formats?.length) return base;
  const words = formats.map((f) => FORMAT_WORDS[f][lang]).join(lang === 'ja' ? '・' : ' or ');
  return lang === 'ja' ? `${base}（${words}）` : `${base} (${words})`;
}

const joinSet = (set: DocumentKind[], formats: readonly PortalFormat[] | undefined, lang: 'ja' | 'en') =>
  set.map((k) => name(k, formats, lang)).join(lang === 'ja' ? '＋' : ' + ');

export const PHRASES = {
  /** `formats[i]`: the マイナポータル formats that count in alternative i (when it holds one). */
  askFor(missing: DocumentKind[][], formats: (readonly PortalFormat[] | undefined)[] = []): Phrase {
    if (missing.length === 0) {
      return { ja: '提示された書類では資格を確認できません。', en: 'The documents shown cannot confirm eligibility.' };
    }
    return {
      ja: `次のいずれかをお持ちか伺ってください: ${missing.map((s, i) => joinSet(s, formats[i], 'ja')).join(' / ')}`,
      en: `Ask whether the patient has one of: ${missing.map((s, i) => joinSet(s, formats[i], 'en')).join(' / ')}`,
    };
  },
} as const;
