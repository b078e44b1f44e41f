/**
 * The `uketsuke` command line. Exit codes: 0 done, 2 bad input or environment (one line on
 * stderr, never a stack trace), 1 for command-specific "negative" results where documented.
 */
import { ApduRefused } from '../card/apdu-allowlist.ts';
import { CardProtocolError } from '../card/apdu.ts';
import { CertificateError } from '../card/certificate.ts';
import { createServices, type Services } from '../composition.ts';
import { RulebookError } from '../rules/load.ts';
import { InputError } from '../services/rules-service.ts';
import { StoreError } from '../store/errors.ts';
import { UsageError } from './errors.ts';
import { CARD_USAGE, cardCommand } from './card-command.ts';
import { EVALUATE_USAGE, evaluateCommand } from './evaluate-command.ts';
import { LOG_USAGE, logCommand } from './log-command.ts';
import { PackError } from '../rule-packs/pack-file.ts';
import { RULES_USAGE, rulesCommand } from './rules-command.ts';
import { SCAN_USAGE, scanCommand } from './scan-command.ts';

const USAGE = [
  'usage:',
  `  ${EVALUATE_USAGE}`,
  `  ${CARD_USAGE}`,
  `  ${SCAN_USAGE}`,
  `  ${LOG_USAGE}`,
  `  ${RULES_USAGE}`,
].join('\n');

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}

export async function main(
  argv: string[],
  io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [command, ...rest] = argv;
  let services: Services | undefined;
  const lazyServices = () => (services ??= createServices());
  try {
    switch (command) {
      case 'evaluate':
        return await evaluateCommand(rest, lazyServices, io);
      case 'card':
        return await cardCommand(rest, lazyServices, io);
      case 'scan':
        return await scanCommand(rest, io);
      case 'log':
        return await logCommand(rest, io);
      case 'rules':
        return await rulesCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}" (try: uketsuke help)`);
    }
  } catch (e) {
    const known =
      e instanceof UsageError ||
      e instanceof InputError ||
      e instanceof RulebookError ||
      e instanceof PackError ||
      e instanceof CertificateError ||
      e instanceof CardProtocolError ||
      e instanceof ApduRefused ||
      e instanceof StoreError ||
      (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr.write(`uketsuke: ${oneLine(known ? (e as Error).message : `internal error: ${(e as Error).message}`)}\n`);
    return 2;
  }
}
