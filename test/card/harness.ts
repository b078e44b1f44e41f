/** Wiring for the card tests: a real pcscd, the vpcd slots, the app's ReaderService. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrustAnchor } from '../../src/main/card/certificate.ts';
import { loadTrustAnchors } from '../../src/main/card/certificate.ts';
import { ReaderService, type Reader } from '../../src/main/card/reader-service.ts';
import type { CardSession } from '../../src/main/card/session.ts';
import { createServices } from '../../src/main/composition.ts';
import { Pcscd } from '../virtual-card/daemon.ts';
import { VirtualMyNumberCard, type VirtualCardOptions } from '../virtual-card/mynumber-card.ts';
import { authCertificate, testRoot, writeCaPem, type AuthCertOptions } from '../virtual-card/pki.ts';
import { VirtualSlot } from '../virtual-card/vpcd.ts';

export const READER_0 = 'Virtual PCD 00 00';
export const tmp = mkdtempSync(join(tmpdir(), 'uketsuke-card-'));

export function once<T>(
  emitter: { once(e: string, f: (v: T) => void): unknown },
  event: string,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${timeoutMs} ms`)), timeoutMs);
    emitter.once(event, (v: T) => {
      clearTimeout(timer);
      resolve(v);
    });
  });
}

export class CardHarness {
  readonly daemon = new Pcscd();
  readonly slot = new VirtualSlot();
  service!: ReaderService;
  bundled!: TrustAnchor[];
  withTestRoot!: TrustAnchor[];
  testCaPath!: string;
  errors: Error[] = [];

  async start(): Promise<void> {
    await this.daemon.start();
    const root = await testRoot();
    this.testCaPath = writeCaPem(root, join(tmp, 'test-ca.pem'));
    this.bundled = createServices().trustAnchors();
    this.withTestRoot = [...this.bundled, ...loadTrustAnchors(this.testCaPath)];
    this.service = new ReaderService({ retryMs: 200, maxRetryMs: 1000 });
    this.service.on('error', (e: Error) => this.errors.push(e));
    this.service.start();
    await this.reader();
  }

  async stop(): Promise<void> {
    await this.slot.remove();
    this.service?.stop();
    await this.daemon.stop();
  }

  /** The first vpcd reader, waiting for it to (re)appear. */
  async reader(timeoutMs = 8000): Promise<Reader> {
    const existing = this.service.readers.find((r) => r.name === READER_0);
    if (existing) return existing;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('reader did not appear')), timeoutMs);
      const onReader = (r: Reader) => {
        if (r.name !== READER_0) return;
        clearTimeout(timer);
        this.service.off('reader', onReader);
        resolve(r);
      };
      this.service.on('reader', onReader);
    });
  }

  /** Inserts a card and waits until the reader reports it. */
  async insert(card: VirtualMyNumberCard): Promise<Reader> {
    const reader = await this.reader();
    const seen = once(reader, 'card');
    await this.slot.insert(card);
    await seen;
    return reader;
  }

  async remove(): Promise<void> {
    const reader = await this.reader();
    if (!reader.hasCard) return this.slot.remove();
    const off = once(reader, 'card.off');
    await this.slot.remove();
    await off;
  }

  /** Insert, connect, run, close (reset), remove. */
  async withSession<T>(
    card: VirtualMyNumberCard,
    fn: (s: CardSession, r: Reader) => Promise<T>,
    timeoutMs = 3000,
  ): Promise<T> {
    const reader = await this.insert(card);
    const session = await reader.connect(timeoutMs);
    try {
      return await fn(session, reader);
    } finally {
      await session.close();
      await this.remove();
    }
  }
}

/** A virtual card with a certificate from the test root (or as asked). */
export async function makeCard(
  opts: VirtualCardOptions & { cert?: AuthCertOptions } = {},
): Promise<VirtualMyNumberCard> {
  const { der, holder } = await authCertificate(opts.cert);
  const root = await testRoot();
  return new VirtualMyNumberCard({ authCert: der, authCaCert: root.der, authKey: holder.privateKey, ...opts });
}
