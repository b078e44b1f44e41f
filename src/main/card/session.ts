/**
 * One exclusive connection to a card. `transmit` is the lowest layer the rest of the app can
 * reach, and every command passes the APDU allow-list here before it goes to the reader.
 */
import type { CardReader } from 'pcsclite';
import { ApduGuard } from './apdu-allowlist.ts';
import { apdu, CardProtocolError, endsWithLe, parseResponse, type ResponseApdu } from './apdu.ts';
import type { CardChannel } from './mynumber.ts';
import { ReaderError } from './errors.ts';

/** How long a truncated answer waits for pcscd's removal event (vpcd reports removal in ~20 ms). */
const REMOVAL_GRACE_MS = 250;
/** A 61xx chain longer than this is a card that does not stop talking, not an answer this app asked for. */
export const RESPONSE_CHAIN_LIMIT = { responses: 32, bytes: 8192 } as const;

export class CardSession implements CardChannel {
  /** Staff confirmed the last PIN try of `key`, for the counter read just answered (see ApduGuard). */
  confirmLastTry(key: number): void {
    this.guard.confirmLastTry(key);
  }

  private readonly guard = new ApduGuard();
  private failed: ReaderError | undefined;
  private closed = false;
  private pending: ((err: ReaderError) => void) | undefined;
  /** Commands sent to the card in this session (refused ones never count: they never left). */
  apduCount = 0;

  constructor(
    private readonly reader: CardReader,
    private readonly protocol: number,
    private readonly timeoutMs: number,
    private readonly onClose: () => void,
  ) {}

  async transmit(command: Buffer): Promise<ResponseApdu> {
    this.guard.check(command);
    let response = await this.raw(command);
    // T=0: 6Cxx means "resend with Le = xx". Only a command that ends in Le (ISO cases 2 and 4)
    // has an Le to change; on any other the last byte is data — for a VERIFY, a PIN digit — so
    // the answer goes back to the caller as it is.
    if (response.sw >> 8 === 0x6c && endsWithLe(command) && command[1] !== 0x20) {
      const again = Buffer.from(command);
      again[again.length - 1] = response.sw & 0xff;
      this.guard.check(again);
      response = await this.raw(again);
    }
    // 61xx: "xx more bytes: GET RESPONSE", within a bound.
    const parts = [response.data];
    let bytes = response.data.length;
    while (response.sw >> 8 === 0x61) {
      if (parts.length > RESPONSE_CHAIN_LIMIT.responses || bytes > RESPONSE_CHAIN_LIMIT.bytes) {
        throw new CardProtocolError(
          `the card kept answering "more data" (over ${RESPONSE_CHAIN_LIMIT.responses} responses or ${RESPONSE_CHAIN_LIMIT.bytes} bytes)`,
          'response_too_long',
        );
      }
      const more = apdu.getResponse(response.sw & 0xff);
      this.guard.checkContinuation(more);
      response = await this.raw(more);
      parts.push(response.data);
      bytes += response.data.length;
    }
    const result = { data: parts.length === 1 ? response.data : Buffer.concat(parts), sw: response.sw };
    this.guard.answered(result.sw);
    return result;
  }

  private raw(command: Buffer): Promise<ResponseApdu> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.closed) return Promise.reject(new ReaderError('transmit', 'the card session is closed'));
    this.apduCount++;
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.pending = undefined;
        fn();
      };
      const timer = setTimeout(() => {
        // A card that stops answering is treated like a pulled card: the session is over.
        this.failed = new ReaderError('timeout', `the card did not answer within ${this.timeoutMs} ms`);
        settle(() => reject(this.failed));
      }, this.timeoutMs);
      this.pending = (err) => settle(() => reject(err));
      this.reader.transmit(command, 4096, this.protocol, (err, data) => {
        if (err) {
          const removed = /removed|0x80100069|0x80100067|no smart card|reset/i.test(err.message);
          return settle(() =>
            reject(
              new ReaderError(
                removed ? 'removed' : 'transmit',
                removed ? 'the card was removed during the read' : `card communication failed: ${err.message}`,
              ),
            ),
          );
        }
        let response: ResponseApdu;
        try {
          response = parseResponse(data);
        } catch (e) {
          // A truncated answer is what a card pulled mid-command looks like: give the reader a moment
          // to report the removal, so the message says what happened rather than "malformed".
          clearTimeout(timer);
          setTimeout(() => settle(() => reject(this.failed ?? e)), REMOVAL_GRACE_MS);
          return;
        }
        settle(() => resolve(response));
      });
    });
  }

  /** The reader reported removal or went away: fail whatever is pending, refuse the rest. */
  fail(err: ReaderError): void {
    this.failed ??= err;
    this.pending?.(err);
  }

  /** Ends the session and resets the card so no verified PIN outlives it. */
  close(disposition: 'reset' | 'unpower' = 'reset'): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.guard.reset();
    this.onClose();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.timeoutMs);
      try {
        this.reader.disconnect(
          disposition === 'reset' ? this.reader.SCARD_RESET_CARD : this.reader.SCARD_UNPOWER_CARD,
          () => {
            clearTimeout(timer);
            resolve();
          },
        );
      } catch {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
