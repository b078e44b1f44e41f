/**
 * `uketsuke card`: waits for a card, prints its status and exits.
 * 0 with a status; 2 with one line: pcscd not running, no reader, no card before the timeout, a
 * card that could not be read. Without --pin-stdin nothing PIN-protected is touched.
 */
import { parseArgs } from 'node:util';
import { isIsoDate } from '../../shared/domain/dates.ts';
import { todayInJapan } from '../clock.ts';
import { readCardStatus, type CardStatus } from '../card/card-status.ts';
import { ReaderError } from '../card/errors.ts';
import { PinError } from '../card/mynumber.ts';
import { ReaderService, type Reader } from '../card/reader-service.ts';
import type { Services } from '../composition.ts';
import { UsageError } from './errors.ts';

export const CARD_USAGE =
  'uketsuke card [--reader NAME] [--timeout S] [--ca FILE]... [--pin-stdin [--force-last-try]] [--date YYYY-MM-DD] [--json]';

async function readPin(stdin: NodeJS.ReadStream): Promise<string> {
  if (stdin.isTTY) throw new UsageError('--pin-stdin: pipe the 4-digit PIN on stdin');
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(c as Buffer);
  const pin = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0]!.trim();
  if (!/^[0-9]{4}$/.test(pin)) throw new UsageError('--pin-stdin: the PIN must be 4 digits');
  return pin;
}

/** Resolves with a reader that has a card, or rejects with the reason there is none. */
function waitForCard(service: ReaderService, readerName: string | undefined, timeoutMs: number): Promise<Reader> {
  return new Promise((resolve, reject) => {
    const matches = (r: Reader) => readerName === undefined || r.name === readerName || r.name.includes(readerName);
    let lastError: ReaderError | undefined;
    const done = (fn: () => void) => {
      clearTimeout(timer);
      fn();
    };
    const watch = (r: Reader) => {
      if (!matches(r)) return;
      if (r.hasCard) return done(() => resolve(r));
      r.once('card', () => done(() => resolve(r)));
    };
    const timer = setTimeout(() => {
      if (service.state === 'no_service' || lastError?.code === 'no_service') return reject(new ReaderError('no_service', 'pcscd is not running (PC/SC service not available)'));
      const readers = service.readers.filter(matches);
      if (readers.length === 0) return reject(new ReaderError('no_reader', readerName ? `no reader named "${readerName}"` : 'no card reader connected'));
      reject(new ReaderError('no_card', `no card on ${readers.map((r) => r.name).join(', ')} within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    service.on('reader', watch);
    service.on('error', (e: ReaderError) => (lastError = e));
    service.start();
  });
}

function summary(s: CardStatus): string {
  const lines = [`kind: ${s.kind}${s.tokenLabel ? ` (${s.tokenLabel})` : ''}`];
  if (s.certificateExpiry) lines.push(`certificate: ${s.certificateStatus} (expires ${s.certificateExpiry}${s.graceUntil ? `, grace until ${s.graceUntil}` : ''}), chain ${s.chain}`);
  lines.push(`PIN tries left: auth ${s.pinTriesLeft.auth ?? '—'}, 券面入力補助 ${s.pinTriesLeft.basicInfo ?? '—'}`);
  if (s.genuine !== undefined) lines.push(`genuine: ${s.genuine ? 'yes' : 'NO'}`);
  if (s.basicInfo) lines.push(`基本4情報: ${s.basicInfo.name} / ${s.basicInfo.birthDate} / ${s.basicInfo.sex}`);
  for (const w of s.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

export async function cardCommand(args: string[], services: () => Services, io: { stdin: NodeJS.ReadStream; stdout: NodeJS.WritableStream }): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      reader: { type: 'string' },
      timeout: { type: 'string', default: '30' },
      ca: { type: 'string', multiple: true, default: [] },
      'pin-stdin': { type: 'boolean', default: false },
      'force-last-try': { type: 'boolean', default: false },
      date: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const timeoutS = Number(values.timeout);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) throw new UsageError('--timeout must be a positive number of seconds');
  if (values.date !== undefined && !isIsoDate(values.date)) throw new UsageError('--date must be YYYY-MM-DD');
  if (values['force-last-try'] && !values['pin-stdin']) throw new UsageError('--force-last-try goes with --pin-stdin');
  const today = values.date ?? todayInJapan();
  const svc = services();
  const anchors = svc.trustAnchors(values.ca);
  const pin = values['pin-stdin'] ? await readPin(io.stdin) : undefined;

  const readers = new ReaderService();
  try {
    const reader = await waitForCard(readers, values.reader, timeoutS * 1000);
    const session = await reader.connect(5000);
    let status: CardStatus;
    try {
      status = await readCardStatus(session, {
        anchors,
        today,
        graceMonths: svc.rules.certificateGraceMonths(today),
        ...(pin !== undefined ? { pin, force: values['force-last-try'] } : {}),
      });
    } finally {
      await session.close('reset');
    }
    io.stdout.write((values.json ? JSON.stringify({ reader: reader.name, ...status }, null, 2) : `reader: ${reader.name}\n${summary(status)}`) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof ReaderError || e instanceof PinError) throw new UsageError(e.message);
    throw e;
  } finally {
    readers.stop();
  }
}
