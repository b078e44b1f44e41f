/**
 * What each kind of rule does, as the engine understands it. A rule in the rulebook names one
 * effect; the effect fixes the shape of the rule's `params` and the message keys the engine
 * uses. Everything that can change by ministry notice — dates, insurer types, ages, facility
 * modes, month counts, wording — is data in the rule, validated here, so it can be corrected
 * without code changes.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { DOCUMENT_KINDS, FACILITY_MODES } from './vocabulary.ts';

export const IsoDateSchema = z.string().refine(isIsoDate, { message: 'expected a real date as YYYY-MM-DD' });
const Kinds = z.array(z.enum(DOCUMENT_KINDS)).min(1);
const Modes = z.array(z.enum(FACILITY_MODES)).min(1);
const none = z.object({}).strict();
/**
 * How a マイナポータル 資格情報 is shown: `live` — logged in on the spot on the patient's phone;
 * `pdf` — a downloaded PDF; `screenshot` — a saved image. `screen` is the value used before
 * 2026-12 for "the screen shown on the phone" and is read as `live`.
 */
export const PORTAL_FORMATS = ['live', 'screen', 'pdf', 'screenshot'] as const;
export type PortalFormat = (typeof PORTAL_FORMATS)[number];
const PortalFormats = z.array(z.enum(PORTAL_FORMATS)).min(1);
/** A derived expiry bound is said ahead only this many days before it (absent: only once passed). */
const noticeDays = z.number().int().min(0).optional();
const AgeOn = z.object({ age: z.number().int(), date: IsoDateSchema }).strict();
export const CARD_STATES = ['valid', 'grace', 'unknown', 'lapsed'] as const;

/**
 * `messages`: keys every rule of the effect must carry. `added`: keys added later (2026-12), which
 * packs made before may lack; the engine then says nothing in their place, or a named older key.
 */
function effect<P extends z.ZodType, K extends string, A extends string = never>(
  params: P,
  messages: readonly K[],
  added: readonly A[] = [],
) {
  return { params, messages, added };
}

export const EFFECTS = {
  /** マイナ保険証 → the online qualification check decides. */
  card_online_check: effect(
    z.object({ facilityModes: Modes }).strict(),
    ['decide', 'step', 'stepIfFails', 'notRegistered'],
    ['legacyNotListed'],
  ),
  /** R-01 (利用登録): a card not registered for insurance can be registered on the reader, then checked. */
  card_registration: effect(z.object({ facilityModes: Modes }).strict(), ['register', 'step', 'stepIfFails']),
  /** R-01 ただし書: emergencies. */
  emergency_exception: effect(none, ['hint']),
  /** card + お知らせ, or card + マイナポータル screen (PDF per params). */
  card_with_companion: effect(z.object({ portalFormats: PortalFormats }).strict(), [
    'accepted',
    'needCompanion',
    'portalFormatRefused',
    'step',
  ]),
  /** the お知らせ alone is not a proof of insurance. */
  notice_not_alone: effect(none, ['refused'], ['refusedCardUnusable']),
  /** a valid 資格確認書 alone suffices. */
  qualification_certificate: effect(z.object({ maxValidityYears: z.number().int().positive() }).strict(), [
    'valid',
    'validUndated',
    'expired',
    'expiryUnknown',
    'step',
  ]),
  /** old 保険証, valid until its printed expiry and at most `latestExpiry`. */
  legacy_card: effect(z.object({ latestExpiry: IsoDateSchema }).strict(), ['valid', 'expired', 'detailsChanged']),
  /** 暫定的な取扱い — online look-up by 被保険者番号 for an expired 保険証 or お知らせ only. */
  transitional_lookup: effect(z.object({ documents: Kinds, facilityModes: Modes }).strict(), [
    'lookup',
    'needsOnline',
    'ended',
    'step',
  ]),
  /** 電子証明書 grace period after the end of its expiry month. */
  certificate_grace: effect(z.object({ graceMonths: z.number().int().min(0), smartphone: z.boolean() }).strict(), [
    'grace',
    'unknown',
  ]),
  /** after the grace period the 利用登録 is cancelled and a 資格確認書 is sent. */
  certificate_lapsed: effect(none, ['lapsed'], ['companionRefused']),
  /** スマホ用マイナ保険証 needs a smartphone reader at an online facility. */
  smartphone_online_check: effect(z.object({ facilityModes: Modes }).strict(), [
    'decide',
    'noReader',
    'notYet',
    'step',
  ]),
  /** smartphone-only patient: マイナポータル on the patient's own phone, logged in on the spot. */
  smartphone_portal: effect(
    z.object({ portalFormats: PortalFormats }).strict(),
    ['accepted', 'need', 'step'],
    ['needLive'],
  ),
  /** マイナ資格確認アプリ (needs internet) — a hint for facilities without the terminal. */
  qualification_app: effect(z.object({ facilityModes: Modes }).strict(), ['hint']),
  /** 被保険者資格申立書 + the card when the マイナ保険証 check fails. */
  declaration_fallback: effect(
    // cardStates: the states of the card the form goes with (absent: any マイナ保険証, as before 2026-12).
    z.object({ facilityModes: Modes, cardStates: z.array(z.enum(CARD_STATES)).min(1).optional() }).strict(),
    ['fallback', 'step'],
  ),
  /** R-12 (負担割合): the statutory share where no document prints it. */
  statutory_burden_ratio: effect(z.object({ preschool: z.number(), general: z.number() }).strict(), ['ratio']),
  /** nothing valid → 10割 now, 療養費 claim later. */
  self_pay_fallback: effect(z.object({ claimDeadlineYears: z.number().int().positive() }).strict(), [
    'fallback',
    'step',
  ]),
  /** who holds a 後期高齢者 資格確認書 — a hint for what to ask for. */
  kouki_certificate_issuance: effect(
    z
      .object({
        /** Only for patients at least this old on the date. */
        minAgeOn: AgeOn.optional(),
        /** Only for patients younger than this on the date (where a minAgeOn rule speaks instead). */
        belowAgeOn: AgeOn.optional(),
        /** Not said when the card shown is not registered for insurance (the hint is about holders). */
        registeredCardOnly: z.boolean().optional(),
      })
      .strict(),
    ['hint'],
  ),
  /** expiry bound when turning 70 (end of the month of reaching 70). */
  expiry_bound_turning70: effect(
    // seventyPlusRatios: a printed 負担割合 among these marks the document issued for 70+.
    z.object({ documents: Kinds, noticeDays, seventyPlusRatios: z.array(z.number()).optional() }).strict(),
    ['bound', 'expired', 'issueUnknown'],
  ),
  /** expiry bound when turning 75 (the day before the birthday). */
  expiry_bound_turning75: effect(z.object({ documents: Kinds, noticeDays }).strict(), ['bound', 'expired']),
  /** expiry bound of a foreign resident (the day after the 在留期間満了日). */
  expiry_bound_residence: effect(
    z.object({ documents: Kinds, daysAfter: z.number().int().min(0), noticeDays }).strict(),
    ['bound', 'expired'],
  ),
  /** the お知らせ carries no expiry in principle. */
  notice_expiry: effect(none, ['noExpiry', 'expired']),
  /** 70–74: the 負担割合 must be printed somewhere, else the 高齢受給者証. */
  elderly_burden_ratio: effect(none, ['askCertificate', 'fromCertificate', 'certificateExpired']),
  /** R-18 (同意): at an online facility the 限度区分 comes from the online check with the patient's consent. */
  limit_online_consent: effect(z.object({ facilityModes: Modes, documents: Kinds }).strict(), ['consent', 'collect']),
  /** 限度額適用認定証 (per insurer type and date). */
  limit_certificate: effect(z.object({ accepted: z.boolean() }).strict(), ['valid', 'invalid', 'expired']),
  /** 特定疾病療養受療証 (or printed on the 資格確認書). */
  specific_disease_certificate: effect(none, ['collect', 'valid', 'expired']),
  /** 特別療養費 mark → 10割. */
  special_medical_expense: effect(
    // childExemptAge: no 特別療養 documents are issued until the 31 March after this birthday.
    z.object({ documents: Kinds.optional(), childExemptAge: z.number().int().positive().optional() }).strict(),
    ['selfPay', 'step'],
    ['childFlag'],
  ),
  /** DV and other non-disclosure → 資格確認書, no マイナ保険証. */
  dv_support: effect(none, ['noCard']),
  /** 公費 certificates are shown on paper as well. */
  public_subsidy: effect(none, ['collect', 'valid', 'expired']),
  /** R-22 (医療扶助): 生活保護 is not health insurance: 医療券, or the 医療扶助 online check. */
  medical_assistance: effect(z.object({ onlineFacilityModes: Modes }).strict(), [
    'notInsurance',
    'ticket',
    'online',
    'need',
    'step',
  ]),
} as const;

export type EffectName = keyof typeof EFFECTS;
export const EFFECT_NAMES = Object.keys(EFFECTS) as EffectName[];
export type EffectParams<E extends EffectName> = z.infer<(typeof EFFECTS)[E]['params']>;
export type EffectMessageKey<E extends EffectName> =
  (typeof EFFECTS)[E]['messages'][number] | (typeof EFFECTS)[E]['added'][number];
