/**
 * The 利用者証明用電子証明書: validity and chain verification against the J-LIS roots.
 *
 * All JPKI root generations share one subject DN, so a root is chosen by key identifier
 * (AKI of the certificate = SKI of the root) and confirmed by signature, never by name
 * (shared/jpki-ca/README.md). Revocation cannot be checked offline.
 */
import { X509Certificate as NodeX509 } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier,
  Certificate,
  SubjectKeyIdentifier,
  id_ce_authorityKeyIdentifier,
  id_ce_subjectKeyIdentifier,
} from '@peculiar/asn1-x509';

export type ChainStatus = 'trusted' | 'unknown_issuer' | 'invalid';

export interface TrustAnchor {
  cert: NodeX509;
  keyId: string | undefined;
  /** Where it came from (bundled file or operator-added file), for the log and the screen. */
  origin: string;
}

export class CertificateError extends Error {
  override name = 'CertificateError';
}

const PEM_RE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function keyIdOf(der: Buffer, which: 'subject' | 'authority'): string | undefined {
  const cert = AsnConvert.parse(der, Certificate);
  const oid = which === 'subject' ? id_ce_subjectKeyIdentifier : id_ce_authorityKeyIdentifier;
  const ext = cert.tbsCertificate.extensions?.find((e) => e.extnID === oid);
  if (!ext) return undefined;
  const raw = ext.extnValue.buffer;
  const id =
    which === 'subject'
      ? AsnConvert.parse(raw, SubjectKeyIdentifier).buffer
      : AsnConvert.parse(raw, AuthorityKeyIdentifier).keyIdentifier?.buffer;
  return id ? Buffer.from(id).toString('hex') : undefined;
}

/** Reads every certificate of a PEM (or DER) file as a trust anchor. */
export function loadTrustAnchors(path: string): TrustAnchor[] {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (e) {
    throw new CertificateError(`cannot read CA file ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const text = raw.toString('latin1');
  const blocks = text.includes('-----BEGIN CERTIFICATE-----') ? (text.match(PEM_RE) ?? []) : [raw];
  if (blocks.length === 0) throw new CertificateError(`${path}: no certificate found`);
  return blocks.map((b) => {
    try {
      const cert = new NodeX509(b);
      if (!cert.ca) throw new CertificateError(`${path}: not a CA certificate`);
      return { cert, keyId: keyIdOf(cert.raw, 'subject'), origin: path };
    } catch (e) {
      if (e instanceof CertificateError) throw e;
      throw new CertificateError(`${path}: not a readable X.509 certificate`);
    }
  });
}

export interface ParsedAuthCertificate {
  der: Buffer;
  notBefore: Date;
  notAfter: Date;
  /** notAfter as a calendar date in Japan (JPKI certificates end at 23:59:59 JST). */
  expiryDate: string;
  publicKey: NodeX509['publicKey'];
  authorityKeyId: string | undefined;
  node: NodeX509;
}

export function parseAuthCertificate(der: Buffer): ParsedAuthCertificate {
  let node: NodeX509;
  let notBefore: Date;
  let notAfter: Date;
  try {
    node = new NodeX509(der);
    const validity = AsnConvert.parse(der, Certificate).tbsCertificate.validity;
    notBefore = validity.notBefore.getTime();
    notAfter = validity.notAfter.getTime();
  } catch {
    throw new CertificateError('the certificate on the card is not a readable X.509 certificate');
  }
  const jst = new Date(notAfter.getTime() + 9 * 3600_000);
  return {
    der,
    notBefore,
    notAfter,
    expiryDate: jst.toISOString().slice(0, 10),
    publicKey: node.publicKey,
    authorityKeyId: keyIdOf(der, 'authority'),
    node,
  };
}

/**
 * trusted — signed by an anchor whose key identifier matches; invalid — an anchor with that key
 * identifier exists but the signature does not verify (forged or damaged); unknown_issuer — no
 * anchor carries that key (e.g. the 2019 generation, until an operator adds it).
 */
export function verifyChain(cert: ParsedAuthCertificate, anchors: readonly TrustAnchor[]): ChainStatus {
  const byKey = cert.authorityKeyId ? anchors.filter((a) => a.keyId === cert.authorityKeyId) : [];
  const candidates =
    byKey.length > 0 ? byKey : anchors.filter((a) => a.keyId === undefined || cert.authorityKeyId === undefined);
  for (const a of candidates) {
    if (cert.node.checkIssued(a.cert) && cert.node.verify(a.cert.publicKey)) return 'trusted';
  }
  return byKey.length > 0 ? 'invalid' : 'unknown_issuer';
}
