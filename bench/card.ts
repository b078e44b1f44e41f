/**
 * npm run bench:card — the PIN-less card status through a real pcscd and the vpcd virtual reader.
 *
 * Printed: the APDU count; the bare APDU round trip; the median time from the reader reporting the
 * card to the finished status; and, as the baseline measured in the same run, the same APDUs sent
 * bare (no parsing, no X.509, no logic) at the same moment after an insertion. vpcd adds ~44 ms
 * per APDU that a real reader does not, and its presence poll (~every 440 ms) lands inside a
 * 500 ms read; the bare replay carries both, so status − replay is the app's own overhead.
 */
import { performance } from 'node:perf_hooks';
import { apdu } from '../src/main/card/apdu.ts';
import { readCardStatus } from '../src/main/card/card-status.ts';
import { AID } from '../src/main/card/constants.ts';
import type { CardChannel } from '../src/main/card/mynumber.ts';
import { ReaderService, type Reader } from '../src/main/card/reader-service.ts';
import type { CardSession } from '../src/main/card/session.ts';
import { createServices } from '../src/main/composition.ts';
import { Pcscd } from '../test/virtual-card/daemon.ts';
import { VirtualMyNumberCard } from '../test/virtual-card/mynumber-card.ts';
import { authCertificate, testRoot } from '../test/virtual-card/pki.ts';
import { VirtualSlot } from '../test/virtual-card/vpcd.ts';

const RUNS = 11;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const daemon = new Pcscd();
await daemon.start();
const root = await testRoot();
const { der, holder } = await authCertificate();
const card = new VirtualMyNumberCard({ authCert: der, authCaCert: root.der, authKey: holder.privateKey });
const slot = new VirtualSlot();
const readers = new ReaderService();
const reader: Reader = await new Promise((resolve) =>
  readers.on('reader', (r: Reader) => r.name.endsWith('00 00') && resolve(r)).start(),
);
const anchors = createServices().trustAnchors();

/** Inserts the card, runs `fn` from the moment the reader reports it, removes the card. */
async function onInsertion<T>(fn: (s: CardSession) => Promise<T>): Promise<{ ms: number; value: T }> {
  const seen = new Promise<number>((resolve) => reader.once('card', () => resolve(performance.now())));
  await slot.insert(card);
  const t0 = await seen;
  const session = await reader.connect(5000);
  const value = await fn(session);
  const ms = performance.now() - t0;
  await session.close();
  const off = new Promise((resolve) => reader.once('card.off', resolve));
  await slot.remove();
  await off;
  return { ms, value };
}

const status: number[] = [];
const replay: number[] = [];
const roundTrip: number[] = [];
let commands: Buffer[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const sentNow: Buffer[] = [];
    const s = await onInsertion((session) => {
      const recording: CardChannel = {
        transmit: (c) => (sentNow.push(c), session.transmit(c)),
        confirmLastTry: (key) => session.confirmLastTry(key),
      };
      return readCardStatus(recording, { anchors, today: '2026-11-22', graceMonths: 3 });
    });
    status.push(s.ms);
    commands = sentNow;
    const r = await onInsertion(async (session) => {
      for (const c of commands) await session.transmit(c);
    });
    replay.push(r.ms);
    await onInsertion(async (session) => {
      for (let k = 0; k < 5; k++) {
        const a = performance.now();
        await session.transmit(apdu.selectAid(AID.jpki));
        roundTrip.push(performance.now() - a);
      }
    });
  }
} finally {
  readers.stop();
  await daemon.stop();
}

const n = commands.length;
const st = median(status);
const base = median(replay);
const perApdu = base / n;
const fmt = (x: number) => x.toFixed(1).padStart(8);
console.log(`card status without a PIN · ${RUNS} insertions each · pcscd + vpcd · Node ${process.version}`);
console.log(
  `APDUs per status                           ${String(n).padStart(8)}      (target ≤ 12: ${n <= 12 ? 'met' : 'NOT met'})`,
);
console.log(`bare APDU round trip, single (median)      ${fmt(median(roundTrip))} ms`);
console.log(`baseline: the same ${n} APDUs sent bare      ${fmt(base)} ms   = ${fmt(perApdu).trim()} ms per APDU`);
console.log(`card reported → status (median)            ${fmt(st)} ms   = ${(st / base).toFixed(2)} × baseline`);
console.log(
  `app overhead = status − baseline           ${fmt(st - base)} ms   (target ≤ 30 ms: ${st - base <= 30 ? 'met' : 'NOT met'})`,
);
console.log(
  `target: status ≤ APDUs × round trip + 30   ${fmt(n * perApdu + 30)} ms   ${st <= n * perApdu + 30 ? 'met' : 'NOT met'}`,
);
