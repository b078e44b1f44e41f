/**
 * Which document is this? Title phrases scored by approximate matching over the OCR text, so a
 * misread glyph in 「資格確認書」 still counts. Order matters only for ties: the more specific
 * document wins (高齢受給者証 over 受給者証, お知らせ over 資格確認書 wording in its body).
 */
import type { OcrWarningCode } from '../../shared/ocr/warnings.ts';
import type { DocumentKind, NonInsuranceKind } from '../../shared/rules/vocabulary.ts';
import { similarity } from './text.ts';

export type ScanKind = DocumentKind | 'unknown';

/**
 * Papers handed over by mistake, told by phrases no insurance document prints (so they win over
 * the 被保険者証 inside 「介護保険被保険者証」 and over a 診察券's 「資格確認書と一緒に」): the
 * 介護保険被保険者証's title and its 要介護状態区分等 / 認定の有効期間 rows (介護保険法施行規則 様式第一号);
 * a 診察券's title, 診療時間 and 休診日. Matched closely (one misread glyph in a long phrase).
 */
const NOT_INSURANCE: [NonInsuranceKind, string[]][] = [
  ['ltc_insurance_card', ['介護保険被保険者証', '要介護状態区分', '認定の有効期間']],
  ['clinic_card', ['診察券', '診療時間', '休診日']],
];
const NOT_INSURANCE_AT = 0.8;
/**
 * A paper of no kind that reads partly like one of them is that one: a degraded 診察券 read
 * 「珍察券」 (one glyph in three) by one reader and 「准察基」 by the other got a name and a sex
 * taken from its rows. Its fields would be no insurance's, and no insurance title was read.
 */
const NOT_INSURANCE_UNKNOWN_AT = 0.6;

/**
 * A mistaken paper's title told by its first glyph, with the share of it that must be read: a
 * 介護保険被保険者証's title with two or three glyphs misread (「介汽保院被保険者証」, 「介引保険彼保険者放」)
 * matches an old 保険証's 被保険者証 exactly and its own title only below NOT_INSURANCE_AT; no
 * insurance document's line begins with 介.
 */
const TITLE_LEADS: [NonInsuranceKind, string, number][] = [['ltc_insurance_card', '介護保険被保険者証', 0.6]];

/** The warning that tells staff what was handed over instead of an insurance document. */
export const NOT_INSURANCE_WARNING: Record<NonInsuranceKind, OcrWarningCode> = {
  ltc_insurance_card: 'ocr.ltcInsuranceCard',
  clinic_card: 'ocr.clinicCard',
};

/**
 * A row label that other documents print too counts for less than a title: an exact label (0.75)
 * loses to a title read with one glyph wrong in five (0.8), and alone still tells the kind (≥ 0.6).
 */
const ROW_LABEL = 0.75;
/** A phrase, or a row label (its weight; `inLine`: matched within one line, not across two). */
type Phrase = string | { label: string; weight?: number; inLine?: boolean };

/** The text without spaces, as one run and line by line. */
interface Reading {
  flat: string;
  lines: string[];
}
const score = (r: Reading, phrases: Phrase[]) =>
  Math.max(
    ...phrases.map((p) =>
      typeof p === 'string'
        ? similarity(r.flat, p)
        : (p.weight ?? 1) *
          (p.inLine ? Math.max(0, ...r.lines.map((l) => similarity(l, p.label))) : similarity(r.flat, p.label)),
    ),
  );

const TITLES: [DocumentKind, Phrase[]][] = [
  // The card's back has no title: its 個人番号 label tells it.
  ['mynumber_card', ['個人番号カード', '個人番号']],
  ['qualification_notice', ['資格情報のお知らせ', '資格情報通知書', 'この書類だけでは']],
  // Its rows 被保険者証記号 / 被保険者証番号 hold the 被保険者証 an old card's title has: listed
  // here (within one line: an old card's title above its 記号 row is no such row), they tie
  // with it and the portal (earlier) wins; its button and footer are its own.
  [
    'portal_screen',
    [
      'マイナポータル',
      // The お知らせ's body says 「あなたの医療保険の資格情報をお知らせします」: at full weight this
      // heading tied with its title, and every お知らせ was read a second time, the other way.
      { label: '医療保険の資格情報', weight: 0.9 },
      { label: '被保険者証記号', inLine: true },
      { label: '被保険者証番号', inLine: true },
      'PDFをダウンロード',
      '時点の情報です',
    ],
  ],
  ['elderly_recipient_certificate', ['高齢受給者証']],
  ['limit_certificate', ['限度額適用認定証', '限度額適用']],
  ['specific_disease_certificate', ['特定疾病療養受療証', '特定疾病療養']],
  // 小児慢性特定疾病 and 特定医療費 are 公費 titles that contain 特定疾病 / 特定. Its row labels
  // weigh less than a title: insurance documents print a 公費 受給者証's numbers in their 備考.
  [
    'public_subsidy_certificate',
    [
      '医療費受給者証',
      '医療受給者証',
      '子ども医療証',
      '小児慢性特定疾病',
      // The end of 小児慢性特定疾病医療受給者証, longer than 高齢受給者証 so one misread glyph less counts.
      '特定疾病医療受給者証',
      '特定医療費',
      { label: '公費負担者番号', weight: ROW_LABEL },
      { label: '受給者番号', weight: ROW_LABEL },
    ],
  ],
  // The short form also holds when the title's last glyphs are lost (資格確 + noise).
  // 「この確認書を窓口で提示してください」: the 注意事項 of a はがき 資格確認書 whose title was lost.
  ['qualification_certificate', ['資格確認書', '資格確認', 'この確認書']],
  // A family member's card: 「組合員被扶者証」 (養 lost) matched 組合員証 at 0.75 only (degraded fresh tuning).
  ['legacy_insurance_card', ['被保険者証', '組合員証', '加入者証', '組合員被扶養者証', '健康保険被扶養者証']],
];

export interface Classified {
  kind: ScanKind;
  confidence: number;
  /** A paper that is no insurance document (kind is then 'unknown'): no insurance field may come from it. */
  notInsurance?: NonInsuranceKind;
}

/**
 * Shapes of a line that tell a kind without its words, with the score they count for: the card's
 * back prints its 個人番号 in three groups of four, large, where its label is small and grey and
 * a degraded capture loses it (a phone photo of a card back read as 「4105 1509 5709」 and no word).
 * No insurance document groups its digits so (記号・番号 have labels between them).
 */
const SHAPES: [DocumentKind, RegExp, number][] = [
  ['mynumber_card', /(?<!\d)\d{4}[ \u3000]\d{4}[ \u3000]\d{4}(?!\d)/, 0.85],
  // A front titled マイナンバーカード on a line of its own (the independently written corpus's newer
  // design); notices and portal screens name the card inside their sentences.
  ['mynumber_card', /^[ \u3000]*マイナンバーカード[ \u3000]*$/m, 0.8],
];

export function classify(text: string): Classified {
  const flat = text.replace(/\s+/g, '');
  const reading = { flat, lines: text.split('\n').map((l) => l.replace(/\s+/g, '')) };
  const other = NOT_INSURANCE.map(([kind, phrases]) => ({ kind, score: score(reading, phrases) })).sort(
    (a, b) => b.score - a.score,
  )[0]!;
  if (other.score >= NOT_INSURANCE_AT)
    return { kind: 'unknown', confidence: Number(other.score.toFixed(2)), notInsurance: other.kind };
  const led = TITLE_LEADS.find(([, title, at]) =>
    reading.lines.some((l) => l.startsWith(title[0]!) && similarity(l, title) >= at),
  );
  if (led) return { kind: 'unknown', confidence: NOT_INSURANCE_AT, notInsurance: led[0] };
  const scores = TITLES.map(([kind, phrases]) => ({
    kind,
    score: Math.max(
      score(reading, phrases),
      ...SHAPES.filter(([k, re]) => k === kind && re.test(text)).map((x) => x[2]),
    ),
  }));
  const ranked = [...scores].sort((a, b) => b.score - a.score);
  const [best, second] = [ranked[0]!, ranked[1]!];
  if (best.score < 0.6)
    return other.score >= NOT_INSURANCE_UNKNOWN_AT
      ? { kind: 'unknown', confidence: Number(other.score.toFixed(2)), notInsurance: other.kind }
      : { kind: 'unknown', confidence: Number((1 - best.score).toFixed(2)) };
  // An exact title with a clear margin is near-certain; a fuzzy one with a close runner-up is not.
  const confidence = Math.min(1, best.score * (0.75 + 0.25 * Math.min(1, (best.score - second.score) / 0.3)));
  return { kind: best.kind, confidence: Number(confidence.toFixed(2)) };
}

/**
 * A paper handed over by mistake (介護保険証, 診察券) that another reading of the same page names is
 * one, whatever kind the first reading took it for: nothing read from it may be offered, and a
 * title read in one reading and lost in the other is no evidence it is an insurance document.
 */
export function withMistakenPaper(found: Classified, otherText: string): Classified {
  if (found.notInsurance) return found;
  const named = classify(otherText);
  // Read only partly like one (NOT_INSURANCE_UNKNOWN_AT): only when neither reading found a kind.
  const sure = named.confidence >= NOT_INSURANCE_AT || found.kind === 'unknown';
  return named.notInsurance && sure ? named : found;
}

/** The other reading tells a kind this surely (a title read with at most one glyph wrong in eight). */
const OTHER_KIND_AT = 0.8;
/**
 * Kinds whose long title the second reader tells with more glyphs wrong: a 限度額適用認定証's read
 * 「健康保陵限度新 通用器定証」 and 「健康保陵泉度顔適用選定証」 (0.63; degraded fresh tuning captures whose
 * title tesseract lost). Not an old 保険証: its 被保険者証 is inside a 介護保険被保険者証's title.
 */
const OTHER_KIND_AT_BY_KIND: Partial<Record<DocumentKind, number>> = { limit_certificate: 0.6 };
/**
 * A kind the first reading told this unsurely gives way to another the second reader tells surer
 * by SURER_BY, where that kind's title is all kanji (a degraded 健康保険 資格確認書 taken for a portal
 * screen at 0.6, 「健康保 資格確 書」 read at 0.75). Not a title with kana, which the second reader
 * lacks: it took an お知らせ for a portal screen.
 */
const UNSURE_KIND = 0.6;
const SURER_BY = 0.1;
const KANA_TITLES: ReadonlySet<ScanKind> = new Set(['portal_screen', 'qualification_notice']);

/**
 * Whether the other reading (the second reader's page reading) tells the same kind by its title:
 * then a first reading that told it only by its rows needs no second pass to find the title (on
 * the tuning captures that pass then changed no kind and cost ~600 ms a card).
 */
export function sameKindByTitle(found: Classified, otherText: string): boolean {
  const other = classify(otherText);
  return found.kind !== 'unknown' && other.kind === found.kind && other.confidence >= OTHER_KIND_AT;
}

/**
 * The kind the other reading (the second reader's page reading) tells, where the first told none
 * (its title line lost on a degraded capture: 「健康保 限度額適用 定証」 read by the second reader,
 * nothing by tesseract) or one unsure.
 */
export function withKindOf(found: Classified, otherText: string): Classified {
  if (found.notInsurance) return found;
  const other = classify(otherText);
  if (other.kind === 'unknown' || other.kind === found.kind) return found;
  if (found.kind === 'unknown')
    return other.confidence >= (OTHER_KIND_AT_BY_KIND[other.kind] ?? OTHER_KIND_AT) ? other : found;
  const surer =
    !KANA_TITLES.has(other.kind) && found.confidence <= UNSURE_KIND && other.confidence >= found.confidence + SURER_BY;
  return surer ? other : found;
}
