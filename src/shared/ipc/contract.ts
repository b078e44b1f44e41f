/**
 * The typed contract between the renderer and the main-process services: channel → request and
 * response schemas. Main validates every request with these schemas (the renderer is untrusted);
 * the preload and the browser bridge expose exactly these channels as named functions.
 */
import { STORE_PROBLEM_CODES, type ErrorCode, type ErrorParams } from './errors.ts';
import { z } from 'zod';
import {
  HandoffExtrasSchema,
  HandoffResultSchema,
  OrcaSettingsSchema,
  OrcaSettingsViewSchema,
} from '../handoff/handoff.ts';
import { IsoDateSchema } from '../rules/effects.ts';
import { RulesOverviewSchema, RulesQuerySchema } from '../rules/overview.ts';
import { DraftSituationSchema, DraftVerdictSchema } from '../rules/draft-situation.ts';
import { SituationSchema, VerdictSchema } from '../rules/situation.ts';
import {
  CheckDocumentSchema,
  CheckEntrySchema,
  ContradictionsLogSchema,
  CheckQuerySchema,
  ROLES,
  SettingsSchema,
  StaffPinSchema,
  StaffSchema,
} from '../store/records.ts';
import { API_METHODS, type ApiMethod, type Channel } from './channels.ts';
import {
  CardStateRequestSchema,
  CardStateSchema,
  CardViewSchema,
  PinRequestSchema,
  ScanIdSchema,
  ScanRequestSchema,
  ScanViewSchema,
  SessionSchema,
} from './views.ts';

export const AppInfoSchema = z.object({
  appVersion: z.string(),
  rulebookVersion: z.string(),
  mode: z.enum(['electron', 'browser']),
  /** Today in Japan, the date checks are made for. */
  today: IsoDateSchema,
  /** The check log: 'read_only' with a one-line problem when it cannot be written. */
  store: z.object({
    mode: z.enum(['normal', 'read_only']),
    problem: z.string().optional(),
    problemCode: z.enum(STORE_PROBLEM_CODES).optional(),
  }),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const FinishCheckSchema = z
  .object({
    situation: SituationSchema,
    /** Where each document came from and the fields used (same order as situation.documents). */
    documents: z.array(CheckDocumentSchema).max(30),
    patientName: z.string().max(100).optional(),
    /** The scans whose redacted images this check keeps (main holds them by id until now). */
    imageIds: z.array(ScanIdSchema).max(30).optional(),
    /** Where the documents disagree (codes and fields), and whether staff confirmed they checked. */
    contradictions: ContradictionsLogSchema.optional(),
  })
  .strict();

export const FinishResultSchema = z.object({
  /** null when the log could not be written (the verdict still stands; `problem` says why). */
  id: z.number().nullable(),
  verdict: VerdictSchema,
  problem: z.string().optional(),
  /** What the screens word (`problem` is the English detail). */
  problemCode: z.enum(STORE_PROBLEM_CODES).optional(),
});

const None = z.undefined();
const Ok = z.null();

export const CONTRACT = {
  'app:info': { request: None, response: AppInfoSchema },
  'rules:evaluate': { request: SituationSchema, response: VerdictSchema },
  'rules:evaluateDraft': { request: DraftSituationSchema, response: DraftVerdictSchema },
  'rules:overview': { request: RulesQuerySchema, response: RulesOverviewSchema },
  'card:state': { request: CardStateRequestSchema, response: CardStateSchema },
  'card:verifyPin': { request: PinRequestSchema, response: CardViewSchema },
  'ocr:scan': { request: ScanRequestSchema, response: ScanViewSchema },
  'ocr:discard': { request: z.object({ ids: z.array(ScanIdSchema).max(100) }).strict(), response: Ok },
  'check:finish': { request: FinishCheckSchema, response: FinishResultSchema },
  'log:search': { request: CheckQuerySchema, response: z.array(CheckEntrySchema) },
  'log:export': {
    request: z.object({ date: IsoDateSchema.optional(), unmasked: z.boolean().optional() }).strict(),
    response: z.object({ filename: z.string(), csv: z.string() }),
  },
  'log:deletePatient': {
    request: z.object({ name: z.string().min(1).max(100), birthDate: IsoDateSchema }).strict(),
    response: z.object({ deleted: z.number() }),
  },
  'settings:get': { request: None, response: SettingsSchema },
  'settings:save': { request: SettingsSchema, response: SettingsSchema },
  'session:get': { request: None, response: SessionSchema },
  'staff:list': { request: None, response: z.array(StaffSchema) },
  'staff:signIn': {
    request: z.object({ staffId: z.number().int(), pin: StaffPinSchema }).strict(),
    response: SessionSchema,
  },
  'staff:signOut': { request: None, response: Ok },
  'staff:add': {
    request: z.object({ name: z.string().trim().min(1).max(60), role: z.enum(ROLES), pin: StaffPinSchema }).strict(),
    response: StaffSchema,
  },
  'orca:settings': { request: None, response: OrcaSettingsViewSchema },
  'orca:saveSettings': {
    // password: absent keeps the kept one, '' removes it.
    request: z.object({ settings: OrcaSettingsSchema, password: z.string().max(200).optional() }).strict(),
    response: OrcaSettingsViewSchema,
  },
  'orca:handoff': {
    request: z
      .object({ entryId: z.number().int().positive(), via: z.enum(['http', 'file']), extras: HandoffExtrasSchema })
      .strict(),
    response: HandoffResultSchema,
  },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type { Channel };
export const CHANNELS = Object.keys(CONTRACT) as Channel[];
export type RequestOf<C extends Channel> = z.input<(typeof CONTRACT)[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<(typeof CONTRACT)[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<(typeof CONTRACT)[C]['response']>;

/** Every call answers with an envelope: errors cross the boundary as one clear message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; code?: ErrorCode; params?: ErrorParams };

type MethodChannel<M extends ApiMethod> = (typeof API_METHODS)[M];

/**
 * What the renderer sees as `window.uketsuke` (Electron) or through the browser bridge: one
 * function per channel, derived from the contract so the two sides cannot drift.
 */
export type UketsukeApi = {
  [M in ApiMethod]: RequestOf<MethodChannel<M>> extends undefined
    ? () => Promise<ResponseOf<MethodChannel<M>>>
    : undefined extends RequestOf<MethodChannel<M>>
      ? (request?: RequestOf<MethodChannel<M>>) => Promise<ResponseOf<MethodChannel<M>>>
      : (request: RequestOf<MethodChannel<M>>) => Promise<ResponseOf<MethodChannel<M>>>;
};

export { API_METHODS };
