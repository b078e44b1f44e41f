/**
 * What the check log, the settings and the staff accounts hold, shared by the store (main), the
 * IPC contract and the screens. Validated with zod on the way into the store: the renderer is
 * untrusted, and a 12-digit 個人番号 must never reach a column even by mistake.
 */
import { z } from 'zod';
import { IsoDateSchema } from '../rules/effects.ts';
import { DECISIONS, DOCUMENT_KINDS, FACILITY_MODES, FALLBACKS, INSURER_TYPES } from '../rules/vocabulary.ts';

/** A run of exactly 12 digits (half- or full-width, spaces allowed between groups) is a 個人番号 candidate. */
const PERSONAL_NUMBER_LIKE = /(?<![0-9０-９])(?:[0-9０-９][\s-]?){11}[0-9０-９](?![0-9０-９])/u;
const noPersonalNumber = (s: string): boolean => !PERSONAL_NUMBER_LIKE.test(s);
const SafeText = (max: number) =>
  z.string().max(max).refine(noPersonalNumber, { message: 'looks like a 12-digit 個人番号, which is never stored' });

export const FacilityProfileSchema = z
  .object({
    onlineCheck: z.enum(FACILITY_MODES),
    smartphoneReader: z.boolean(),
  })
  .strict();
export type FacilityProfile = z.infer<typeof FacilityProfileSchema>;

export const DOCUMENT_SOURCES = ['card', 'ocr', 'manual'] as const;

/** The fields a document contributed to the decision (expiry, burdenRatio, insurerNumber, 記号・番号…). */
export const CheckDocumentSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    source: z.enum(DOCUMENT_SOURCES),
    fields: z.record(z.string().max(40), z.union([SafeText(200), z.number(), z.boolean()])),
  })
  .strict();
export type CheckDocument = z.infer<typeof CheckDocumentSchema>;

/** Where a check's documents disagreed (codes and fields only: the values are on the documents). */
export const ContradictionsLogSchema = z
  .object({
    found: z.array(z.object({ code: z.string().max(40), field: z.string().max(40) }).strict()).max(50),
    /** Staff confirmed they checked the documents before finishing. */
    confirmed: z.boolean(),
  })
  .strict();

export const NewCheckSchema = z
  .object({
    /** When the check finished (ISO instant). */
    at: z.iso.datetime({ offset: true }),
    /** The date the rules were applied for (Japan). */
    checkDate: IsoDateSchema,
    /** The signed-in staff member's id, or null when the kiosk runs without accounts. */
    staffId: z.number().int().positive().nullable(),
    facility: FacilityProfileSchema,
    patient: z
      .object({
        name: SafeText(100).optional(),
        birthDate: IsoDateSchema,
        insurerType: z.enum(INSURER_TYPES),
      })
      .strict(),
    documents: z.array(CheckDocumentSchema).max(30),
    verdict: z
      .object({
        decision: z.enum(DECISIONS),
        fallback: z.enum(FALLBACKS).optional(),
        burdenRatio: z.number().optional(),
        ruleIds: z.array(z.string().max(20)).max(100),
      })
      .strict(),
    rulebookVersion: z.string().max(100),
    appVersion: z.string().max(40),
    note: SafeText(500).optional(),
    /**
     * Where the documents disagreed (codes and fields only: the values are on the documents) and
     * whether staff confirmed they checked it before finishing.
     */
    contradictions: ContradictionsLogSchema.optional(),
  })
  .strict();
export type NewCheck = z.infer<typeof NewCheckSchema>;

export const CheckEntrySchema = NewCheckSchema.extend({
  id: z.number().int().positive(),
  staffName: z.string().nullable(),
  /** This entry's link in the tamper-evident chain (hex). */
  hash: z.string(),
});
export type CheckEntry = z.infer<typeof CheckEntrySchema>;

export const CheckQuerySchema = z
  .object({
    /** One day (Japan), e.g. today. */
    date: IsoDateSchema.optional(),
    /** Substring of the name, spaces ignored. */
    name: z.string().min(1).max(100).optional(),
    birthDate: IsoDateSchema.optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type CheckQuery = z.infer<typeof CheckQuerySchema>;

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const SettingsSchema = z
  .object({
    facilityName: z.string().max(100),
    facility: FacilityProfileSchema,
    language: z.enum(LANGUAGES),
    /** Preferred PC/SC reader name; null = the first one with a card. */
    readerName: z.string().max(200).nullable(),
    /** No card reader at this desk: PC/SC is never opened (cards stay free for other programs). */
    noCardReader: z.boolean(),
    /** MediaDeviceInfo.deviceId of the document camera; null = the default camera. */
    cameraId: z.string().max(200).nullable(),
    /** Full-screen kiosk window (Electron). */
    kiosk: z.boolean(),
    retentionYears: z.number().int().min(1).max(10),
    /** Redacted document images are kept this many days; 0 = never kept. */
    keepImagesDays: z.number().int().min(0).max(90),
    /** Screens lock after this many idle minutes when staff accounts exist. */
    idleLockMinutes: z.number().int().min(1).max(120),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  facilityName: '',
  facility: { onlineCheck: 'unavailable', smartphoneReader: false },
  language: 'ja',
  readerName: null,
  noCardReader: false,
  cameraId: null,
  kiosk: false,
  retentionYears: 3,
  keepImagesDays: 0,
  idleLockMinutes: 5,
};

export const ROLES = ['staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const StaffSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1).max(60),
  role: z.enum(ROLES),
});
export type Staff = z.infer<typeof StaffSchema>;

/** Staff PINs: 4–8 digits. Never stored in clear, never logged. */
export const StaffPinSchema = z.string().regex(/^[0-9]{4,8}$/, { message: 'PIN must be 4–8 digits' });
