/**
 * A virtual My Number Card: processes command APDUs like the real chip does, per
 * shared/domain/mynumber-card.md (AIDs with JICSAP prefix selection, EFs, SFI forms, PIN
 * counters, 80 2A signatures, status words). Pure: bytes in, bytes out; the vpcd slot carries it.
 *
 * It keeps an APDU trace (PIN digits never recorded) and flags every command that touched the
 * 個人番号, so the test suite can prove the app never did.
 */
import { appendFileSync } from 'node:fs';
import { privateEncrypt, constants, type KeyObject } from 'node:crypto';

export type CardKind = 'mynumber' | 'juki' | 'android' | 'non_jpki';

export const AIDS = {
  jpki: 'D392F000260100000001',
  kenhojo: 'D3921000310001010408',
  kenkaku: 'D3921000310001010402',
  juki: 'D3921000310001010401',
  common: 'D3921000310001010100',
  other: 'A000000003101001',
} as const;

const LABELS: Record<CardKind, string> = {
  mynumber: 'JPKIAPICCTOKEN2',
  juki: 'JPKIAPICCTOKEN',
  android: 'JPKIAPGPSETOKEN',
  non_jpki: '',
};

interface Pin {
  value: string;
  max: number;
  tries: number;
  verified: boolean;
}
interface Ef {
  data: Buffer;
  /** Key reference (PIN) that must be verified first; undefined = free. */
  needs?: number;
  /** A private key rather than a binary file. */
  key?: KeyObject;
}
interface App {
  name: keyof typeof AIDS;
  aid: Buffer;
  efs: Map<number, Ef>;
  pins: Map<number, Pin>;
}

export interface TraceEntry {
  t: number;
  card: string;
  apdu: string;
  summary: string;
  sw: string;
  /** The command addressed the 個人番号 (or 照合番号A, or the file hashing it). */
  personalNumber: boolean;
}

/** Every command any virtual card in this process received (and, if set, a JSON-lines file). */
export const globalTrace: TraceEntry[] = [];
export const TRACE_FILE_ENV = 'UKETSUKE_TEST_APDU_TRACE';

export interface BasicFour {
  name: string;
  address: string;
  birthDate: string;
  sex: '1' | '2' | '9';
}

export interface VirtualCardOptions {
  kind?: CardKind;
  id?: string;
  authCert?: Buffer;
  authCaCert?: Buffer;
  authKey?: KeyObject;
  authPin?: string;
  basicInfoPin?: string;
  authTries?: number;
  basicInfoTries?: number;
  basicInfo?: BasicFour;
  personalNumber?: string;
  atr?: Buffer;
  /** A 住基カード of the kind that holds only the signing certificate: no auth certificate, key or PIN. */
  signingOnly?: boolean;
  /** Another token label in EF 0006 (an unknown JPKI token). */
  tokenLabel?: string;
}

export interface Faults {
  /** Close the connection instead of answering the Nth command from now (1 = the next). */
  pullAfter?: number;
  delayMs?: number;
  /** Answer the next N commands with garbage (no status word). */
  garble?: number;
  /** Never answer again. */
  unresponsive?: boolean;
  /** Answer every VERIFY with data by 6Cxx ("wrong length, use xx") without checking the PIN. */
  wrongLengthOnVerify?: number;
  /** Answer every command with 16 bytes and 6110 ("16 more bytes"), forever. */
  moreDataFlood?: boolean;
}

const h = (s: string) => Buffer.from(s, 'hex');
const sw = (code: number, data: Buffer = Buffer.alloc(0)) =>
  Buffer.concat([data, Buffer.from([code >> 8, code & 0xff])]);
const fid = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

function tlv(tag: number, value: Buffer): Buffer {
  const t = tag > 0xff ? Buffer.from([tag >> 8, tag & 0xff]) : Buffer.from([tag]);
  const len =
    value.length < 0x80
      ? Buffer.from([value.length])
      : value.length < 0x100
        ? Buffer.from([0x81, value.length])
        : Buffer.from([0x82, value.length >> 8, value.length & 0xff]);
  return Buffer.concat([t, len, value]);
}

/** EF 0002 of the 券面入力補助AP: FF20 { DF21 offsets from file start, DF22–DF25 }, FF filler. */
export function basicInfoFile(info: BasicFour): Buffer {
  const fields = [
    tlv(0xdf22, Buffer.from(info.name, 'utf8')),
    tlv(0xdf23, Buffer.from(info.address, 'utf8')),
    tlv(0xdf24, Buffer.from(info.birthDate, 'ascii')),
    tlv(0xdf25, Buffer.from(info.sex, 'ascii')),
  ];
  const contentLength = 2 + 1 + 8 + fields.reduce((n, f) => n + f.length, 0);
  const outerHeader = tlv(0xff20, Buffer.alloc(contentLength)).length - contentLength;
  const offsets = Buffer.alloc(8);
  let off = outerHeader + 11;
  fields.forEach((f, i) => {
    offsets.writeUInt16BE(off, i * 2);
    off += f.length;
  });
  const record = tlv(0xff20, Buffer.concat([tlv(0xdf21, offsets), ...fields]));
  return Buffer.concat([record, Buffer.alloc(32, 0xff)]);
}

function tokenInfo(label: string): Buffer {
  const b = Buffer.alloc(160, 0x20);
  b.write(label, 0, 'latin1');
  return b;
}

export class VirtualMyNumberCard {
  readonly id: string;
  readonly kind: CardKind;
  readonly atr: Buffer;
  readonly trace: TraceEntry[] = [];
  faults: Faults = {};
  private readonly apps: App[] = [];
  private app: App | undefined;
  private ef: number | undefined;

  constructor(opts: VirtualCardOptions = {}) {
    this.kind = opts.kind ?? 'mynumber';
    this.id = opts.id ?? `${this.kind}-${Math.random().toString(36).slice(2, 8)}`;
    this.atr = opts.atr ?? h('3BE000FF8131FE4514');
    const pad = (b: Buffer | undefined, size: number) =>
      Buffer.concat([b ?? Buffer.alloc(0), Buffer.alloc(Math.max(0, size - (b?.length ?? 0)), 0xff)]);
    if (this.kind === 'non_jpki') {
      this.apps.push({
        name: 'other',
        aid: h(AIDS.other),
        efs: new Map([[0x0001, { data: Buffer.from('not a JPKI card') }]]),
        pins: new Map(),
      });
      return;
    }
    const authPin: Pin = { value: opts.authPin ?? '1234', max: 3, tries: opts.authTries ?? 3, verified: false };
    const signingOnly = opts.signingOnly === true;
    this.apps.push({
      name: 'jpki',
      aid: h(AIDS.jpki),
      efs: new Map<number, Ef>([
        [0x0006, { data: tokenInfo(opts.tokenLabel ?? LABELS[this.kind]) }],
        [0x0008, { data: h('8F8F00') }],
        // The phone releases its certificate only after the auth PIN (domain §3.2).
        [0x000a, { data: pad(opts.authCert, 2048), ...(this.kind === 'android' ? { needs: 0x0018 } : {}) }],
        [0x000b, { data: pad(opts.authCaCert, 2048) }],
        [0x0001, { data: pad(undefined, 2048), needs: 0x001b }],
        [0x0002, { data: pad(opts.authCaCert, 2048) }],
        ...(opts.authKey
          ? ([[0x0017, { data: Buffer.alloc(0), key: opts.authKey, needs: 0x0018 }]] as [number, Ef][])
          : []),
      ]),
      pins: new Map([
        [0x0018, authPin],
        [0x001b, { value: 'ABC123', max: 5, tries: 5, verified: false }],
      ]),
    });
    if (signingOnly) {
      const jpki = this.apps[0]!;
      for (const f of [0x000a, 0x000b, 0x0017]) jpki.efs.delete(f);
      jpki.pins.delete(0x0018);
    }
    if (this.kind !== 'mynumber') return;
    const number = opts.personalNumber ?? '123456789018';
    const info = opts.basicInfo ?? {
      name: '山田　太郎',
      address: '東京都千代田区霞が関１－２－２',
      birthDate: '19800217',
      sex: '1',
    };
    this.apps.push(
      {
        name: 'kenhojo',
        aid: h(AIDS.kenhojo),
        efs: new Map<number, Ef>([
          [0x0001, { data: Buffer.concat([h('FF100C'), Buffer.from(number, 'ascii'), h('FFFF')]), needs: 0x0011 }],
          [0x0002, { data: basicInfoFile(info), needs: 0x0011 }],
          [0x0003, { data: pad(h('FF30820148'), 336), needs: 0x0011 }],
          [0x0004, { data: pad(h('7F21820233'), 567) }],
          [0x0005, { data: pad(h('FF40'), 160) }],
        ]),
        pins: new Map([
          [0x0011, { value: opts.basicInfoPin ?? '1234', max: 3, tries: opts.basicInfoTries ?? 3, verified: false }],
          [0x0012, { value: '\0', max: 3, tries: 0, verified: false }],
          [0x0014, { value: number, max: 3, tries: 3, verified: false }],
          [0x0015, { value: '55021720352285', max: 3, tries: 3, verified: false }],
        ]),
      },
      {
        name: 'kenkaku',
        aid: h(AIDS.kenkaku),
        efs: new Map<number, Ef>([
          [0x0002, { data: pad(h('FF20'), 4096), needs: 0x0012 }],
          [0x0003, { data: pad(h('FF30'), 64) }],
          [0x0005, { data: pad(h('FF40'), 2048), needs: 0x0013 }],
        ]),
        pins: new Map([
          [0x0011, { value: '550217', max: 10, tries: 10, verified: false }],
          [0x0012, { value: '55021720352285', max: 3, tries: 3, verified: false }],
          [0x0013, { value: number, max: 3, tries: 3, verified: false }],
        ]),
      },
      {
        name: 'common',
        aid: h(AIDS.common),
        efs: new Map([[0x0001, { data: Buffer.from('011C' + '0'.repeat(28), 'hex') }]]),
        pins: new Map(),
      },
    );
  }

  /** Power-on, power-off and reset forget the selection and any verified PIN; counters stay. */
  reset(): void {
    this.app = undefined;
    this.ef = undefined;
    for (const a of this.apps) for (const p of a.pins.values()) p.verified = false;
  }

  pin(app: 'jpki' | 'kenhojo', ref: number): Pin | undefined {
    return this.apps.find((a) => a.name === app)?.pins.get(ref);
  }

  /** Trace entries that touched the 個人番号. */
  personalNumberAccesses(): TraceEntry[] {
    return this.trace.filter((e) => e.personalNumber);
  }

  process(command: Buffer): Buffer {
    const before = { app: this.app?.name, ef: this.ef };
    const { response, summary, touches } = this.fault(command) ?? this.dispatch(command);
    const entry: TraceEntry = {
      t: Date.now(),
      card: this.id,
      apdu: redactPin(command),
      summary,
      sw: response.length >= 2 ? response.subarray(-2).toString('hex').toUpperCase() : '????',
      personalNumber: touches || isPersonalNumberTarget(before.app, command),
    };
    this.trace.push(entry);
    globalTrace.push(entry);
    const file = process.env[TRACE_FILE_ENV];
    if (file) appendFileSync(file, JSON.stringify(entry) + '\n');
    return response;
  }

  /** Answers that a misbehaving card gives instead of doing the command (see Faults). */
  private fault(c: Buffer): { response: Buffer; summary: string; touches: boolean } | undefined {
    const f = this.faults;
    if (f.moreDataFlood)
      return {
        response: sw(0x6110, Buffer.alloc(16, 0x5a)),
        summary: `INS ${(c[1] ?? 0).toString(16).toUpperCase()} (answered 6110: more data)`,
        touches: false,
      };
    if (f.wrongLengthOnVerify !== undefined && c.length > 5 && c[0] === 0x00 && c[1] === 0x20) {
      const p2 = c[3]!;
      const ref = p2 === 0x80 ? this.ef : p2 & 0x1f;
      return {
        response: sw(0x6c00 | f.wrongLengthOnVerify),
        summary: `VERIFY ${ref === undefined ? '-' : fid(ref)} **** (answered 6C: wrong length)`,
        touches: false,
      };
    }
    return undefined;
  }

  private dispatch(c: Buffer): { response: Buffer; summary: string; touches: boolean } {
    const out = (code: number, summary: string, data?: Buffer, touches = false) => ({
      response: sw(code, data),
      summary,
      touches,
    });
    if (c.length < 4) return out(0x6700, 'short APDU');
    const [cla, ins, p1, p2] = [c[0]!, c[1]!, c[2]!, c[3]!];
    const body = c.subarray(4);

    if (cla === 0x00 && ins === 0xa4) {
      if (p1 === 0x04) {
        const lc = body[0] ?? 0;
        const aid = body.subarray(1, 1 + lc);
        // JICSAP: a prefix of a DF name selects it.
        const app = aid.length > 0 ? this.apps.find((a) => a.aid.subarray(0, aid.length).equals(aid)) : undefined;
        if (!app) return out(0x6a82, `SELECT AID ${aid.toString('hex').toUpperCase()}`);
        this.app = app;
        this.ef = undefined;
        return out(
          0x9000,
          `SELECT AID ${aid.toString('hex').toUpperCase()} → ${app.name}`,
          undefined,
          app.name === 'kenkaku',
        );
      }
      if (p1 === 0x02 && body[0] === 2 && body.length >= 3) {
        const f = body.readUInt16BE(1);
        if (!this.app || (!this.app.efs.has(f) && !this.app.pins.has(f))) return out(0x6a82, `SELECT EF ${fid(f)}`);
        this.ef = f;
        return out(0x9000, `SELECT EF ${fid(f)}`);
      }
      return out(0x6a86, 'SELECT (unsupported form)');
    }
    if (!this.app) return out(0x6986, 'no application selected');

    if (cla === 0x00 && ins === 0xb0) {
      let offset: number;
      let f = this.ef;
      if (p1 & 0x80) {
        f = p1 & 0x1f;
        offset = p2;
        if (!this.app.efs.has(f)) return out(0x6a82, `READ BINARY SFI ${fid(f)}`);
        this.ef = f;
      } else offset = ((p1 & 0x7f) << 8) | p2;
      const summary = `READ BINARY ${f === undefined ? '-' : fid(f)} off=${offset}`;
      if (body.length !== 1) return out(0x6700, summary);
      if (f === undefined) return out(0x6986, summary);
      const ef = this.app.efs.get(f);
      if (!ef || ef.key) return out(0x6981, summary);
      if (ef.needs !== undefined && !this.app.pins.get(ef.needs)?.verified) return out(0x6982, summary);
      if (offset >= ef.data.length) return out(0x6b00, summary);
      const le = body[0] === 0 ? 256 : body[0]!;
      return out(0x9000, `${summary} le=${le}`, ef.data.subarray(offset, offset + le));
    }

    if (cla === 0x00 && ins === 0x20) {
      const ref = p2 === 0x80 ? this.ef : p2 & 0x80 ? p2 & 0x1f : undefined;
      const pin = ref === undefined ? undefined : this.app.pins.get(ref);
      const empty = c.length === 4;
      const summary = `VERIFY ${ref === undefined ? '-' : fid(ref)} ${empty ? '(empty)' : '****'}`;
      if (p1 !== 0x00) return out(0x6a86, summary);
      // No such key on this card (e.g. no 利用者証明用 PIN on a signing-only 住基カード).
      if (!pin) return out(0x6a88, summary);
      if (empty) {
        if (pin.tries === 0) return out(0x6984, summary);
        return out(pin.verified ? 0x9000 : 0x63c0 | pin.tries, summary);
      }
      const lc = body[0]!;
      if (body.length !== 1 + lc) return out(0x6700, summary);
      if (pin.tries === 0) return out(0x6984, summary);
      if (body.subarray(1).toString('latin1') === pin.value) {
        pin.tries = pin.max;
        pin.verified = true;
        return out(0x9000, summary);
      }
      pin.tries--;
      pin.verified = false;
      return out(0x63c0 | pin.tries, summary);
    }

    if (cla === 0x80 && ins === 0x2a) {
      const ref = p2 === 0x80 ? this.ef : p2 & 0x80 ? p2 & 0x1f : undefined;
      const ef = ref === undefined ? undefined : this.app.efs.get(ref);
      const summary = `SIGN ${ref === undefined ? '-' : fid(ref)}`;
      if (p1 !== 0x00 || !ef?.key) return out(0x6a86, summary);
      const lc = body[0] ?? 0;
      if (body.length !== 1 + lc + 1) return out(0x6700, summary);
      if (ef.needs !== undefined && !this.app.pins.get(ef.needs)?.verified) return out(0x6982, summary);
      const signature = privateEncrypt({ key: ef.key, padding: constants.RSA_PKCS1_PADDING }, body.subarray(1, 1 + lc));
      return out(0x9000, summary, signature);
    }
    return out(0x6d00, `INS ${ins.toString(16).toUpperCase()}`);
  }
}

/** Does this command, in this application, address the 個人番号 or its surrogates? */
function isPersonalNumberTarget(app: string | undefined, c: Buffer): boolean {
  if (c.length < 4) return false;
  const [cla, ins, p1, p2] = [c[0]!, c[1]!, c[2]!, c[3]!];
  const selectEf = cla === 0x00 && ins === 0xa4 && p1 === 0x02 && c.length >= 7 ? c.readUInt16BE(5) : undefined;
  const readSfi = cla === 0x00 && ins === 0xb0 && p1 & 0x80 ? p1 & 0x1f : undefined;
  const verifyRef = cla === 0x00 && ins === 0x20 && p2 & 0x80 && p2 !== 0x80 ? p2 & 0x1f : undefined;
  if (app === 'kenhojo')
    return (
      [0x0001, 0x0003, 0x0014].includes(selectEf ?? -1) || readSfi === 0x01 || readSfi === 0x03 || verifyRef === 0x14
    );
  if (app === 'kenkaku') return true;
  return false;
}

function redactPin(c: Buffer): string {
  if (c.length > 5 && c[0] === 0x00 && c[1] === 0x20)
    return c.subarray(0, 5).toString('hex').toUpperCase() + '*'.repeat((c.length - 5) * 2);
  return c.toString('hex').toUpperCase();
}
