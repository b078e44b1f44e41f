/**
 * A slot of the vpcd virtual reader: the virtual card connects to vpcd (a TCP client on
 * 127.0.0.1), and pcscd sees a card in "Virtual PCD 00 0n". Wire format both ways: a 2-byte
 * big-endian length, then the payload. Length 1 is control from vpcd (00 off, 01 on, 02 reset,
 * 04 ATR request); anything else is a command APDU to answer. Closing the socket = card removed.
 */
import { Socket } from 'node:net';
import type { VirtualMyNumberCard } from './mynumber-card.ts';

export const VPCD_PORTS = [35963, 35964] as const;

export class VirtualSlot {
  private socket: Socket | undefined;
  card: VirtualMyNumberCard | undefined;
  /** Command APDUs answered since the card was inserted. */
  answered = 0;

  constructor(readonly port: number = VPCD_PORTS[0]) {}

  get inserted(): boolean {
    return this.socket !== undefined && !this.socket.destroyed;
  }

  /** Places the card; resolves once connected to vpcd (pcscd reports it ~0.3 s later). */
  insert(card: VirtualMyNumberCard): Promise<void> {
    if (this.inserted) throw new Error('slot already holds a card');
    this.card = card;
    this.answered = 0;
    card.reset();
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      this.socket = socket;
      let buf = Buffer.alloc(0);
      socket.setNoDelay(true);
      socket.once('error', reject);
      socket.connect(this.port, '127.0.0.1', () => {
        socket.off('error', reject);
        socket.on('error', () => undefined);
        resolve();
      });
      socket.on('data', (chunk) => {
        buf = Buffer.concat([buf, chunk]);
        while (buf.length >= 2) {
          const len = buf.readUInt16BE(0);
          if (buf.length < 2 + len) break;
          const msg = buf.subarray(2, 2 + len);
          buf = buf.subarray(2 + len);
          this.onMessage(socket, card, Buffer.from(msg));
        }
      });
      socket.on('close', () => {
        if (this.socket === socket) this.socket = undefined;
      });
    });
  }

  private send(socket: Socket, payload: Buffer): void {
    const frame = Buffer.alloc(2 + payload.length);
    frame.writeUInt16BE(payload.length, 0);
    payload.copy(frame, 2);
    if (!socket.destroyed) socket.write(frame);
  }

  private onMessage(socket: Socket, card: VirtualMyNumberCard, msg: Buffer): void {
    if (msg.length === 1) {
      if (msg[0] === 0x04) this.send(socket, card.atr);
      else card.reset(); // 00 power off, 01 power on, 02 reset: a fresh card session
      return;
    }
    const f = card.faults;
    if (f.unresponsive) return;
    if (f.pullAfter !== undefined) {
      f.pullAfter--;
      if (f.pullAfter <= 0) {
        delete f.pullAfter;
        void this.remove();
        return;
      }
    }
    let response = card.process(msg);
    if (f.garble) {
      f.garble--;
      response = Buffer.from([0x42]);
    }
    this.answered++;
    if (f.delayMs) setTimeout(() => this.send(socket, response), f.delayMs);
    else this.send(socket, response);
  }

  /** Pulls the card out. */
  remove(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    if (!socket || socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.destroy();
    });
  }
}
