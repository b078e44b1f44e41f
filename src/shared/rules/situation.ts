/**
 * The `evaluate` contract: one situation in, one verdict out. Validated with zod at every edge
 * (CLI stdin, IPC, browser bridge); unknown keys are refused so a misspelt fact never silently
 * drops out of a decision.
 */
import { z } from 'zod';
import { IsoDateSchema, PORTAL_FORMATS } from './effects.ts';
import { DECISIONS, DOCUMENT_KINDS, FACILITY_MODES, FALLBACKS, INSURER_TYPES, STAFF_CHECKS } from './vocabulary.ts';

const BurdenRatioSchema = z.union([z.literal(0.1), z.literal(0.2), z.literal(0.3)], {
  error: 'burdenRatio must be 0.1, 0.2 or 0.3',
});

const doc = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ kind: z.literal(kind), ...shape }).strict();

export const DocumentSchema = z.discriminatedUnion(
  'kind',
  [
    doc('mynumber_card', {
      /** 健康保険証利用登録 done (false: the card is not a マイナ保険証). */
      insuranceRegistered: z.boolean().optional(),
      /** 利用者証明用電子証明書 expiry (printed on the card face, or read from the chip). */
      certificateExpiry: IsoDateSchema.optional(),
      cardExpiry: IsoDateSchema.optional(),
    }),
    doc('smartphone_mynumber', {}),
    doc('qualification_certificate', {
      expiry: IsoDateSchema.optional(),
      issueDate: IsoDateSchema.optional(),
      burdenRatio: BurdenRatioSchema.optional(),
      /** 特別療養費 printed on the 資格確認書. */
      specialMedicalExpense: z.boolean().optional(),
      /** 特定疾病 printed as an optional entry (then no separate 受療証 is issued). */
      specificDiseaseNoted: z.boolean().optional(),
    }),
    doc('qualification_notice', {
      expiry: IsoDateSchema.optional(),
      issueDate: IsoDateSchema.optional(),
      burdenRatio: BurdenRatioSchema.optional(),
      /** 「資格情報のお知らせ(特別療養)」: the 国保/後期 notice of a member subject to 特別療養費. */
      specialMedicalExpense: z.boolean().optional(),
    }),
    /** `live`: logged in on the spot; `pdf`; `screenshot`; `screen` (before 2026-12) is read as `live`. */
    doc('portal_screen', { format: z.enum(PORTAL_FORMATS), burdenRatio: BurdenRatioSchema.optional() }),
    doc('legacy_insurance_card', {
      expiry: IsoDateSchema.optional(),
      /** Insurer or printed details changed since issue: the card lapsed then. */
      detailsChanged: z.boolean().optional(),
    }),
    doc('elderly_recipient_certificate', {
      expiry: IsoDateSchema.optional(),
      burdenRatio: BurdenRatioSchema.optional(),
    }),
    doc('limit_certificate', { expiry: IsoDateSchema.optional() }),
    doc('specific_disease_certificate', { expiry: IsoDateSchema.optional() }),
    doc('public_subsidy_certificate', { expiry: IsoDateSchema.optional() }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `unknown document kind; expected one of: ${DOCUMENT_KINDS.join(', ')}`
        : undefined,
  },
);
export type PresentedDocument = z.infer<typeof DocumentSchema>;
export type DocumentOf<K extends PresentedDocument['kind']> = Extract<PresentedDocument, { kind: K }>;

export const SituationSchema = z
  .object({
    date: IsoDateSchema,
    facility: z
      .object({
        onlineCheck: z.enum(FACILITY_MODES),
        smartphoneReader: z.boolean(),
      })
      .strict(),
    patient: z
      .object({
        birthDate: IsoDateSchema,
        insurerType: z.enum(INSURER_TYPES),
        /** 保険者番号 as shown on a document: selects local practice for that insurer (never decides alone). */
        insurerNumber: z
          .string()
          .regex(/^[0-9]{6}$|^[0-9]{8}$/, { message: 'insurerNumber has 6 or 8 digits' })
          .optional(),
        /** DV等支援措置: the patient's information is hidden from マイナポータル and facilities. */
        dvSupport: z.boolean().optional(),
        /** 在留期間満了日 of a foreign resident. */
        residenceExpiry: IsoDateSchema.optional(),
        /** The patient says they hold a 公費 受給者証 (子ども医療費, 難病, 生活保護の医療券…). */
        publicSubsidy: z.boolean().optional(),
        /** The patient says they are on 特定疾病療養 (人工透析, 血友病…). */
        specificDisease: z.boolean().optional(),
        /** 生活保護の医療扶助: care is paid by the 福祉事務所 (医療券 or 医療扶助のオンライン資格確認), not by insurance. */
        medicalAssistance: z.boolean().optional(),
        /** The patient asks to pay only up to the 自己負担限度額 (入院, costly treatment): 限度額 applies. */
        highCostLimit: z.boolean().optional(),
      })
      .strict(),
    documents: z.array(DocumentSchema).max(30),
  })
  .strict()
  .refine((s) => s.patient.birthDate <= s.date, {
    path: ['patient', 'birthDate'],
    message: 'birthDate is after the check date',
  });
export type Situation = z.infer<typeof SituationSchema>;

export const ReasonSchema = z.object({
  ruleId: z.string(),
  message: z.string(),
  messageEn: z.string(),
  /** First source of the rule, so a reason can always be traced. */
  source: z.string(),
  /** Every source of the rule, the first one included. */
  sources: z.array(z.string()).optional(),
  /** 'local' for the clinic's own practice rules (absent: national). */
  origin: z.enum(['national', 'local']).optional(),
});
export type Reason = z.infer<typeof ReasonSchema>;

export const VerdictSchema = z.object({
  decision: z.enum(DECISIONS),
  /** Alternatives: each a list of kinds that, added together, would complete the set. */
  missing: z.array(z.array(z.enum(DOCUMENT_KINDS))),
  /** With need_more: what to do when none of `missing` can be shown. */
  fallback: z.enum(FALLBACKS).optional(),
  /** Kinds to ask for as well (高齢受給者証, 公費…). */
  collect: z.array(z.enum(DOCUMENT_KINDS)),
  /** 一部負担金の割合 when it is known (1 = 10割). */
  burdenRatio: z.number().optional(),
  reasons: z.array(ReasonSchema).min(1),
  /** What staff say and do, in order (ja), with the English alongside. */
  nextSteps: z.array(z.string()),
  nextStepsEn: z.array(z.string()),
  rulebookVersion: z.string(),
  /**
   * For each alternative of `missing` (same order), what a kind in it must be: which マイナポータル
   * formats complete that alternative. Present only when an alternative holds a portal_screen.
   */
  missingDetails: z.array(z.object({ portalFormats: z.array(z.enum(PORTAL_FORMATS)).optional() })).optional(),
  /** Facts staff should check by hand before relying on the verdict (codes; the screens word them). */
  staffChecks: z.array(z.enum(STAFF_CHECKS)).optional(),
  /** No rule in force on the date covers this situation: nothing was decided (decision need_more, missing empty). */
  uncovered: z.literal(true).optional(),
});
export type Verdict = z.infer<typeof VerdictSchema>;
