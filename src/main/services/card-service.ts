/**
 * The kiosk's view of the readers: one state with a sequence number that the screens long-poll.
 * A placed card is read once (PIN-less status), the result kept until the card is pulled. A card
 * pulled and placed again within a short grace goes straight back to "reading", without a flash of
 * the waiting screen in between.
 */
import { EventEmitter } from 'node:events';
import type { IsoDate } from '../../shared/domain/dates.ts';
import type { CARD_ERRORS, CardState, CardView, PIN_STEPS } from '../../shared/ipc/views.ts';
import { readCardStatus, type CardStatus, type StatusOptions } from '../card/card-status.ts';
import type { TrustAnchor } from '../card/certificate.ts';
import { ReaderError } from '../card/errors.ts';
import { ApduRefused } from '../card/apdu-allowlist.ts';
import { CardProtocolError } from '../card/apdu.ts';
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
  /** False: no card reader at this desk — no PC/SC context is opened (flag or settings). */
  enabled?: () => boolean;
}

type CardErrorCode = (typeof CARD_ERRORS)[number];
type PinStep = (typeof PIN_STEPS)[number];

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
    ...(s.basicInfo
      ? { holder: { name: s.basicInfo.name, birthDate: s.basicInfo.birthDate, sex: s.basicInfo.sex } }
      : {}),
    ...(s.pinErrors ? { pinErrors: s.pinErrors } : {}),
    ...(s.document ? { document: s.document } : {}),
    warnings: s.warnings,
  };
}

/** What went wrong while reading, as a code the screens word (card.errors.*). */
export function cardErrorCode(e: unknown): CardErrorCode {
  if (e instanceof ReaderError) return e.code;
  if (e instanceof CardProtocolError) return e.code;
  if (e instanceof ApduRefused) return 'refused';
  return 'protocol';
}

/** A step's new result over what the earlier steps found on the same placement. */
function mergeStep(previous: CardView | undefined, next: CardView, step: PinStep): CardView {
  if (!previous) return next;
  const other: PinStep = step === 'auth' ? 'basicInfo' : 'auth';
  const pinErrors = {
    ...(previous.pinErrors?.[other] ? { [other]: previous.pinErrors[other] } : {}),
    ...(next.pinErrors?.[step] ? { [step]: next.pinErrors[step] } : {}),
  };
  const merged: CardView = { ...next };
  delete merged.pinErrors;
  if (merged.genuine === undefined && previous.genuine !== undefined) merged.genuine = previous.genuine;
  if (!merged.holder && previous.holder) merged.holder = previous.holder;
  if (Object.keys(pinErrors).length > 0) merged.pinErrors = pinErrors;
  // A failed genuineness check (false) takes the card out of the documents, whichever step ran last.
  if (merged.genuine === false) delete merged.document;
  return merged;
}

export class CardService {
  private readers: ReaderService | undefined;
  private state: CardState = { seq: 0, service: 'starting', readers: [], card: null };
  private readonly changes = new EventEmitter();
  private placements = 0;
  private current: Reader | undefined;
  private pullTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: CardServiceOptions) {
    this.changes.setMaxListeners(100);
  }

  start(): this {
    this.refresh();
    return this;
  }

  /** Follows the "no card reader at this desk" option: opens or closes PC/SC to match it. */
  refresh(): void {
    const enabled = this.options.enabled?.() ?? true;
    if (enabled && !this.readers) {
      const readers = this.options.readers ?? new ReaderService();
      this.readers = readers;
      readers.on('state', () => readers === this.readers && this.update({ service: readers.state }));
      readers.on('error', () => readers === this.readers && this.update({ service: readers.state }));
      readers.on('reader', (r: Reader) => readers === this.readers && this.watch(r));
      readers.start();
      this.update({ service: readers.state });
    } else if (!enabled && this.readers) {
      this.closeReaders();
    }
    if (!enabled) this.update({ service: 'disabled', card: null });
  }

  private closeReaders(): void {
    const readers = this.readers;
    this.readers = undefined;
    this.current = undefined;
    clearTimeout(this.pullTimer);
    readers?.stop();
  }

  stop(): void {
    this.closeReaders();
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
    const next = {
      ...this.state,
      ...patch,
      readers: this.readers?.readers.map((r) => r.name) ?? [],
      service: patch.service ?? this.readers?.state ?? 'disabled',
    };
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
    if (!this.preferred(r) && this.readers?.readers.some((o) => o !== r && this.preferred(o) && o.hasCard)) return;
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

  private async read(
    r: Reader,
    placement: number,
    extra: Partial<StatusOptions> = {},
    step?: PinStep,
  ): Promise<CardView> {
    let view: CardView;
    try {
      const session = await r.connect(5000);
      try {
        view = toCardView(await readCardStatus(session, this.statusOptions(extra)));
      } finally {
        await session.close('reset').catch(() => undefined);
      }
    } catch (e) {
      const error = cardErrorCode(e);
      if (this.state.card?.placement === placement) {
        this.update({ card: { reader: r.name, placement, phase: 'error', error } });
        // The card is gone: the message stays a moment, then the screen returns to waiting.
        if (!this.current) this.pullTimer = setTimeout(() => !this.current && this.update({ card: null }), 4000);
      }
      throw e;
    }
    if (step)
      view = mergeStep(this.state.card?.placement === placement ? this.state.card.status : undefined, view, step);
    if (this.state.card?.placement === placement)
      this.update({ card: { reader: r.name, placement, phase: 'ready', status: view } });
    if (!this.current && this.state.card?.placement === placement) this.pulled(r);
    return view;
  }

  /**
   * One PIN step with the patient's PIN for that key only: 'auth' proves genuineness, 'basicInfo'
   * reads the 基本4情報. The result joins what earlier steps found; a step that fails is reported
   * in `pinErrors` and keeps the other's result. The PIN never leaves this call.
   */
  async verifyPin(placement: number, step: PinStep, pin: string, force: boolean): Promise<CardView> {
    const r = this.current;
    if (!r || this.state.card?.placement !== placement) throw new InputError('card.errors.gone');
    try {
      return await this.read(r, placement, { pins: { [step]: pin }, force: { [step]: force } }, step);
    } catch (e) {
      throw new InputError(`card.errors.${cardErrorCode(e)}`);
    }
  }
}
