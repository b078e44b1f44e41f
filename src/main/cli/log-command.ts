/**
 * `uketsuke log verify|export|purge`: the check log from the command line. verify opens the file
 * read-only and writes nothing; export (masked only) and purge are recorded in the log's audit trail.
 * Exit codes: 0 done / intact, 1 the chain is broken (verify), 2 bad input, no log, wrong key.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../paths.ts';
import { HandoffExtrasSchema, type HandoffExtras } from '../../shared/handoff/handoff.ts';
import { formatIssues } from '../../shared/validation.ts';
import { writeHandoffFile } from '../handoff/handoff-file.ts';
import { HandoffService } from '../handoff/handoff-service.ts';
import { fileSecret } from '../store/secret.ts';
import {
  keyFileIn,
  keyFileProvider,
  openStore,
  StoreError,
  storeFileIn,
  type StoreService,
} from '../store/store-service.ts';
import { UsageError } from './errors.ts';

export const LOG_USAGE = [
  'uketsuke log verify [--db FILE] [--key-file FILE]   (exit 0 intact, 1 broken: names the first broken entry)',
  'uketsuke log export [--db FILE] [--key-file FILE] [--date DAY | --from DAY --to DAY] [-o FILE.csv]',
  '      (insurer numbers and 記号・番号 masked; an unmasked export is an admin action in the app)',
  'uketsuke log purge [--db FILE] [--key-file FILE]    (erase checks past the retention period and expired images)',
  'uketsuke log handoff CHECK_ID --out FILE.xml [--class 01|02|04] [--patient-id N] [--sex 1|2] [--relation 1|2] [--kana カナ] [--db FILE] [--key-file FILE]',
  '      (the ORCA patientmodv2 request for a logged check, as the app builds it; sex 1 男 2 女, relation 1 本人 2 家族)',
].join('\n  ');

const OPTIONS = {
  db: { type: 'string' },
  'key-file': { type: 'string' },
  date: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  output: { type: 'string', short: 'o' },
  out: { type: 'string' },
  class: { type: 'string' },
  'patient-id': { type: 'string' },
  sex: { type: 'string' },
  relation: { type: 'string' },
  kana: { type: 'string' },
} as const;

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

export async function logCommand(args: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: OPTIONS,
    strict: true,
    allowPositionals: sub === 'handoff',
  });
  const dataDir = defaultDataDir(env);
  const file = values.db ?? storeFileIn(dataDir);
  const key = keyFileProvider(values['key-file'] ?? keyFileIn(dataDir));
  const only = (allowed: string[]) => {
    const extra = Object.keys(values).filter((k) => !allowed.includes(k));
    if (extra.length > 0) throw new UsageError(`log ${sub}: --${extra[0]} does not apply`);
  };

  switch (sub) {
    case 'verify': {
      only(['db', 'key-file']);
      const store = openStore({ file, key, readOnly: true, via: 'cli' });
      try {
        const r = store.verify();
        if (r.ok) {
          io.stdout.write(
            `intact: ${r.entries} entries${r.head ? ` (head: entry ${r.head.id}, ${r.head.hash})` : ''}\n`,
          );
          return 0;
        }
        io.stdout.write(`broken at entry ${r.entryId}: ${r.reason}\n`);
        return 1;
      } finally {
        store.close();
      }
    }
    case 'export': {
      if (values.date !== undefined && (values.from !== undefined || values.to !== undefined))
        throw new UsageError('log export: give --date or --from/--to, not both');
      const store = openExisting(file, key);
      try {
        warnIfReadOnly(store, io);
        const csv = store.exportCsv({ date: values.date, from: values.from, to: values.to });
        if (values.output === undefined) {
          io.stdout.write(csv);
        } else {
          try {
            writeFileSync(values.output, csv, { mode: 0o600 });
          } catch (e) {
            throw new UsageError(`cannot write ${values.output}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
          }
          const rows = csv.split('\r\n').length - 2;
          io.stdout.write(`exported ${rows} checks to ${values.output} (insurer numbers and 記号・番号 masked)\n`);
        }
        return 0;
      } finally {
        store.close();
      }
    }
    case 'purge': {
      only(['db', 'key-file']);
      const store = openExisting(file, key);
      try {
        const years = store.getSettings().retentionYears;
        const r = store.purgeExpired();
        io.stdout.write(`purged ${r.checks} checks older than ${years} years and ${r.images} images\n`);
        return 0;
      } finally {
        store.close();
      }
    }
    case 'handoff': {
      only(['db', 'key-file', 'out', 'class', 'patient-id', 'sex', 'relation', 'kana']);
      const [idText, ...more] = positionals;
      if (idText === undefined || more.length > 0 || !/^[1-9]\d*$/.test(idText))
        throw new UsageError(
          'log handoff: give one check id (the number in the log), e.g. uketsuke log handoff 42 --out check42.xml',
        );
      if (values.out === undefined) throw new UsageError('log handoff: --out FILE.xml is required');
      const extras = handoffExtras(values);
      const store = openExisting(file, key);
      try {
        warnIfReadOnly(store, io);
        const handoff = new HandoffService({ store: () => store, password: fileSecret(join(dataDir, 'orca.secret')) });
        const r = handoff.file(Number(idText), extras, null);
        if (r.code !== 'saved' || r.xml === undefined)
          throw new UsageError(`log handoff: no request for check ${idText}: ${r.problems.join(', ')}`);
        try {
          writeHandoffFile(values.out, r.xml);
        } catch (e) {
          throw new UsageError(`cannot write ${values.out}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
        }
        io.stdout.write(
          `wrote the ORCA request for check ${idText} to ${values.out}${r.requestWarnings.length ? ` (warnings: ${r.requestWarnings.join(', ')})` : ''}\n`,
        );
        return 0;
      } finally {
        store.close();
      }
    }
    default:
      throw new UsageError(
        sub === undefined
          ? `log: what to do? (${LOG_USAGE.split('\n')[0]})`
          : `log: unknown subcommand "${sub}" (verify, export, purge, handoff)`,
      );
  }
}

function handoffExtras(values: {
  class?: string;
  'patient-id'?: string;
  sex?: string;
  relation?: string;
  kana?: string;
}): HandoffExtras {
  const parsed = HandoffExtrasSchema.safeParse({
    ...(values.class !== undefined ? { orcaClass: values.class } : {}),
    ...(values['patient-id'] !== undefined ? { patientId: values['patient-id'] } : {}),
    ...(values.sex !== undefined ? { sex: values.sex } : {}),
    ...(values.relation !== undefined ? { relation: values.relation } : {}),
    ...(values.kana !== undefined ? { kana: values.kana } : {}),
  });
  if (!parsed.success) throw new UsageError(`log handoff: ${formatIssues(parsed.error)}`);
  return parsed.data;
}

/** export and purge never start a new log (nor a new key) by accident. */
function openExisting(file: string, key: ReturnType<typeof keyFileProvider>): StoreService {
  if (!existsSync(file)) throw new StoreError('not_found', `there is no check log at ${file}`);
  const store = openStore({ file, key, via: 'cli' });
  if (!store.readable) {
    store.close();
    throw new StoreError(store.problemCode ?? 'corrupt', store.problem ?? `cannot read ${file}`);
  }
  return store;
}

function warnIfReadOnly(store: StoreService, io: Io): void {
  if (store.mode === 'read_only') io.stderr.write(`uketsuke: warning: ${store.problem}\n`);
}
