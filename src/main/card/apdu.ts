/** Command and response APDUs (ISO 7816-4, short form only: every command of this app fits). */

export interface ResponseApdu {
  data: Buffer;
  sw: number;
}

export const SW = {
  ok: 0x9000,
  securityNotSatisfied: 0x6982,
  blocked: 0x6984,
  fileNotFound: 0x6a82,
  wrongLength: 0x6700,
  endOfFile: 0x6b00,
} as const;

export const hex = (b: Buffer | Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();
export const swHex = (sw: number) => sw.toString(16).toUpperCase().padStart(4, '0');

export function parseResponse(raw: Buffer): ResponseApdu {
  if (raw.length < 2)
    throw new CardProtocolError(`malformed card response (${raw.length} byte${raw.length === 1 ? '' : 's'})`);
  return { data: raw.subarray(0, raw.length - 2), sw: raw.readUInt16BE(raw.length - 2) };
}

/** `63Cx`: x tries left. */
export const triesFromSw = (sw: number): number | undefined => ((sw & 0xfff0) === 0x63c0 ? sw & 0x0f : undefined);

export const apdu = {
  selectAid: (aid: Buffer) => Buffer.concat([Buffer.from([0x00, 0xa4, 0x04, 0x0c, aid.length]), aid]),
  selectEf: (fid: number) => Buffer.from([0x00, 0xa4, 0x02, 0x0c, 0x02, fid >> 8, fid & 0xff]),
  readBinary: (offset: number, le: number) => Buffer.from([0x00, 0xb0, (offset >> 8) & 0x7f, offset & 0xff, le & 0xff]),
  /** READ BINARY by short EF identifier: selects the EF and reads from an 8-bit offset. */
  readBinarySfi: (sfi: number, le: number) => Buffer.from([0x00, 0xb0, 0x80 | sfi, 0x00, le & 0xff]),
  /** Empty VERIFY (case 1, exactly 4 bytes) on key `ref`: the retry counter, without using a try. */
  verifyStatus: (ref: number) => Buffer.from([0x00, 0x20, 0x00, 0x80 | ref]),
  verify: (ref: number, pin: string) =>
    Buffer.concat([Buffer.from([0x00, 0x20, 0x00, 0x80 | ref, pin.length]), Buffer.from(pin, 'ascii')]),
  /** 80 2A 00 80|key: sign a DigestInfo with private key `ref`. */
  sign: (ref: number, digestInfo: Buffer) =>
    Buffer.concat([Buffer.from([0x80, 0x2a, 0x00, 0x80 | ref, digestInfo.length]), digestInfo, Buffer.from([0x00])]),
  getResponse: (le: number) => Buffer.from([0x00, 0xc0, 0x00, 0x00, le & 0xff]),
};

/**
 * ISO 7816-4 short APDU cases 2 (header + Le) and 4 (header + Lc + data + Le): the last byte is
 * Le. In case 3 (header + Lc + data) it is data.
 */
export function endsWithLe(command: Buffer): boolean {
  return command.length === 5 || (command.length > 5 && command.length === 6 + command[4]!);
}

/** The card answered something that does not fit the protocol. */
export class CardProtocolError extends Error {
  override name = 'CardProtocolError';
  constructor(
    message: string,
    /** For the screens: what kind of nonsense. */
    readonly code: 'protocol' | 'response_too_long' = 'protocol',
  ) {
    super(message);
  }
}
