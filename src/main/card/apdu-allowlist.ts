/**
 * The APDU allow-list: every command passes through here before it can reach the card.
 *
 * It is an allow-list, not a block-list: only the few commands this app needs, on the few files
 * it needs, in the application it needs them in, get through. Everything touching the 個人番号 —
 * 券面入力補助AP EF 0001 (also as SFI 1, P1 0x81), 照合番号A (key 0014, P2 0x94), the whole 券面AP
 * (EF 0005, SFI 5, 照合番号A 0013), partial AIDs that JICSAP would resolve to those APs — falls
 * outside it and is refused before transmission (shared/domain/mynumber-card.md §10).
 *
 * The guard follows the selection state: it learns the current DF/EF only from SELECTs it let
 * through and that the card answered 9000, and forgets it on reset.
 *
 * It also holds the PIN rule, so no layer above can spend a try the patient did not mean: a
 * VERIFY with data goes out only right after the empty VERIFY (counter read) of the same key,
 * when that read reported at least 2 tries — or exactly 1 and staff confirmed the last try for
 * that key and that read (a one-shot token, gone with the next command).
 */
import { hex } from './apdu.ts';
import { AID, EF } from './constants.ts';

type App = 'jpki' | 'kenhojo';
/**
 * Per application, the EFs (by FID; the short EF identifier is the same number) that may be
 * selected, read, verified against, or used to sign. SFI forms (READ BINARY P1 = 0x80|SFI,
 * VERIFY P2 = 0x80|key, 80 2A P2 = 0x80|key) are allowed only for these exact numbers; they save
 * a SELECT per file, which keeps a PIN-less status at 12 APDUs.
 */
interface Allowed {
  select: ReadonlySet<number>;
  read: ReadonlySet<number>;
  verify: ReadonlySet<number>;
  sign: ReadonlySet<number>;
}

const POLICY: Record<App, Allowed> = {
  jpki: {
    select: new Set([EF.jpki.tokenInfo, EF.jpki.authCert, EF.jpki.authCaCert, EF.jpki.authKey, EF.jpki.authPin]),
    read: new Set([EF.jpki.tokenInfo, EF.jpki.authCert, EF.jpki.authCaCert]),
    verify: new Set([EF.jpki.authPin]),
    sign: new Set([EF.jpki.authKey]),
  },
  kenhojo: {
    // EF 0001 (個人番号), 0003 (its hash), 0014 (照合番号A) and the rest are simply absent.
    select: new Set([EF.kenhojo.basicInfo, EF.kenhojo.pin]),
    read: new Set([EF.kenhojo.basicInfo]),
    verify: new Set([EF.kenhojo.pin]),
    sign: new Set(),
  },
};

export class ApduRefused extends Error {
  override name = 'ApduRefused';
  constructor(
    readonly command: string,
    reason: string,
  ) {
    super(`APDU refused (${reason}): ${command}`);
  }
}

/** A key's counter as the last command read it (empty VERIFY); `seq` tells one read from another. */
interface CounterRead {
  app: App;
  key: number;
  /** Tries left; `Infinity` when the card answered 9000 (already verified since the last reset, counter at its maximum). */
  tries: number;
  seq: number;
}

export class ApduGuard {
  private app: App | undefined;
  private ef: number | undefined;
  private pending: { app?: App; ef?: number } | undefined;
  /** The empty VERIFY just checked, waiting for its answer. */
  private pendingCounter: { app: App; key: number } | undefined;
  /** Set only by the answer to the command just before; any other command clears it. */
  private lastCounter: CounterRead | undefined;
  private lastTryToken: { app: App; key: number; seq: number } | undefined;
  private reads = 0;

  /** Throws ApduRefused unless the command is on the allow-list in the current state. */
  check(command: Buffer): void {
    const refuse = (reason: string): never => {
      throw new ApduRefused(redact(command), reason);
    };
    if (command.length < 4) refuse('too short');
    const [cla, ins, p1, p2] = [command[0]!, command[1]!, command[2]!, command[3]!];
    const body = command.subarray(4);
    this.pending = undefined;
    this.pendingCounter = undefined;
    // The PIN rule looks at the command immediately before: whatever comes now ends that window.
    const counter = this.lastCounter;
    const token = this.lastTryToken;
    this.lastCounter = undefined;
    this.lastTryToken = undefined;

    if (cla === 0x00 && ins === 0xa4) {
      if (p1 === 0x04 && p2 === 0x0c && body.length === 11 && body[0] === 10) {
        const aid = body.subarray(1);
        if (aid.equals(AID.jpki)) return void (this.pending = { app: 'jpki' });
        if (aid.equals(AID.kenhojo)) return void (this.pending = { app: 'kenhojo' });
        return refuse('application not on the allow-list');
      }
      if (p1 === 0x04) return refuse('SELECT by partial or unknown AID');
      if (p1 === 0x02 && p2 === 0x0c && body.length === 3 && body[0] === 2) {
        const fid = body.readUInt16BE(1);
        if (!this.app) return refuse('SELECT EF outside an application');
        if (!POLICY[this.app].select.has(fid))
          return refuse(`EF ${fid.toString(16).padStart(4, '0')} not on the allow-list`);
        return void (this.pending = { app: this.app, ef: fid });
      }
      return refuse('SELECT form not on the allow-list');
    }
    if (!this.app) return refuse('no application selected');
    const policy = POLICY[this.app];
    const fidName = (fid: number) => fid.toString(16).padStart(4, '0').toUpperCase();
    /** The file a command addresses: by short identifier in P (bit 8 set), else the current EF. */
    const target = (p: number, set: ReadonlySet<number>, what: string): number => {
      if (p & 0x80) {
        const sfi = p & 0x1f;
        if ((p & 0x60) !== 0 || !set.has(sfi)) return refuse(`${what} of SFI ${fidName(sfi)} not on the allow-list`);
        return sfi;
      }
      if (p !== 0x00 || this.ef === undefined || !set.has(this.ef))
        return refuse(`${what} of a file not on the allow-list`);
      return this.ef;
    };

    if (cla === 0x00 && ins === 0xb0) {
      if (body.length !== 1) return refuse('READ BINARY length');
      if (p1 & 0x80) {
        const sfi = target(p1, policy.read, 'READ BINARY');
        this.pending = { app: this.app, ef: sfi };
        return;
      }
      // Offset form: the current EF must be readable. P1 carries the high offset byte here.
      if (this.ef === undefined || !policy.read.has(this.ef))
        return refuse('READ BINARY of a file not on the allow-list');
      return;
    }
    if (cla === 0x00 && ins === 0x20) {
      // P2 0x80 = the selected key, 0x80|n = key n; 0x94 (照合番号A) and friends are not in the set.
      if (p1 !== 0x00) return refuse('VERIFY form');
      const key = target(p2 === 0x80 ? 0x00 : p2, policy.verify, 'VERIFY');
      if (body.length === 0) return void (this.pendingCounter = { app: this.app, key });
      if (body.length !== 5 || body[0] !== 4 || !/^[0-9]{4}$/.test(body.subarray(1).toString('latin1')))
        return refuse('VERIFY data must be a 4-digit PIN');
      if (!counter || counter.app !== this.app || counter.key !== key)
        return refuse('PIN attempt without reading its counter first');
      if (counter.tries >= 2) return;
      if (counter.tries === 1 && token && token.app === this.app && token.key === key && token.seq === counter.seq)
        return;
      return refuse(counter.tries === 1 ? 'last PIN try without staff confirmation' : 'PIN blocked');
    }
    if (cla === 0x80 && ins === 0x2a) {
      if (p1 !== 0x00) return refuse('signature form');
      target(p2 === 0x80 ? 0x00 : p2, policy.sign, 'signature');
      if (body.length !== 1 + 51 + 1 || body[0] !== 51) return refuse('signature input must be a SHA-256 DigestInfo');
      return;
    }
    if (cla === 0x00 && ins === 0xc0 && p1 === 0 && p2 === 0 && body.length === 1) return;
    return refuse('instruction not on the allow-list');
  }

  /**
   * Staff confirmed the last try of `key` in the current application: valid for the next command
   * only, and only if the command just answered was that key's counter read, reporting 1 try.
   */
  confirmLastTry(key: number): void {
    const c = this.lastCounter;
    if (!c || c.app !== this.app || c.key !== key || c.tries !== 1)
      throw new ApduRefused(
        `VERIFY ${key.toString(16).padStart(4, '0')}`,
        'last-try confirmation without a counter read showing 1 try',
      );
    this.lastTryToken = { app: c.app, key, seq: c.seq };
  }

  /** Called with the card's status word for the command last checked. */
  answered(sw: number): void {
    if (this.pendingCounter) {
      const tries = (sw & 0xfff0) === 0x63c0 ? sw & 0x0f : sw === 0x9000 ? Infinity : undefined;
      if (tries !== undefined) this.lastCounter = { ...this.pendingCounter, tries, seq: ++this.reads };
      this.pendingCounter = undefined;
    }
    if (this.pending && sw === 0x9000) {
      if (this.pending.ef === undefined) {
        this.app = this.pending.app;
        this.ef = undefined;
      } else {
        this.ef = this.pending.ef;
      }
    } else if (this.pending) {
      // A failed SELECT leaves the card's state unknown to us: require a fresh selection.
      this.app = undefined;
      this.ef = undefined;
    }
    this.pending = undefined;
  }

  reset(): void {
    this.app = undefined;
    this.ef = undefined;
    this.pending = undefined;
    this.pendingCounter = undefined;
    this.lastCounter = undefined;
    this.lastTryToken = undefined;
  }

  /**
   * A GET RESPONSE inside a 61xx chain: part of the command before it, so the selection and
   * PIN state it set stay as they are.
   */
  checkContinuation(command: Buffer): void {
    if (command.length !== 5 || command[0] !== 0x00 || command[1] !== 0xc0 || command[2] !== 0 || command[3] !== 0)
      throw new ApduRefused(redact(command), 'not a GET RESPONSE');
  }
}

/** A command for logs and errors: PIN digits never appear. */
export function redact(command: Buffer): string {
  if (command.length >= 5 && command[0] === 0x00 && command[1] === 0x20 && command.length > 4) {
    return `${hex(command.subarray(0, 5))} ${'**'.repeat(command.length - 5)}`.trim();
  }
  return hex(command);
}
