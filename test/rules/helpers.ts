/**
 * Shared fixtures for the rules tests: the real rulebook (loaded once) and a terse builder for
 * situations, so a scenario fits on one line.
 *
 * Defaults: 2026-11-22, a facility without online check and without smartphone reader, a
 * 協会けんぽ member aged 45, no documents.
 */
import { loadRulebook } from '../../src/main/rules/load.ts';
import { evaluate } from '../../src/main/rules/evaluate.ts';
import {
  SituationSchema,
  type PresentedDocument,
  type DocumentOf,
  type Situation,
  type Verdict,
} from '../../src/shared/rules/situation.ts';
import type { PortalFormat } from '../../src/shared/rules/effects.ts';
import type { InsurerType, OnlineCheck } from '../../src/shared/rules/vocabulary.ts';

export const book = loadRulebook(new URL('../../resources/rules/rulebook.json', import.meta.url).pathname);
export const RULE_IDS: ReadonlySet<string> = new Set(book.rules.map((r) => r.id));

export const DEFAULT_DATE = '2026-11-22';
/** 45 on 2026-11-22 (and a plain "general" adult on every date the tests use). */
export const BORN_45 = '1981-05-10';

export interface SitOpts {
  date?: string;
  online?: OnlineCheck;
  reader?: boolean;
  insurer?: InsurerType;
  birth?: string;
  dv?: boolean;
  residenceExpiry?: string;
  publicSubsidy?: boolean;
  specificDisease?: boolean;
  medicalAssistance?: boolean;
  highCostLimit?: boolean;
}

/** A situation: options first, then the documents shown. Validated against SituationSchema. */
export function sit(opts: SitOpts = {}, ...documents: PresentedDocument[]): Situation {
  const s: Situation = {
    date: opts.date ?? DEFAULT_DATE,
    facility: { onlineCheck: opts.online ?? 'unavailable', smartphoneReader: opts.reader ?? false },
    patient: {
      birthDate: opts.birth ?? BORN_45,
      insurerType: opts.insurer ?? 'kyokai',
      ...(opts.dv !== undefined ? { dvSupport: opts.dv } : {}),
      ...(opts.residenceExpiry !== undefined ? { residenceExpiry: opts.residenceExpiry } : {}),
      ...(opts.publicSubsidy !== undefined ? { publicSubsidy: opts.publicSubsidy } : {}),
      ...(opts.specificDisease !== undefined ? { specificDisease: opts.specificDisease } : {}),
      ...(opts.medicalAssistance !== undefined ? { medicalAssistance: opts.medicalAssistance } : {}),
      ...(opts.highCostLimit !== undefined ? { highCostLimit: opts.highCostLimit } : {}),
    },
    documents,
  };
  return SituationSchema.parse(s);
}

type Facts<K extends PresentedDocument['kind']> = Omit<DocumentOf<K>, 'kind'>;

export const card = (f: Facts<'mynumber_card'> = {}): PresentedDocument => ({ kind: 'mynumber_card', ...f });
export const phone = (): PresentedDocument => ({ kind: 'smartphone_mynumber' });
export const qc = (f: Facts<'qualification_certificate'> = {}): PresentedDocument => ({
  kind: 'qualification_certificate',
  ...f,
});
export const notice = (f: Facts<'qualification_notice'> = {}): PresentedDocument => ({
  kind: 'qualification_notice',
  ...f,
});
export const portal = (format: PortalFormat = 'screen', burdenRatio?: 0.1 | 0.2 | 0.3): PresentedDocument =>
  burdenRatio === undefined ? { kind: 'portal_screen', format } : { kind: 'portal_screen', format, burdenRatio };
export const legacy = (f: Facts<'legacy_insurance_card'> = {}): PresentedDocument => ({
  kind: 'legacy_insurance_card',
  ...f,
});
export const elderlyCert = (f: Facts<'elderly_recipient_certificate'> = {}): PresentedDocument => ({
  kind: 'elderly_recipient_certificate',
  ...f,
});
export const limitCert = (f: Facts<'limit_certificate'> = {}): PresentedDocument => ({
  kind: 'limit_certificate',
  ...f,
});
export const diseaseCert = (f: Facts<'specific_disease_certificate'> = {}): PresentedDocument => ({
  kind: 'specific_disease_certificate',
  ...f,
});
export const subsidyCert = (f: Facts<'public_subsidy_certificate'> = {}): PresentedDocument => ({
  kind: 'public_subsidy_certificate',
  ...f,
});

/** Evaluates against the real rulebook. */
export const run = (s: Situation): Verdict => evaluate(s, book);

export const ruleIdsOf = (v: Verdict): string[] => v.reasons.map((r) => r.ruleId);
