// Types for the `pcsclite` package (CommonJS, EventEmitter-based), covering what this app uses.
declare module 'pcsclite' {
  import type { EventEmitter } from 'node:events';

  export interface ReaderStatus {
    state: number;
    atr?: Buffer;
  }

  export interface CardReader extends EventEmitter {
    name: string;
    state: number;
    connected: boolean;
    SCARD_SHARE_EXCLUSIVE: number;
    SCARD_SHARE_SHARED: number;
    SCARD_PROTOCOL_T0: number;
    SCARD_PROTOCOL_T1: number;
    SCARD_LEAVE_CARD: number;
    SCARD_RESET_CARD: number;
    SCARD_UNPOWER_CARD: number;
    SCARD_STATE_PRESENT: number;
    SCARD_STATE_EMPTY: number;
    SCARD_STATE_MUTE: number;
    SCARD_STATE_CHANGED: number;
    connect(
      options: { share_mode?: number; protocol?: number },
      cb: (err: Error | null, protocol: number) => void,
    ): void;
    disconnect(disposition: number, cb: (err: Error | null) => void): void;
    transmit(data: Buffer, resLen: number, protocol: number, cb: (err: Error | null, data: Buffer) => void): void;
    close(): void;
    on(event: 'status', listener: (status: ReaderStatus) => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
    on(event: 'end', listener: () => void): this;
  }

  export interface PCSCLite extends EventEmitter {
    readers: Record<string, CardReader>;
    close(): void;
    on(event: 'reader', listener: (reader: CardReader) => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
  }

  export default function pcsclite(): PCSCLite;
}
