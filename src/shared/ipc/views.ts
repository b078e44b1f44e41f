/**
 * What the screens see of the card, the OCR and the session: plain data, validated in main before
 * it leaves (so a bug can never send the renderer more than these fields — no address, no 個人番号).
 */
import { z } from 'zod';
import { OcrWarningSchema } from '../ocr/warnings.ts';
import { IsoDateSchema } from '../rules/effects.ts';
import { DocumentSchema } from '../rules/situation.ts';
import { DOCUMENT_KINDS } from '../rules/vocabulary.ts';
import { StaffSchema } from '../store/records.ts';

export const TOKEN_KINDS = [
  'mynumber_card',
  'juki_card',
  'android_phone',
  'iphone',
  'unknown_jpki',
  'not_jpki',
] as const;
/** Beside the facts, what the card says (main sends codes; the screens word them: card.warning.*). */
export const CARD_WARNINGS = [
  'not_jpki',
  'unknown_token',
  'juki_card',
  'auth_certificate_missing',
  'unknown_issuer',
  'invalid_signature',
  'not_yet_valid',
] as const;
/** The two PIN steps, one per key: 真正性 (利用者証明用, 0018) and 基本4情報 (券面事項入力補助用, 0011). */
export const PIN_STEPS = ['auth', 'basicInfo'] as const;
export const PIN_ERRORS = ['wrong_pin', 'last_try', 'blocked', 'not_available'] as const;
/** Why a read or a PIN step could not finish (card.errors.*). */
export const CARD_ERRORS = [
  'removed',
  'no_reader',
  'no_service',
  'gone',
  'timeout',
  'connect',
  'transmit',
  'no_card',
  'protocol',
  'response_too_long',
  'refused',
] as const;
const PinFailureSchema = z.object({ code: z.enum(PIN_ERRORS), triesLeft: z.number().int().optional() });

export const CardViewSchema = z.object({
  kind: z.enum(TOKEN_KINDS),
  certificateExpiry: IsoDateSchema.optional(),
  certificateStatus: z.enum(['valid', 'grace', 'expired']).optional(),
  graceUntil: IsoDateSchema.optional(),
  chain: z.enum(['trusted', 'unknown_issuer', 'invalid']).optional(),
  pinTriesLeft: z.object({ auth: z.number().nullable(), basicInfo: z.number().nullable() }),
  /** Only after a PIN check: the card signed a fresh challenge with a key certified by J-LIS. */
  genuine: z.boolean().optional(),
  /** 氏名・生年月日・性別 from the chip (PIN only). The address is never sent to the screens. */
  holder: z.object({ name: z.string(), birthDate: IsoDateSchema, sex: z.string() }).optional(),
  /** Per PIN step tried and not done; the other step's result stays. */
  pinErrors: z.object({ auth: PinFailureSchema.optional(), basicInfo: PinFailureSchema.optional() }).optional(),
  document: DocumentSchema.optional(),
  warnings: z.array(z.enum(CARD_WARNINGS)),
});
export type CardView = z.infer<typeof CardViewSchema>;

/** no_service: pcscd is not running (retried until it is); disabled: no card reader at this desk (no PC/SC context). */
export const READER_SERVICE_STATES = ['starting', 'running', 'no_service', 'disabled'] as const;

export const CardStateSchema = z.object({
  /** Increases with every change; `card:state` with `after` = seq waits for the next one. */
  seq: z.number().int(),
  service: z.enum(READER_SERVICE_STATES),
  readers: z.array(z.string()),
  card: z
    .object({
      reader: z.string(),
      /** A number per placement, so the screens can tell a new card from the same one read again. */
      placement: z.number().int(),
      phase: z.enum(['reading', 'ready', 'error']),
      status: CardViewSchema.optional(),
      error: z.enum(CARD_ERRORS).optional(),
    })
    .nullable(),
});
export type CardState = z.infer<typeof CardStateSchema>;

export const CardStateRequestSchema = z.object({ after: z.number().int().optional() }).strict().optional();

export const PinRequestSchema = z
  .object({
    placement: z.number().int(),
    /** Which key the PIN is for; each step has its own PIN, tries and confirmation. */
    step: z.enum(PIN_STEPS),
    pin: z.string().regex(/^[0-9]{4}$/, { message: 'the PIN has 4 digits' }),
    /** Staff confirmed an attempt with only one try left. */
    force: z.boolean(),
  })
  .strict();

/** One field read from paper: value as text (dates YYYY-MM-DD), with its confidence. */
export const SCAN_FIELDS = [
  'name',
  'birthDate',
  'sex',
  'insurerNumber',
  'insurerName',
  'symbol',
  'number',
  'branch',
  'issueDate',
  'expiry',
  'burdenRatio',
  'limitCategory',
  'specialMedicalExpense',
  // マイナンバーカード face: the 電子証明書の有効期限 (what the rules use) and the card's own.
  'certificateExpiry',
  'cardExpiry',
] as const;
export type ScanField = (typeof SCAN_FIELDS)[number];

/** The id main keeps a scan's redacted image under until a check keeps it or lets it go. */
export const ScanIdSchema = z.string().regex(/^s[0-9a-f]{16}$/);

export const ScanViewSchema = z.object({
  id: ScanIdSchema,
  kind: z.enum([...DOCUMENT_KINDS, 'mynumber_card', 'unknown']),
  confidence: z.number(),
  fields: z.partialRecord(z.enum(SCAN_FIELDS), z.union([z.string(), z.number(), z.boolean()])),
  fieldConfidence: z.partialRecord(z.enum(SCAN_FIELDS), z.number()),
  confirm: z.array(z.enum(SCAN_FIELDS)),
  /** Codes with parameters; the screens word them. */
  warnings: z.array(OcrWarningSchema),
  /** The prepared image with any 個人番号 blacked out, as a PNG data URL (downscaled). */
  image: z.string(),
  ms: z.number(),
});
export type ScanView = z.infer<typeof ScanViewSchema>;

/** An image from the camera or a file, base64 (no data: prefix). 40 MP PNGs stay well under this. */
export const ScanRequestSchema = z.object({ image: z.string().min(1).max(80_000_000) }).strict();

export const SessionSchema = z.object({
  staff: StaffSchema.nullable(),
  /** Staff accounts exist: the screens ask for a PIN and lock after idle. */
  hasStaff: z.boolean(),
});
export type Session = z.infer<typeof SessionSchema>;
