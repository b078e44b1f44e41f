/**
 * The kiosk's view of the readers: one state with a sequence number that the screens long-poll.
 * A placed card is read once (PIN-less status), the result kept until the card is pulled. A card
 * pulled and placed again within a short grace goes straight back to "reading", without a flash of
 * the waiting screen in between.
 */
import { EventEmitter } from 'node:events';
import type { IsoDate } from '../../shared/domain/dates.ts';
import type { CardState, CardView } from '../../shared/ipc/views.ts';
import { readCardStatus, type CardStatus, type StatusOptions } from '../card/card-status.ts';
import type { TrustAnchor } from '../card/certificate.ts';
import { ReaderError } from '../card/errors.ts';
import { PinError } from '../card/mynumber.ts';
import { ReaderService, type Reader } from '../card/reader-service.ts';
import { InputError } from './rules-service.ts';

export interface CardServiceOptions {
  anchors: () => readonly TrustAnchor[];
  today: () => IsoDate;
  graceMonths: (today: IsoDate) => number;
  /** Preferred reader (settings); others are used when it has no card. */
  readerName?: () => string | null;
  readers?: ReaderService;
  /** How long a pulled card's result stays on screen before the state says "no card". */
  pullGraceMs?: number;
}

const LONG_POLL_MS = 20_000;

export function toCardView(s: CardStatus): CardView {
  return {
    kind: s.kind,
    ...(s.certificateExpiry ? { certificateExpiry: s.certificateExpiry } : {}),
    ...(s.certificateStatus ? { certificateStatus: s.certificateStatus } : {}),
    ...(s.graceUntil ? { graceUntil: s.graceUntil } : {}),
    ...(s.chain ? { chain: s.chain } : {}),
    pinTriesLeft: s.pinTriesLeft,
    ...(s.genuine !== undefined ? { genuine: s.genuine } : {}),
    // The address stays in main: the desk needs name and birth date, nothing more.
    ...(s.basicInfo ? { holder: { name: s.basicInfo.name, birthDate: s.basicInfo.birthDate, sex: s.basicInfo.sex } } : {}),
    ...(s.document ? { document: s.document } : {}),
    warnings: s.warnings,
  };
}

/** One clear line for the desk, whatever went wrong while reading. */
export function cardErrorMessage(e: unknown): string {
  if (e instanceof ReaderError) {
    switch (e.code) {
      case 'removed':
        return 'カードが読み取り中に抜かれました。もう一度置いてください (the card was removed while reading)';
      case 'no_reader':
        return 'カードリーダーが外れました (the reader was disconnected)';
      case 'no_service':
        return 'カードリーダーのサービス (pcscd) が動いていません (the PC/SC service is not running)';
      default:
        return `カードを読めませんでした: ${e.message}`;
    }
  }
  if (e instanceof PinError) {
    switch (e.code) {
      case 'blocked':
        return 'PINがロックされています。お住まいの市区町村で解除が必要です (the PIN is blocked)';
      case 'last_try':
        return 'PINの残りが1回です。間違えるとロックされます。確認のうえ続けてください (one try left: confirm to go on)';
      case 'wrong_pin':
        return `PINが違います${e.triesLeft !== undefined ? `（残り${e.triesLeft}回）` : ''} (wrong PIN)`;
      default:
        return `PINを確認できません (${e.message})`;
    }
  }
  return `カードを読めませんでした (the card gave an answer that makes no sense: ${(e as Error).message})`;
}

export class CardService {
  private readonly readers: ReaderService;
  private state: CardState = { seq: 0, service: 'starting', readers: [], card: null };
  private readonly changes = new EventEmitter();
  private placements = 0;
  private current: Reader | undefined;
  private pullTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: CardServiceOptions) {
    this.readers = options.readers ?? new ReaderService();
    this.changes.setMaxListeners(100);
  }

  start(): this {
    this.readers.on('state', () => this.update({ service: this.readers.state }));
    this.readers.on('error', () => this.update({ service: this.readers.state }));
    this.readers.on('reader', (r: Reader) => this.watch(r));
    this.readers.start();
    return this;
  }

  stop(): void {
    clearTimeout(this.pullTimer);
    this.readers.stop();
    this.changes.emit('change');
  }

  snapshot(): CardState {
    return this.state;
  }

  /** Resolves at once when the state moved past `after`, else at the next change or after a while. */
  async waitForChange(after?: number): Promise<CardState> {
    if (after === undefined || after !== this.state.seq) return this.state;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.changes.off('change', done);
        resolve(this.state);
      };
      const timer = setTimeout(done, LONG_POLL_MS);
      this.changes.on('change', done);
    });
  }

  private update(patch: Partial<Omit<CardState, 'seq'>>): void {
    const next = { ...this.state, ...patch, readers: this.readers.readers.map((r) => r.name), service: patch.service ?? this.readers.state };
    if (JSON.stringify({ ...next, seq: 0 }) === JSON.stringify({ ...this.state, seq: 0 })) return;
    this.state = { ...next, seq: this.state.seq + 1 };
    this.changes.emit('change');
  }

  private preferred(r: Reader): boolean {
    const name = this.options.readerName?.();
    return !name || r.name === name;
  }

  private watch(r: Reader): void {
    this.update({});
    r.on('card', () => this.placed(r));
    r.on('card.off', () => this.pulled(r));
    r.once('end', () => {
      if (this.current === r) this.pulled(r);
      // `end` fires before the service forgets the reader.
      setImmediate(() => this.update({}));
    });
    if (r.hasCard) this.placed(r);
  }

  private placed(r: Reader): void {
    // With a card already shown from another reader, a second card waits its turn.
    if (this.current && this.current !== r && this.state.card) return;
    if (!this.preferred(r) && this.readers.readers.some((o) => o !== r && this.preferred(o) && o.hasCard)) return;
    clearTimeout(this.pullTimer);
    this.current = r;
    const placement = ++this.placements;
    this.update({ card: { reader: r.name, placement, phase: 'reading' } });
    // Failures are shown through the state; nothing else waits on this read.
    this.read(r, placement).catch(() => undefined);
  }

  private pulled(r: Reader): void {
    if (this.current !== r) return;
    this.current = undefined;
    const card = this.state.card;
    // A read interrupted by the pull reports its error; a finished read fades after the grace.
    if (card?.phase === 'reading') return;
    clearTimeout(this.pullTimer);
    this.pullTimer = setTimeout(() => {
      if (!this.current) this.update({ card: null });
    }, this.options.pullGraceMs ?? 800);
  }

  private statusOptions(extra: Partial<StatusOptions> = {}): StatusOptions {
    const today = this.options.today();
    return { anchors: this.options.anchors(), today, graceMonths: this.options.graceMonths(today), ...extra };
  }

  private async read(r: Reader, placement: number, extra: Partial<StatusOptions> = {}): Promise<CardView> {
    const withPin = extra.pin !== undefined;
    let view: CardView;
    try {
      const session = await r.connect(5000);
      try {
        view = toCardView(await readCardStatus(session, this.statusOptions(extra)));
      } finally {
        await session.close('reset').catch(() => undefined);
      }
    } catch (e) {
      const error = cardErrorMessage(e);
      // A wrong PIN leaves the PIN-less status on screen; the caller shows the PIN error.
      if (this.state.card?.placement === placement && !(withPin && e instanceof PinError)) {
        this.update({ card: { reader: r.name, placement, phase: 'error', error } });
        // The card is gone: the message stays a moment, then the screen returns to waiting.
        if (!this.current) this.pullTimer = setTimeout(() => !this.current && this.update({ card: null }), 4000);
      }
      throw e;
    }
    if (this.state.card?.placement === placement) this.update({ card: { reader: r.name, placement, phase: 'ready', status: view } });
    if (!this.current && this.state.card?.placement === placement) this.pulled(r);
    return view;
  }

  /** Reads genuineness and the 基本4情報 with the patient's PIN; the PIN never leaves this call. */
  async verifyPin(placement: number, pin: string, force: boolean): Promise<CardView> {
    const r = this.current;
    if (!r || this.state.card?.placement !== placement) throw new InputError('カードが置かれていません (the card is no longer on the reader)');
    try {
      return await this.read(r, placement, { pin, force });
    } catch (e) {
      throw new InputError(cardErrorMessage(e));
    }
  }
}
