/**
 * A test PKI that mimics the JPKI user-authentication profile (RSA-2048, sha256WithRSA, the J-LIS
 * DN) so that virtual cards carry realistic certificates. Generated at run time: the real J-LIS
 * roots have no private keys here and are never used to sign anything.
 */
import 'reflect-metadata';
import { createPrivateKey, randomBytes, webcrypto, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export const JPKI_AUTH_DN =
  'C=JP, O=JPKI, OU=JPKI for user authentication, OU=Japan Agency for Local Authority Information Systems';
const ALG = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

export interface KeyPair {
  keys: webcrypto.CryptoKeyPair;
  /** The private key for node:crypto (the virtual card signs with privateEncrypt). */
  privateKey: KeyObject;
}

const keyCache = new Map<string, Promise<KeyPair>>();
/** RSA-2048 generation is slow: one key per name per process. */
export function keyPair(name: string): Promise<KeyPair> {
  let p = keyCache.get(name);
  if (!p) {
    p = (async () => {
      const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
      const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
      return { keys, privateKey: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }) };
    })();
    keyCache.set(name, p);
  }
  return p;
}

export interface TestCa {
  cert: x509.X509Certificate;
  der: Buffer;
  pem: string;
  key: KeyPair;
}

const caCache = new Map<string, Promise<TestCa>>();
/** A self-signed root with the JPKI DN. Two different names give two roots with the same DN. */
export function testRoot(name = 'test-root'): Promise<TestCa> {
  let p = caCache.get(name);
  if (!p) {
    p = (async () => {
      const key = await keyPair(name);
      const cert = await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: randomBytes(4)
          .toString('hex')
          .replace(/^[89a-f]/, '1'),
        name: JPKI_AUTH_DN,
        notBefore: new Date('2023-07-16T01:01:04Z'),
        notAfter: new Date('2033-07-15T14:59:59Z'),
        keys: key.keys,
        signingAlgorithm: ALG,
        extensions: [
          new x509.BasicConstraintsExtension(true, undefined, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
          await x509.SubjectKeyIdentifierExtension.create(key.keys.publicKey),
        ],
      });
      return { cert, der: Buffer.from(cert.rawData), pem: cert.toString('pem'), key };
    })();
    caCache.set(name, p);
  }
  return p;
}

export function writeCaPem(ca: TestCa, path: string): string {
  writeFileSync(path, ca.pem + '\n');
  return path;
}

export interface AuthCertOptions {
  issuer?: TestCa;
  /** Sign with this CA's key but claim `issuer`'s name and key id (a forged certificate). */
  forgeWith?: TestCa;
  /** Calendar date in Japan of the last valid day; the certificate ends 23:59:59 JST. */
  expiry?: string;
  notBefore?: string;
  holderKey?: string;
}

/**
 * A 利用者証明用電子証明書: subject `C=JP, CN=<opaque id>` (no name or address), RSA-2048,
 * with the extensions of the real profile and padded to about the real size (~1.5 kB).
 */
export async function authCertificate(opts: AuthCertOptions = {}): Promise<{ der: Buffer; holder: KeyPair }> {
  const issuer = opts.issuer ?? (await testRoot());
  const signer = opts.forgeWith ?? issuer;
  const holder = await keyPair(opts.holderKey ?? 'holder');
  const expiry = opts.expiry ?? '2030-05-05';
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: '0' + randomBytes(3).toString('hex'),
    issuer: issuer.cert.subject,
    subject: `C=JP, CN=${randomBytes(10).toString('hex').toUpperCase()}`,
    notBefore: new Date(`${opts.notBefore ?? '2025-05-06'}T00:00:00+09:00`),
    notAfter: new Date(`${expiry}T23:59:59+09:00`),
    publicKey: holder.keys.publicKey,
    signingKey: signer.key.keys.privateKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.key.keys.publicKey),
      await x509.SubjectKeyIdentifierExtension.create(holder.keys.publicKey),
      new x509.CertificatePolicyExtension(['1.2.392.200149.8.5.1.3.10']),
      new x509.SubjectAlternativeNameExtension([{ type: 'dn', value: 'C=JP, O=公的個人認証サービス利用者証明用' }]),
      new x509.CRLDistributionPointsExtension([`http://crl.invalid/${'x'.repeat(360)}`]),
    ],
  });
  return { der: Buffer.from(cert.rawData), holder };
}
