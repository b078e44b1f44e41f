/**
 * What the chip says about a card, for the rules and the screens: kind, certificate validity and
 * chain, PIN tries left, and — only with the patient's PIN — genuineness and the 基本4情報.
 */
import type { IsoDate } from '../../shared/domain/dates.ts';
import { endOfMonthAfter } from '../../shared/domain/dates.ts';
import type { CARD_WARNINGS } from '../../shared/ipc/views.ts';
import type { PresentedDocument } from '../../shared/rules/situation.ts';
import { parseAuthCertificate, verifyChain, type ChainStatus, type TrustAnchor } from './certificate.ts';
import { EF } from './constants.ts';
import {
  identify,
  PinError,
  pinTries,
  proveGenuine,
  readAuthCertificate,
  readAuthCertificateIfPresent,
  readBasicInfo,
  selectJpki,
  selectKenhojo,
  verifyPin,
  type CardChannel,
  type PinStep,
  type TokenKind,
} from './mynumber.ts';
import type { BasicInfo } from './tlv.ts';

export type CertificateStatus = 'valid' | 'grace' | 'expired';

/**
 * What the card says beside the facts, as codes (the screens and the CLI word them):
 * not_jpki — no 公的個人認証 application; unknown_token — a JPKI token label this app does not know;
 * juki_card — a 住基カード, not usable as a health-insurance card; auth_certificate_missing — no
 * 利用者証明用電子証明書 on the card; unknown_issuer / invalid_signature / not_yet_valid — the certificate.
 */
export type CardWarning = (typeof CARD_WARNINGS)[number];

/** A PIN step that did not succeed; the other step's result stands. */
export interface PinFailure {
  code: PinError['code'];
  triesLeft?: number;
}

export interface CardStatus {
  kind: TokenKind;
  tokenLabel?: string;
  /** notAfter of the 利用者証明用電子証明書 (ISO instant) and as a date in Japan. */
  certificateNotAfter?: string;
  certificateExpiry?: IsoDate;
  certificateStatus?: CertificateStatus;
  /** Last day of the grace period (physical card only, R-07). */
  graceUntil?: IsoDate;
  chain?: ChainStatus;
  pinTriesLeft: { auth: number | null; basicInfo: number | null };
  genuine?: boolean;
  basicInfo?: BasicInfo;
  /** Per PIN step asked for and not done: why (wrong PIN, last try unconfirmed, blocked, no such key). */
  pinErrors?: Partial<Record<PinStep, PinFailure>>;
  /** The document for `evaluate`, when the card is one. */
  document?: PresentedDocument;
  warnings: CardWarning[];
}

export interface StatusOptions {
  anchors: readonly TrustAnchor[];
  today: IsoDate;
  /** R-07's grace in months after the end of the expiry month (from the active rulebook). */
  graceMonths: number;
  /**
   * The patient's PINs, one per step: `auth` (利用者証明用, key 0018) proves genuineness,
   * `basicInfo` (券面事項入力補助用, key 0011) reads the 基本4情報. A step without its PIN is not run.
   */
  pins?: Partial<Record<PinStep, string>>;
  /** Staff confirmed the attempt with only one try left, per step. */
  force?: Partial<Record<PinStep, boolean>>;
}

function certificateStatus(
  expiry: IsoDate,
  today: IsoDate,
  graceMonths: number,
  smartphone: boolean,
): { status: CertificateStatus; graceUntil?: IsoDate } {
  if (today <= expiry) return { status: 'valid' };
  if (smartphone) return { status: 'expired' };
  const graceUntil = endOfMonthAfter(expiry, graceMonths);
  return today <= graceUntil ? { status: 'grace', graceUntil } : { status: 'expired', graceUntil };
}

/**
 * Reads the status. Without PINs nothing PIN-protected is touched: the counters are read with
 * empty VERIFYs only. Each PIN step runs only with its own PIN, right after its own counter read
 * (see verifyPin); a step that fails is reported in `pinErrors` and leaves the other's result.
 */
export async function readCardStatus(ch: CardChannel, opts: StatusOptions): Promise<CardStatus> {
  const warnings: CardWarning[] = [];
  const id = await identify(ch);
  const status: CardStatus = { kind: id.kind, pinTriesLeft: { auth: null, basicInfo: null }, warnings };
  if (id.label) status.tokenLabel = id.label;
  if (id.kind === 'not_jpki') {
    warnings.push('not_jpki');
    return status;
  }
  if (id.kind === 'unknown_jpki') warnings.push('unknown_token');
  if (id.kind === 'juki_card') warnings.push('juki_card');
  const smartphone = id.kind === 'android_phone' || id.kind === 'iphone';
  const pins = opts.pins ?? {};
  const failed = (step: PinStep, e: unknown) => {
    if (!(e instanceof PinError)) throw e;
    status.pinErrors = {
      ...status.pinErrors,
      [step]: { code: e.code, ...(e.triesLeft !== undefined ? { triesLeft: e.triesLeft } : {}) },
    };
    if (e.triesLeft !== undefined) status.pinTriesLeft[step] = e.triesLeft;
  };

  status.pinTriesLeft.auth = await pinTries(ch, EF.jpki.authPin);
  // On a phone the certificate is released only after the PIN; on the card it is free to read. A
  // card without it (a 住基カード holding only the signing certificate) is still named.
  let certDer: Buffer | undefined;
  if (!smartphone) {
    certDer = await readAuthCertificateIfPresent(ch);
    if (!certDer) warnings.push('auth_certificate_missing');
  }
  if (id.kind === 'mynumber_card' && (await selectKenhojo(ch)))
    status.pinTriesLeft.basicInfo = await pinTries(ch, EF.kenhojo.pin);

  if (pins.auth !== undefined && smartphone) {
    try {
      await selectJpki(ch);
      await verifyPin(ch, EF.jpki.authPin, pins.auth, opts.force?.auth ?? false);
      certDer = await readAuthCertificate(ch);
    } catch (e) {
      failed('auth', e);
    }
  }

  if (certDer) {
    const cert = parseAuthCertificate(certDer);
    status.certificateNotAfter = cert.notAfter.toISOString();
    status.certificateExpiry = cert.expiryDate;
    const validity = certificateStatus(cert.expiryDate, opts.today, opts.graceMonths, smartphone);
    status.certificateStatus = validity.status;
    if (validity.graceUntil) status.graceUntil = validity.graceUntil;
    status.chain = verifyChain(cert, opts.anchors);
    if (status.chain === 'unknown_issuer') warnings.push('unknown_issuer');
    if (status.chain === 'invalid') warnings.push('invalid_signature');
    if (cert.notBefore.getTime() > Date.parse(`${opts.today}T23:59:59+09:00`)) warnings.push('not_yet_valid');

    if (pins.auth !== undefined && id.kind !== 'juki_card' && !status.pinErrors?.auth) {
      try {
        status.genuine = await proveGenuine(ch, cert.publicKey, pins.auth, opts.force?.auth ?? false);
      } catch (e) {
        failed('auth', e);
      }
    }
  }
  if (pins.auth !== undefined && status.genuine === undefined && !status.pinErrors?.auth)
    status.pinErrors = { ...status.pinErrors, auth: { code: 'not_available' } };
  if (pins.basicInfo !== undefined) {
    if (id.kind !== 'mynumber_card') status.pinErrors = { ...status.pinErrors, basicInfo: { code: 'not_available' } };
    else {
      try {
        status.basicInfo = await readBasicInfo(ch, pins.basicInfo, opts.force?.basicInfo ?? false);
      } catch (e) {
        failed('basicInfo', e);
      }
    }
  }
  // A correct PIN resets its counter to the maximum (3 for both keys).
  if (status.genuine !== undefined) status.pinTriesLeft.auth = 3;
  if (status.basicInfo) status.pinTriesLeft.basicInfo = 3;

  if (status.chain !== 'invalid' && status.genuine !== false) {
    if (id.kind === 'mynumber_card')
      status.document = {
        kind: 'mynumber_card',
        ...(status.certificateExpiry ? { certificateExpiry: status.certificateExpiry } : {}),
      };
    else if (smartphone) status.document = { kind: 'smartphone_mynumber' };
  }
  return ordered(status);
}

/** The documented field order, so the JSON reads top-down. */
const FIELD_ORDER = [
  'kind',
  'tokenLabel',
  'certificateNotAfter',
  'certificateExpiry',
  'certificateStatus',
  'graceUntil',
  'chain',
  'pinTriesLeft',
  'genuine',
  'basicInfo',
  'pinErrors',
  'document',
  'warnings',
] as const satisfies readonly (keyof CardStatus)[];

function ordered(s: CardStatus): CardStatus {
  return Object.fromEntries(
    FIELD_ORDER.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]),
  ) as unknown as CardStatus;
}
