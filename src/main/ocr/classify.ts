/**
 * Which document is this? Title phrases scored by approximate matching over the OCR text, so a
 * misread glyph in 「資格確認書」 still counts. Order matters only for ties: the more specific
 * document wins (高齢受給者証 over 受給者証, お知らせ over 資格確認書 wording in its body).
 */
import type { DocumentKind } from '../../shared/rules/vocabulary.ts';
import { similarity } from './text.ts';

export type ScanKind = DocumentKind | 'unknown';

const TITLES: [DocumentKind, string[]][] = [
  // The card's back has no title: its 個人番号 label tells it.
  ['mynumber_card', ['個人番号カード', '個人番号']],
  ['qualification_notice', ['資格情報のお知らせ', '資格情報通知書', 'この書類だけでは']],
  ['portal_screen', ['マイナポータル', '医療保険の資格情報']],
  ['elderly_recipient_certificate', ['高齢受給者証']],
  ['limit_certificate', ['限度額適用認定証', '限度額適用']],
  ['specific_disease_certificate', ['特定疾病療養受療証', '特定疾病療養']],
  // 小児慢性特定疾病 and 特定医療費 are 公費 titles that contain 特定疾病 / 特定.
  [
    'public_subsidy_certificate',
    ['公費負担者番号', '医療費受給者証', '医療受給者証', '受給者番号', '小児慢性特定疾病', '特定医療費'],
  ],
  // The short form also holds when the title's last glyphs are lost (資格確 + noise).
  ['qualification_certificate', ['資格確認書', '資格確認']],
  ['legacy_insurance_card', ['被保険者証', '組合員証', '加入者証']],
];

export function classify(text: string): { kind: ScanKind; confidence: number } {
  const flat = text.replace(/\s+/g, '');
  const scores = TITLES.map(([kind, phrases]) => ({
    kind,
    score: Math.max(...phrases.map((p) => similarity(flat, p))),
  }));
  const ranked = [...scores].sort((a, b) => b.score - a.score);
  const [best, second] = [ranked[0]!, ranked[1]!];
  if (best.score < 0.6) return { kind: 'unknown', confidence: Number((1 - best.score).toFixed(2)) };
  // An exact title with a clear margin is near-certain; a fuzzy one with a close runner-up is not.
  const confidence = Math.min(1, best.score * (0.75 + 0.25 * Math.min(1, (best.score - second.score) / 0.3)));
  return { kind: best.kind, confidence: Number(confidence.toFixed(2)) };
}
