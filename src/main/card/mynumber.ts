/**
 * The My Number Card protocol (shared/domain/mynumber-card.md §3): what this app asks of the card.
 * Everything goes through a CardChannel whose lowest layer is the APDU allow-list.
 *
 * PIN hard line: every PIN attempt is preceded by an empty VERIFY that reads the counter; with one
 * try left the attempt is refused unless the caller forces it (staff confirmed), so the app never
 * locks a patient's card on its own. The allow-list below (ApduGuard) holds the same rule again,
 * so a mistake here cannot spend a try: a VERIFY that does not follow its counter read never leaves.
 */
import { createHash, randomBytes, verify as verifySignature } from 'node:crypto';
import { apdu, CardProtocolError, swHex, triesFromSw, type ResponseApdu } from './apdu.ts';
import { AID, EF, SHA256_DIGEST_INFO_PREFIX, TOKEN_LABELS } from './constants.ts';
import { parseBasicInfo, parseTlvHeader, type BasicInfo } from './tlv.ts';

export interface CardChannel {
  transmit(command: Buffer): Promise<ResponseApdu>;
  /** Staff confirmed the last try of `key`: lets the lowest layer pass the VERIFY that follows the counter read. */
  confirmLastTry(key: number): void;
}

/** The two PIN-protected keys this app may use, each with its own PIN and counter. */
export type PinStep = 'auth' | 'basicInfo';

export type TokenKind = (typeof TOKEN_LABELS)[keyof typeof TOKEN_LABELS] | 'unknown_jpki' | 'not_jpki';

export class PinError extends Error {
  override name = 'PinError';
  constructor(
    readonly code: 'blocked' | 'last_try' | 'wrong_pin' | 'not_available',
    message: string,
    readonly triesLeft?: number,
  ) {
    super(message);
  }
}

async function expectOk(ch: CardChannel, command: Buffer, what: string): Promise<Buffer> {
  const r = await ch.transmit(command);
  if (r.sw !== 0x9000) throw new CardProtocolError(`${what}: card answered ${swHex(r.sw)}`);
  return r.data;
}

/** SELECT the JPKI AP and read the token label: identity by AID and label, never by ATR. */
export async function identify(ch: CardChannel): Promise<{ kind: TokenKind; label?: string }> {
  const sel = await ch.transmit(apdu.selectAid(AID.jpki));
  if (sel.sw === 0x6a82) return { kind: 'not_jpki' };
  if (sel.sw !== 0x9000) return { kind: 'not_jpki' };
  const info = await expectOk(ch, apdu.readBinarySfi(EF.jpki.tokenInfo, 0x20), 'token info');
  const label = info.toString('latin1').replace(/[\s\0]+$/, '');
  const kind = (TOKEN_LABELS as Record<string, TokenKind>)[label] ?? 'unknown_jpki';
  return { kind, label };
}

/**
 * Reads a whole TLV-structured EF: the first chunk by short EF identifier (which also selects
 * it), the BER length from its header, then 256-byte chunks by offset.
 */
export async function readTlvFile(ch: CardChannel, sfi: number, what: string, maxLength = 8192): Promise<Buffer> {
  const first = await ch.transmit(apdu.readBinarySfi(sfi, 0));
  if (first.sw === 0x6a82) throw new FileMissing(`${what}: card answered ${swHex(first.sw)}`);
  if (first.sw !== 0x9000 && first.sw !== 0x6282)
    throw new CardProtocolError(`${what}: card answered ${swHex(first.sw)}`);
  const header = parseTlvHeader(first.data);
  if (!header) throw new CardProtocolError(`${what}: no TLV header`);
  const total = header.headerLength + header.length;
  if (total > maxLength) throw new CardProtocolError(`${what}: implausible length ${total}`);
  const chunks = [first.data.subarray(0, Math.min(first.data.length, total))];
  let have = chunks[0]!.length;
  while (have < total) {
    const want = Math.min(256, total - have);
    const r = await ch.transmit(apdu.readBinary(have, want === 256 ? 0 : want));
    if (r.sw !== 0x9000 && r.sw !== 0x6282)
      throw new CardProtocolError(`${what}: card answered ${swHex(r.sw)} at offset ${have}`);
    if (r.data.length === 0) throw new CardProtocolError(`${what}: file ends at ${have} of ${total} bytes`);
    chunks.push(r.data.subarray(0, want));
    have += Math.min(r.data.length, want);
  }
  return Buffer.concat(chunks).subarray(0, total);
}

/** The card has no such EF (6A82): a partial card, e.g. a 住基カード with only the signing certificate. */
export class FileMissing extends CardProtocolError {
  override name = 'FileMissing';
}

/** The auth certificate (EF 000A): readable without a PIN on the card; after 0018 on an Android phone. */
export async function readAuthCertificate(ch: CardChannel): Promise<Buffer> {
  return readTlvFile(ch, EF.jpki.authCert, 'auth certificate');
}

/** The auth certificate, or undefined when the card has no such EF. */
export async function readAuthCertificateIfPresent(ch: CardChannel): Promise<Buffer | undefined> {
  try {
    return await readAuthCertificate(ch);
  } catch (e) {
    if (e instanceof FileMissing) return undefined;
    throw e;
  }
}

/** Retry counter by empty VERIFY: a number of tries left, 0 when blocked, null if the key is absent. */
export async function pinTries(ch: CardChannel, ref: number): Promise<number | null> {
  const r = await ch.transmit(apdu.verifyStatus(ref));
  const tries = triesFromSw(r.sw);
  if (tries !== undefined) return tries;
  if (r.sw === 0x6984 || r.sw === 0x6983) return 0;
  // 9000: already verified in this card session — the counter was reset to its maximum by that success.
  if (r.sw === 0x9000) return 3;
  if (r.sw === 0x6a82 || r.sw === 0x6a88) return null;
  throw new CardProtocolError(`PIN status: card answered ${swHex(r.sw)}`);
}

export async function selectJpki(ch: CardChannel): Promise<void> {
  await expectOk(ch, apdu.selectAid(AID.jpki), 'SELECT JPKI AP');
}

/** Selects the 券面入力補助AP; false when the card has none (住基カード, phones). */
export async function selectKenhojo(ch: CardChannel): Promise<boolean> {
  const r = await ch.transmit(apdu.selectAid(AID.kenhojo));
  if (r.sw === 0x9000) return true;
  if (r.sw === 0x6a82) return false;
  throw new CardProtocolError(`SELECT 券面入力補助AP: card answered ${swHex(r.sw)}`);
}

/** Verifies a 4-digit PIN, but only after reading the counter; refuses the last try unless forced. */
export async function verifyPin(ch: CardChannel, ref: number, pin: string, force: boolean): Promise<void> {
  if (!/^[0-9]{4}$/.test(pin)) throw new PinError('wrong_pin', 'the PIN must be 4 digits');
  const tries = await pinTries(ch, ref);
  if (tries === null) throw new PinError('not_available', 'this card has no such PIN');
  if (tries === 0) throw new PinError('blocked', 'the PIN is blocked (reset at the municipal office)', 0);
  if (tries === 1 && !force)
    throw new PinError('last_try', 'only one PIN try is left: not trying without staff confirmation', 1);
  if (tries === 1) ch.confirmLastTry(ref);
  const r = await ch.transmit(apdu.verify(ref, pin));
  if (r.sw === 0x9000) return;
  const left = triesFromSw(r.sw);
  if (left === 0 || r.sw === 0x6984) throw new PinError('blocked', 'wrong PIN — the PIN is now blocked', 0);
  if (left !== undefined)
    throw new PinError('wrong_pin', `wrong PIN (${left} ${left === 1 ? 'try' : 'tries'} left)`, left);
  throw new CardProtocolError(`VERIFY: card answered ${swHex(r.sw)}`);
}

/**
 * Genuineness: the auth key (0017) signs a fresh random challenge, checked against the public
 * key of the certificate read from the same card. A cloned certificate without the key fails.
 */
export async function proveGenuine(
  ch: CardChannel,
  publicKey: Parameters<typeof verifySignature>[2],
  pin: string,
  force: boolean,
): Promise<boolean> {
  await selectJpki(ch);
  await verifyPin(ch, EF.jpki.authPin, pin, force);
  const challenge = randomBytes(32);
  const digestInfo = Buffer.concat([SHA256_DIGEST_INFO_PREFIX, createHash('sha256').update(challenge).digest()]);
  const r = await ch.transmit(apdu.sign(EF.jpki.authKey, digestInfo));
  if (r.sw !== 0x9000) throw new CardProtocolError(`signature: card answered ${swHex(r.sw)}`);
  return verifySignature('sha256', challenge, publicKey, r.data);
}

/** 基本4情報 (name, address, birth date, sex) after verifying the 券面入力補助 PIN (0011). */
export async function readBasicInfo(ch: CardChannel, pin: string, force: boolean): Promise<BasicInfo> {
  if (!(await selectKenhojo(ch))) throw new PinError('not_available', 'this card has no 券面入力補助AP');
  await verifyPin(ch, EF.kenhojo.pin, pin, force);
  return parseBasicInfo(await readTlvFile(ch, EF.kenhojo.basicInfo, '基本4情報', 2048));
}
