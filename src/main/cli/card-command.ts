/**
 * `uketsuke card`: waits for a card, prints its status and exits.
 * 0 with a status; 1 with a status when a PIN step did not succeed (wrong PIN, last try not
 * confirmed, blocked); 2 with one line: pcscd not running, no reader, no card before the timeout,
 * a card that could not be read. Without --pin-stdin nothing PIN-protected is touched.
 *
 * The PINs follow the card's two keys: `--pin-stdin` reads one line, the 利用者証明用 PIN, and
 * checks genuineness only; with `--basic-info` a second line, the 券面事項入力補助 PIN (the same
 * digits or not), reads the 基本4情報 too. Each key is tried only with its own PIN.
 */
import { parseArgs } from 'node:util';
import { isIsoDate } from '../../shared/domain/dates.ts';
import { todayInJapan } from '../clock.ts';
import { readCardStatus, type CardStatus, type CardWarning } from '../card/card-status.ts';
import { ReaderError } from '../card/errors.ts';
import { PinError, type PinStep } from '../card/mynumber.ts';
import { ReaderService, type Reader } from '../card/reader-service.ts';
import type { Services } from '../composition.ts';
import { UsageError } from './errors.ts';

export const CARD_USAGE =
  'uketsuke card [--reader NAME] [--timeout S] [--ca FILE]... [--pin-stdin [--basic-info] [--force-last-try auth|basic-info]...] [--date YYYY-MM-DD] [--json]';

/** The CLI's words for the warning codes (the screens have their own, in ja and en). */
const WARNING_TEXT: Record<CardWarning, string> = {
  not_jpki: 'not a My Number Card: no 公的個人認証 application',
  unknown_token: 'a 公的個人認証 token this app does not know (kind reported as unknown_jpki)',
  juki_card: '住基カード: not usable as a health-insurance card',
  auth_certificate_missing: 'the card holds no 利用者証明用電子証明書',
  unknown_issuer: 'the certificate issuer is not among the known J-LIS roots (add the missing root with --ca)',
  invalid_signature: 'the certificate signature does not verify against the J-LIS root it names',
  not_yet_valid: 'the certificate is not valid yet',
};

const PIN_ERROR_TEXT: Record<PinError['code'], string> = {
  wrong_pin: 'wrong PIN',
  last_try: 'only one try left: not tried without --force-last-try',
  blocked: 'the PIN is blocked (reset at the municipal office)',
  not_available: 'this card has no such PIN step',
};

/** One line per PIN step asked for: line 1 the 利用者証明用 PIN, line 2 (with --basic-info) the 券面事項入力補助 PIN. */
async function readPins(stdin: NodeJS.ReadStream, basicInfo: boolean): Promise<Record<PinStep, string | undefined>> {
  if (stdin.isTTY) throw new UsageError('--pin-stdin: pipe the 4-digit PIN on stdin');
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(c as Buffer);
  const lines = Buffer.concat(chunks)
    .toString('utf8')
    .split(/\r?\n/)
    .map((l) => l.trim());
  const pin = (i: number, what: string) => {
    if (!/^[0-9]{4}$/.test(lines[i] ?? ''))
      throw new UsageError(`--pin-stdin: line ${i + 1} must be the 4-digit ${what}`);
    return lines[i]!;
  };
  return { auth: pin(0, '利用者証明用 PIN'), basicInfo: basicInfo ? pin(1, '券面事項入力補助 PIN') : undefined };
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
      if (service.state === 'no_service' || lastError?.code === 'no_service')
        return reject(new ReaderError('no_service', 'pcscd is not running (PC/SC service not available)'));
      const readers = service.readers.filter(matches);
      if (readers.length === 0)
        return reject(
          new ReaderError('no_reader', readerName ? `no reader named "${readerName}"` : 'no card reader connected'),
        );
      reject(
        new ReaderError('no_card', `no card on ${readers.map((r) => r.name).join(', ')} within ${timeoutMs / 1000} s`),
      );
    }, timeoutMs);
    service.on('reader', watch);
    service.on('error', (e: ReaderError) => (lastError = e));
    service.start();
  });
}

function summary(s: CardStatus): string {
  const lines = [`kind: ${s.kind}${s.tokenLabel ? ` (${s.tokenLabel})` : ''}`];
  if (s.certificateExpiry)
    lines.push(
      `certificate: ${s.certificateStatus} (expires ${s.certificateExpiry}${s.graceUntil ? `, grace until ${s.graceUntil}` : ''}), chain ${s.chain}`,
    );
  lines.push(`PIN tries left: auth ${s.pinTriesLeft.auth ?? '—'}, 券面入力補助 ${s.pinTriesLeft.basicInfo ?? '—'}`);
  if (s.genuine !== undefined) lines.push(`genuine: ${s.genuine ? 'yes' : 'NO'}`);
  if (s.basicInfo) lines.push(`基本4情報: ${s.basicInfo.name} / ${s.basicInfo.birthDate} / ${s.basicInfo.sex}`);
  for (const [step, f] of Object.entries(s.pinErrors ?? {})) {
    lines.push(
      `PIN ${step === 'auth' ? '利用者証明用' : '券面事項入力補助'}: ${PIN_ERROR_TEXT[f.code]}${f.triesLeft !== undefined ? ` (${f.triesLeft} left)` : ''}`,
    );
  }
  for (const w of s.warnings) lines.push(`warning: ${WARNING_TEXT[w]}`);
  return lines.join('\n');
}

export async function cardCommand(
  args: string[],
  services: () => Services,
  io: { stdin: NodeJS.ReadStream; stdout: NodeJS.WritableStream },
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      reader: { type: 'string' },
      timeout: { type: 'string', default: '30' },
      ca: { type: 'string', multiple: true, default: [] },
      'pin-stdin': { type: 'boolean', default: false },
      'basic-info': { type: 'boolean', default: false },
      'force-last-try': { type: 'string', multiple: true, default: [] },
      date: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const timeoutS = Number(values.timeout);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0)
    throw new UsageError('--timeout must be a positive number of seconds');
  if (values.date !== undefined && !isIsoDate(values.date)) throw new UsageError('--date must be YYYY-MM-DD');
  const forced = values['force-last-try'];
  if (forced.length > 0 && !values['pin-stdin']) throw new UsageError('--force-last-try goes with --pin-stdin');
  if (values['basic-info'] && !values['pin-stdin']) throw new UsageError('--basic-info goes with --pin-stdin');
  for (const f of forced)
    if (f !== 'auth' && f !== 'basic-info') throw new UsageError('--force-last-try takes auth or basic-info');
  if (forced.includes('basic-info') && !values['basic-info'])
    throw new UsageError('--force-last-try basic-info goes with --basic-info');
  const today = values.date ?? todayInJapan();
  const svc = services();
  const anchors = svc.trustAnchors(values.ca);
  const pins = values['pin-stdin'] ? await readPins(io.stdin, values['basic-info']) : undefined;

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
        ...(pins
          ? {
              pins: { auth: pins.auth!, ...(pins.basicInfo !== undefined ? { basicInfo: pins.basicInfo } : {}) },
              force: { auth: forced.includes('auth'), basicInfo: forced.includes('basic-info') },
            }
          : {}),
      });
    } finally {
      await session.close('reset');
    }
    io.stdout.write(
      (values.json
        ? JSON.stringify({ reader: reader.name, ...status }, null, 2)
        : `reader: ${reader.name}\n${summary(status)}`) + '\n',
    );
    return status.pinErrors ? 1 : 0;
  } catch (e) {
    if (e instanceof ReaderError || e instanceof PinError) throw new UsageError(e.message);
    throw e;
  } finally {
    readers.stop();
  }
}
