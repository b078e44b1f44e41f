/** BER-TLV headers with multi-byte tags and long-form lengths, and the 基本4情報 record (§4.1). */
import { CardProtocolError } from './apdu.ts';

export interface TlvHeader {
  tag: number;
  /** Bytes of tag + length. */
  headerLength: number;
  length: number;
}

/** Parses one TLV header at `offset`; null when `buf` is too short to tell. */
export function parseTlvHeader(buf: Buffer, offset = 0): TlvHeader | null {
  let i = offset;
  if (i >= buf.length) return null;
  let tag = buf[i++]!;
  if ((tag & 0x1f) === 0x1f) {
    // Multi-byte tag: continuation bytes have bit 8 set.
    do {
      if (i >= buf.length) return null;
      tag = (tag << 8) | buf[i]!;
    } while (buf[i++]! & 0x80 && i - offset < 4);
  }
  if (i >= buf.length) return null;
  const first = buf[i++]!;
  let length = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n === 0 || n > 3) throw new CardProtocolError(`unsupported BER length form 0x${first.toString(16)}`);
    if (i + n > buf.length) return null;
    length = 0;
    for (let k = 0; k < n; k++) length = (length << 8) | buf[i++]!;
  }
  return { tag: tag >>> 0, headerLength: i - offset, length };
}

/** The children of a constructed value. */
export function parseChildren(value: Buffer): Map<number, Buffer> {
  const out = new Map<number, Buffer>();
  let off = 0;
  while (off < value.length && value[off] !== 0xff) {
    const h = parseTlvHeader(value, off);
    if (!h || off + h.headerLength + h.length > value.length) throw new CardProtocolError('truncated TLV');
    out.set(h.tag, value.subarray(off + h.headerLength, off + h.headerLength + h.length));
    off += h.headerLength + h.length;
  }
  return out;
}

export type Sex = 'male' | 'female' | 'not_applicable' | 'unknown';
export interface BasicInfo {
  /** 氏名 as stored (family name, U+3000, given name); unknown characters kept as-is. */
  name: string;
  address: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
}

const SEX: Record<string, Sex> = { '1': 'male', '2': 'female', '9': 'not_applicable', '0': 'unknown' };

/** EF 0002 of the 券面入力補助AP: FF20 { DF21 offsets, DF22 name, DF23 address, DF24 birth, DF25 sex }. */
export function parseBasicInfo(file: Buffer): BasicInfo {
  const outer = parseTlvHeader(file);
  if (!outer || outer.tag !== 0xff20 || outer.headerLength + outer.length > file.length)
    throw new CardProtocolError('基本4情報: not an FF20 record');
  const fields = parseChildren(file.subarray(outer.headerLength, outer.headerLength + outer.length));
  const text = (tag: number) => {
    const v = fields.get(tag);
    if (!v) throw new CardProtocolError(`基本4情報: missing tag ${tag.toString(16).toUpperCase()}`);
    // Decoding never throws: a byte sequence that is not UTF-8 becomes U+FFFD rather than losing the record.
    return new TextDecoder('utf-8', { fatal: false }).decode(v);
  };
  const birth = text(0xdf24);
  if (!/^\d{8}$/.test(birth)) throw new CardProtocolError('基本4情報: birth date is not YYYYMMDD');
  return {
    name: text(0xdf22),
    address: text(0xdf23),
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    sex: SEX[text(0xdf25)] ?? 'unknown',
  };
}
