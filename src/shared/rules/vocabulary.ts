/** The words the rulebook, the engine, the card and OCR services and the screens share. */
export const INSURER_TYPES = ['kokuho', 'kouki', 'kyokai', 'kumiai', 'kyosai', 'other'] as const;
export type InsurerType = (typeof INSURER_TYPES)[number];

export const FACILITY_MODES = ['available', 'unavailable', 'down'] as const;
/** オンライン資格確認: available; not installed (紙レセ, 猶予); installed but failing right now. */
export type OnlineCheck = (typeof FACILITY_MODES)[number];

export const DOCUMENT_KINDS = [
  'mynumber_card',
  'smartphone_mynumber',
  'qualification_certificate',
  'qualification_notice',
  'portal_screen',
  'legacy_insurance_card',
  'elderly_recipient_certificate',
  'limit_certificate',
  'specific_disease_certificate',
  'public_subsidy_certificate',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_NAMES: Record<DocumentKind, { ja: string; en: string }> = {
  mynumber_card: { ja: 'マイナ保険証（マイナンバーカード）', en: 'My Number Card (health insurance)' },
  smartphone_mynumber: { ja: 'スマホ用マイナ保険証', en: 'smartphone My Number insurance' },
  qualification_certificate: { ja: '資格確認書', en: 'qualification certificate (shikaku kakuninsho)' },
  qualification_notice: { ja: '資格情報のお知らせ（資格情報通知書）', en: 'qualification notice (oshirase)' },
  portal_screen: { ja: 'マイナポータルの資格情報画面', en: 'Mynaportal qualification screen' },
  legacy_insurance_card: { ja: '健康保険証（旧）', en: 'old health-insurance card' },
  elderly_recipient_certificate: { ja: '高齢受給者証', en: 'elderly recipient certificate' },
  limit_certificate: { ja: '限度額適用認定証', en: 'limit certificate' },
  specific_disease_certificate: { ja: '特定疾病療養受療証', en: 'specific disease certificate' },
  public_subsidy_certificate: { ja: '公費負担の受給者証', en: 'public subsidy certificate' },
};

/**
 * Papers a patient hands over by mistake that look like insurance documents but are none: the
 * 介護保険被保険者証 (its 10-digit 被保険者番号 and 6-digit 保険者番号 are not a health insurer's) and a
 * clinic's 診察券. OCR names them so that nothing on them fills an insurance field.
 */
export const NON_INSURANCE_KINDS = ['ltc_insurance_card', 'clinic_card'] as const;
export type NonInsuranceKind = (typeof NON_INSURANCE_KINDS)[number];

export const isNonInsuranceKind = (k: string): k is NonInsuranceKind =>
  (NON_INSURANCE_KINDS as readonly string[]).includes(k);

export const BURDEN_RATIOS = [0.1, 0.2, 0.3] as const;
export type BurdenRatio = (typeof BURDEN_RATIOS)[number];

export const DECISIONS = ['accept', 'need_more', 'check_online', 'self_pay'] as const;
export type Decision = (typeof DECISIONS)[number];

export const FALLBACKS = ['declaration', 'self_pay'] as const;
export type Fallback = (typeof FALLBACKS)[number];

/** Checks the engine leaves to staff: `special_medical_expense_on_child` — a 特別療養 mark on the document of a child, who is not issued one. */
export const STAFF_CHECKS = ['special_medical_expense_on_child'] as const;
export type StaffCheck = (typeof STAFF_CHECKS)[number];

/** The ruleId of the reason given when no rule in force on the date covers the situation. */
export const NO_RULE_ID = 'NO-RULE';

export const SOURCE_STATUSES = ['V-official', 'V-secondary', 'PARTIAL', 'NOT VERIFIED'] as const;
export const CONFIDENCE_LEVELS = ['high', 'medium-high', 'medium', 'low-medium', 'low'] as const;
