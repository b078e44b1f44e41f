/**
 * What the chip says about a card, for the rules and the screens: kind, certificate validity and
 * chain, PIN tries left, and — only with the patient's PIN — genuineness and the 基本4情報.
 */
import type { IsoDate } from '../../shared/domain/dates.ts';
import { endOfMonthAfter } from '../../shared/domain/dates.ts';
import type { PresentedDocument } from '../../shared/rules/situation.ts';
import { parseAuthCertificate, verifyChain, type ChainStatus, type TrustAnchor } from './certificate.ts';
import { EF } from './constants.ts';
import { identify, pinTries, proveGenuine, readAuthCertificate, readBasicInfo, selectJpki, selectKenhojo, verifyPin, type CardChannel, type TokenKind } from './mynumber.ts';
import type { BasicInfo } from './tlv.ts';

export type CertificateStatus = 'valid' | 'grace' | 'expired';

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
  /** The document for `evaluate`, when the card is one. */
  document?: PresentedDocument;
  warnings: string[];
}

export interface StatusOptions {
  anchors: readonly TrustAnchor[];
  today: IsoDate;
  /** R-07's grace in months after the end of the expiry month (from the active rulebook). */
  graceMonths: number;
  pin?: string;
  /** Staff confirmed a PIN attempt with only one try left. */
  force?: boolean;
}

function certificateStatus(expiry: IsoDate, today: IsoDate, graceMonths: number, smartphone: boolean): { status: CertificateStatus; graceUntil?: IsoDate } {
  if (today <= expiry) return { status: 'valid' };
  if (smartphone) return { status: 'expired' };
  const graceUntil = endOfMonthAfter(expiry, graceMonths);
  return today <= graceUntil ? { status: 'grace', graceUntil } : { status: 'expired', graceUntil };
}

/**
 * Reads the status. Without `pin` nothing PIN-protected is touched: the counters are read with
 * empty VERIFYs only. With `pin`, each PIN is tried only after its counter was read (see verifyPin).
 */
export async function readCardStatus(ch: CardChannel, opts: StatusOptions): Promise<CardStatus> {
  const warnings: string[] = [];
  const id = await identify(ch);
  const status: CardStatus = { kind: id.kind, pinTriesLeft: { auth: null, basicInfo: null }, warnings };
  if (id.label) status.tokenLabel = id.label;
  if (id.kind === 'not_jpki') {
    warnings.push('not a My Number Card: no 公的個人認証 application');
    return status;
  }
  const smartphone = id.kind === 'android_phone' || id.kind === 'iphone';

  status.pinTriesLeft.auth = await pinTries(ch, EF.jpki.authPin);
  // On a phone the certificate is released only after the PIN; on the card it is free to read.
  let certDer: Buffer | undefined;
  if (!smartphone) certDer = await readAuthCertificate(ch);
  if (id.kind === 'mynumber_card' && (await selectKenhojo(ch))) status.pinTriesLeft.basicInfo = await pinTries(ch, EF.kenhojo.pin);

  if (opts.pin !== undefined && smartphone) {
    await selectJpki(ch);
    await verifyPin(ch, EF.jpki.authPin, opts.pin, opts.force ?? false);
    certDer = await readAuthCertificate(ch);
  }

  if (certDer) {
    const cert = parseAuthCertificate(certDer);
    status.certificateNotAfter = cert.notAfter.toISOString();
    status.certificateExpiry = cert.expiryDate;
    const validity = certificateStatus(cert.expiryDate, opts.today, opts.graceMonths, smartphone);
    status.certificateStatus = validity.status;
    if (validity.graceUntil) status.graceUntil = validity.graceUntil;
    status.chain = verifyChain(cert, opts.anchors);
    if (status.chain === 'unknown_issuer') warnings.push('the certificate issuer is not among the known J-LIS roots (add the missing root with --ca)');
    if (status.chain === 'invalid') warnings.push('the certificate signature does not verify against the J-LIS root it names');
    if (cert.notBefore.getTime() > Date.parse(`${opts.today}T23:59:59+09:00`)) warnings.push('the certificate is not valid yet');

    if (opts.pin !== undefined && id.kind !== 'juki_card') {
      status.genuine = await proveGenuine(ch, cert.publicKey, opts.pin, opts.force ?? false);
      if (id.kind === 'mynumber_card') status.basicInfo = await readBasicInfo(ch, opts.pin, opts.force ?? false);
    }
  }

  if (status.chain !== 'invalid' && status.genuine !== false) {
    if (id.kind === 'mynumber_card') status.document = { kind: 'mynumber_card', ...(status.certificateExpiry ? { certificateExpiry: status.certificateExpiry } : {}) };
    else if (smartphone) status.document = { kind: 'smartphone_mynumber' };
  }
  if (id.kind === 'juki_card') warnings.push('住基カード: not usable as a health-insurance card');
  return ordered(status);
}

/** The documented field order, so the JSON reads top-down. */
function ordered(s: CardStatus): CardStatus {
  const { kind, tokenLabel, certificateNotAfter, certificateExpiry, certificateStatus, graceUntil, chain, pinTriesLeft, genuine, basicInfo, document, warnings } = s;
  return Object.fromEntries(
    Object.entries({ kind, tokenLabel, certificateNotAfter, certificateExpiry, certificateStatus, graceUntil, chain, pinTriesLeft, genuine, basicInfo, document, warnings }).filter(([, v]) => v !== undefined),
  ) as unknown as CardStatus;
}
