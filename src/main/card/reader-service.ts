/**
 * PC/SC readers as events, in the manner of nfc-pcsc: the service emits `reader`; a reader emits
 * `card` (with its ATR), `card.off`, `error` and `end`. Contact and contactless readers alike.
 *
 * It survives what happens at a desk: pcscd restarting or not running yet (the context is rebuilt
 * with back-off and readers come back as new `reader` events), a reader unplugged mid-read (`end`,
 * and any pending command fails), a card pulled mid-read (`card.off`, the pending command fails).
 */
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type { CardReader, PCSCLite } from 'pcsclite';
import { ReaderError } from './errors.ts';
import { CardSession } from './session.ts';

export { ReaderError };

export type ServiceState = 'starting' | 'running' | 'no_service';

/** pcscd's "service not available" family of errors: the daemon is not there. */
export function isNoService(err: Error): boolean {
  return /0x8010001D|0x8010001E|0x80100013|service not available|no service|Service was stopped|RPC transport|Cannot connect/i.test(
    err.message,
  );
}

export interface CardEvent {
  atr: Buffer;
}

export class Reader extends EventEmitter {
  private present = false;
  private ended = false;
  private readonly sessions = new Set<CardSession>();

  constructor(
    readonly name: string,
    private readonly raw: CardReader,
  ) {
    super();
    raw.on('status', (status) => {
      const present = (status.state & raw.SCARD_STATE_PRESENT) !== 0 && (status.state & raw.SCARD_STATE_MUTE) === 0;
      if (present && !this.present) {
        this.present = true;
        this.emit('card', { atr: status.atr ?? Buffer.alloc(0) } satisfies CardEvent);
      } else if (!present && this.present) {
        this.present = false;
        this.failSessions(new ReaderError('removed', 'the card was removed'));
        this.emit('card.off');
      }
    });
    // Status errors come when pcscd goes away; the service rebuilds the context then. Reported to
    // whoever listens, never thrown as an unhandled 'error' event.
    raw.on('error', (err) => {
      if (this.listenerCount('error') > 0) this.emit('error', err);
    });
    raw.on('end', () => this.end());
  }

  get hasCard(): boolean {
    return this.present;
  }

  /** Exclusive connection: nothing else on this machine talks to the card while we read it. */
  connect(commandTimeoutMs: number): Promise<CardSession> {
    if (this.ended) return Promise.reject(new ReaderError('no_reader', `reader ${this.name} is gone`));
    if (!this.present) return Promise.reject(new ReaderError('no_card', 'no card on the reader'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new ReaderError('timeout', 'the reader did not answer the connection')),
        commandTimeoutMs,
      );
      this.raw.connect({ share_mode: this.raw.SCARD_SHARE_EXCLUSIVE }, (err, protocol) => {
        clearTimeout(timer);
        if (err) return reject(new ReaderError('connect', `cannot connect to the card: ${err.message}`));
        const session = new CardSession(this.raw, protocol, commandTimeoutMs, () => this.sessions.delete(session));
        this.sessions.add(session);
        resolve(session);
      });
    });
  }

  /** Reader unplugged, or its context torn down: pending commands fail, listeners hear `end`. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.failSessions(new ReaderError('no_reader', 'the reader was disconnected'));
    if (this.present) {
      this.present = false;
      this.emit('card.off');
    }
    this.emit('end');
    this.removeAllListeners();
  }

  private failSessions(err: ReaderError): void {
    for (const s of this.sessions) s.fail(err);
    this.sessions.clear();
  }
}

type PcscFactory = () => PCSCLite;

function defaultFactory(): PcscFactory {
  // pcsclite is a native CommonJS addon: loaded lazily so that code paths without a reader
  // (CLI evaluate, tests) never need it.
  const require = createRequire(import.meta.url);
  return require('pcsclite') as PcscFactory;
}

export interface ReaderServiceOptions {
  /** Delay before rebuilding the PC/SC context after pcscd went away; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  factory?: PcscFactory;
}

export class ReaderService extends EventEmitter {
  private pcsc: PCSCLite | undefined;
  private readonly known = new Map<string, Reader>();
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs: number;
  private stopped = false;
  private _state: ServiceState = 'starting';

  constructor(private readonly options: ReaderServiceOptions = {}) {
    super();
    this.retryMs = options.retryMs ?? 500;
  }

  get state(): ServiceState {
    return this._state;
  }

  get readers(): Reader[] {
    return [...this.known.values()];
  }

  start(): this {
    this.stopped = false;
    this.open();
    return this;
  }

  private setState(state: ServiceState): void {
    if (state === this._state) return;
    this._state = state;
    this.emit('state', state);
  }

  private open(): void {
    let pcsc: PCSCLite;
    try {
      pcsc = (this.options.factory ?? defaultFactory())();
    } catch (e) {
      // pcscd not running at start: SCardEstablishContext throws at once. Said so, and retried
      // until it runs.
      this.setState('no_service');
      this.emit(
        'error',
        new ReaderError(
          'no_service',
          isNoService(e as Error)
            ? 'pcscd is not running (PC/SC service not available)'
            : `PC/SC is not available: ${(e as Error).message}`,
        ),
      );
      this.scheduleRetry();
      return;
    }
    this.pcsc = pcsc;
    pcsc.on('reader', (raw) => {
      if (pcsc !== this.pcsc) return;
      this.setState('running');
      this.retryMs = this.options.retryMs ?? 500;
      const reader = new Reader(raw.name, raw);
      this.known.set(raw.name, reader);
      reader.once('end', () => {
        if (this.known.get(raw.name) === reader) this.known.delete(raw.name);
      });
      this.emit('reader', reader);
    });
    pcsc.on('error', (err: Error) => {
      if (pcsc !== this.pcsc || this.stopped) return;
      const noService = isNoService(err);
      this.setState('no_service');
      this.emit(
        'error',
        new ReaderError(
          'no_service',
          noService ? 'pcscd is not running (PC/SC service not available)' : `PC/SC error: ${err.message}`,
        ),
      );
      this.teardown();
      this.scheduleRetry();
    });
    // Without an error and without readers, the service is up but empty.
    setTimeout(() => {
      if (pcsc === this.pcsc && (this._state === 'starting' || this._state === 'no_service')) this.setState('running');
    }, 300).unref();
  }

  private teardown(): void {
    const pcsc = this.pcsc;
    this.pcsc = undefined;
    for (const r of this.known.values()) r.end();
    this.known.clear();
    if (pcsc) {
      // close() reports "Command cancelled" as an error: expected, swallowed.
      pcsc.on('error', () => undefined);
      for (const r of Object.values(pcsc.readers)) {
        r.on('error', () => undefined);
        try {
          r.close();
        } catch {
          /* already closed */
        }
      }
      try {
        pcsc.close();
      } catch {
        /* already closed */
      }
    }
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retryTimer) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs ?? 5000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.stopped) this.open();
    }, delay);
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.teardown();
    this.removeAllListeners();
  }
}
