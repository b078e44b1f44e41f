/**
 * The hand-off of a finished check to the レセコン (ORCA's patientmodv2), shared by main, the
 * screens and the CLI: what staff may add that the log lacks, the ORCA connection settings, and
 * the outcome as a code with parameters (the screens' catalogues turn codes into words).
 */
import { z } from 'zod';
import { IsoDateSchema } from '../rules/effects.ts';

/** patientmodv2 `class`: 01 register a new patient, 02 modify, 04 add insurance to a patient with none. */
export const ORCA_CLASSES = ['01', '02', '04'] as const;
export type OrcaClass = (typeof ORCA_CLASSES)[number];

export const SEXES = ['1', '2'] as const;
/** 1 本人 / 2 家族 (RelationToInsuredPerson). */
export const RELATIONS = ['1', '2'] as const;

/** A 12-digit run is a 個人番号 candidate: never accepted anywhere in a hand-off. */
const NO_PERSONAL_NUMBER = /(?<![0-9０-９])(?:[0-9０-９][\s-]?){11}[0-9０-９](?![0-9０-９])/u;
const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !NO_PERSONAL_NUMBER.test(s), { message: 'looks like a 12-digit 個人番号, which is never sent' });

export const PublicSubsidySchema = z
  .object({
    /** ORCA's 公費の種類 (3 digits), when staff know it; otherwise ORCA asks. */
    orcaClass: z
      .string()
      .regex(/^\d{3}$/)
      .optional(),
    /** 公費負担者番号 (8 digits). */
    payerNumber: z.string().regex(/^\d{8}$/),
    /** 公費受給者番号 (7 digits; none for some 公費). */
    recipientNumber: z
      .string()
      .regex(/^\d{1,7}$/)
      .optional(),
    issueDate: IsoDateSchema.optional(),
    expiry: IsoDateSchema.optional(),
  })
  .strict();
export type PublicSubsidy = z.infer<typeof PublicSubsidySchema>;

/** What staff fill in at hand-off time because the check log does not keep it. */
export const HandoffExtrasSchema = z
  .object({
    orcaClass: z.enum(ORCA_CLASSES).default('01'),
    /** ORCA's 患者番号; none (`*`) lets ORCA number a new patient. */
    patientId: z
      .string()
      .regex(/^\d{1,20}$/)
      .optional(),
    sex: z.enum(SEXES).optional(),
    relation: z.enum(RELATIONS).optional(),
    kana: Text(100).optional(),
    publicSubsidies: z.array(PublicSubsidySchema).max(4).optional(),
  })
  .strict();
export type HandoffExtras = z.input<typeof HandoffExtrasSchema>;

/** Off by default; the password is never here (the OS keyring keeps it). */
export const OrcaSettingsSchema = z
  .object({
    enabled: z.boolean(),
    /** e.g. http://192.168.1.10:8000 (WebORCA: https://…/api). */
    url: z
      .string()
      .trim()
      .max(300)
      .refine((u) => u === '' || /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(u), {
        message: 'the ORCA address must start with http:// or https://',
      }),
    user: z.string().trim().max(100),
    timeoutSeconds: z.number().int().min(1).max(120),
  })
  .strict();
export type OrcaSettings = z.infer<typeof OrcaSettingsSchema>;

export const DEFAULT_ORCA_SETTINGS: OrcaSettings = { enabled: false, url: '', user: '', timeoutSeconds: 15 };

export const OrcaSettingsViewSchema = OrcaSettingsSchema.extend({ passwordSet: z.boolean() });
export type OrcaSettingsView = z.infer<typeof OrcaSettingsViewSchema>;

/**
 * Why a request was built with a caution staff should read (the request still goes):
 * - rate_not_expressible: a 2割 高齢者 ratio — patientmodv2's Rate_Class has no 2割; set it in ORCA.
 * - branch_not_for_kouki: 後期高齢者医療 has no 枝番; it was left out.
 * - name_outside_jis0208 / kana_missing: ORCA stores JIS X 0208 only; such a name needs the カナ.
 * - public_class_missing: a 公費 without ORCA's 種類 code; choose it in ORCA.
 * - relation_unknown: 本人/家族 not known; ORCA's default (本人) applies.
 * - sex_unknown: 性別 not known; ORCA will ask.
 * - insurer_number_check_digit: the 保険者番号's 検証番号 does not match.
 */
export const REQUEST_WARNINGS = [
  'rate_not_expressible',
  'branch_not_for_kouki',
  'name_outside_jis0208',
  'kana_missing',
  'public_class_missing',
  'relation_unknown',
  'sex_unknown',
  'insurer_number_check_digit',
] as const;
export type RequestWarning = (typeof REQUEST_WARNINGS)[number];

/** Why no request can be built at all. */
export const REQUEST_PROBLEMS = ['no_insurance_numbers', 'no_name', 'patient_id_required', 'not_a_check'] as const;
export type RequestProblem = (typeof REQUEST_PROBLEMS)[number];

/**
 * How a hand-off ended: ok (Api_Result 00), warnings (00 with Api_Warning_Message…), api_error
 * (ORCA refused: its code and message), unauthorized (401), timeout, refused (nothing listens),
 * unreachable (no route, DNS), http_error (another status), bad_response (not ORCA's XML),
 * not_configured (ORCA off or no address), no_password, not_built (see problems), saved (file).
 */
export const HANDOFF_CODES = [
  'ok',
  'warnings',
  'api_error',
  'unauthorized',
  'timeout',
  'refused',
  'unreachable',
  'http_error',
  'bad_response',
  'not_configured',
  'no_password',
  'not_built',
  'saved',
] as const;
export type HandoffCode = (typeof HANDOFF_CODES)[number];

export const HandoffResultSchema = z.object({
  code: z.enum(HANDOFF_CODES),
  via: z.enum(['http', 'file']),
  /** ORCA's Api_Result and Api_Result_Message, as ORCA sent them. */
  apiResult: z.string().max(10).optional(),
  apiMessage: z.string().max(500).optional(),
  /** ORCA's Api_Warning_Message… texts. */
  apiWarnings: z.array(z.string().max(500)).max(10),
  /** Our own cautions about the request. */
  requestWarnings: z.array(z.enum(REQUEST_WARNINGS)),
  problems: z.array(z.enum(REQUEST_PROBLEMS)),
  httpStatus: z.number().int().optional(),
  patientId: z.string().max(20).optional(),
  /** For `file`: the XML to save and its name. */
  filename: z.string().max(200).optional(),
  xml: z.string().max(200_000).optional(),
  /** False when the log could not record that the hand-off happened (the hand-off itself stands). */
  logged: z.boolean(),
});
export type HandoffResult = z.infer<typeof HandoffResultSchema>;
