/**
 * `uketsuke rules …`: sign, verify, import, roll back, list and compare rule packs, and check the
 * clinic's local practice file. Every refusal is one line and exit 2; nothing on disk changes then.
 */
import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Rulebook } from '../../shared/rules/rulebook-schema.ts';
import { defaultDataDir, defaultResourcesDir } from '../paths.ts';
import { parseRulebook } from '../rules/load.ts';
import { diffRulebooks, formatDiff } from '../rule-packs/diff.ts';
import { sha256 } from '../rule-packs/manifest.ts';
import { buildPack, loadPublisherKeys, verifyPack } from '../rule-packs/pack-file.ts';
import {
  installedPacks,
  loadBuiltIn,
  localPracticePath,
  packLabel,
  parseLocalPractice,
  publisherKeysDir,
} from '../rule-packs/rule-set.ts';
import { UsageError } from './errors.ts';

export const RULES_USAGE = [
  'uketsuke rules pack DIR --key PRIVATE.pem [--key-id ID] -o FILE   (publisher: sign DIR/manifest.json + files)',
  'uketsuke rules verify FILE [--keys DIR] | import FILE | rollback | list',
  'uketsuke rules diff A B [--keys DIR]   (A, B: pack files, rulebook.json files, "built-in" or "active")',
  "uketsuke rules local check FILE | local import FILE   (the clinic's local practice)",
].join('\n  ');

type Io = { stdout: NodeJS.WritableStream };

function read(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new UsageError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export async function rulesCommand(args: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      key: { type: 'string' },
      'key-id': { type: 'string' },
      keys: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'data-dir': { type: 'string' },
      resources: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const resourcesDir = values.resources ?? defaultResourcesDir();
  const dataDir = values['data-dir'] ?? defaultDataDir(env);
  // --keys DIR lets a reviewer verify or compare packs of another publisher (a test key); import
  // always uses the keys the app ships.
  const reviewKeys = () => loadPublisherKeys(values.keys ?? publisherKeysDir(resourcesDir));
  if (values.keys && sub !== 'verify' && sub !== 'diff')
    throw new UsageError('--keys applies to verify and diff only; import trusts the keys the app ships');
  const builtIn = () => loadBuiltIn(resourcesDir);
  const packs = () => installedPacks(resourcesDir, dataDir, builtIn());
  const arg = (n: number, what: string) =>
    positionals[n] ??
    (() => {
      throw new UsageError(`rules ${sub}: ${what} missing`);
    })();
  const out = (s: string) => io.stdout.write(s + '\n');

  switch (sub) {
    case 'pack': {
      if (!values.key || !values.output) throw new UsageError('rules pack DIR --key PRIVATE.pem -o FILE');
      const dir = arg(0, 'DIR');
      const keyId = values['key-id'] ?? 'uketsuke-publisher-2026';
      writeFileSync(values.output, buildPack(dir, read(values.key), keyId));
      out(`signed ${values.output} with key ${keyId}`);
      return 0;
    }
    case 'verify': {
      const p = verifyPack(read(arg(0, 'FILE')), reviewKeys());
      out(
        `ok: ${packLabel(p.manifest)}, effective ${p.manifest.effective}, signed by ${p.keyId}, ${p.rulebook.rules.length} rules`,
      );
      return 0;
    }
    case 'import': {
      const p = packs().import(read(arg(0, 'FILE')));
      out(
        `installed ${packLabel(p.manifest)}: in force from ${p.manifest.effective} (the previous rules stay for rollback)`,
      );
      return 0;
    }
    case 'rollback': {
      const r = packs().rollback();
      out(`rolled back ${r.from}; now in use: ${r.to ?? `the built-in rules (${packLabel(builtIn().info)})`}`);
      return 0;
    }
    case 'list': {
      const b = builtIn();
      out(`built-in  ${packLabel(b.info)}  effective ${b.info.effective}`);
      const history = packs().history();
      history.forEach((name, i) => {
        const p = packs().load(name);
        out(`installed ${name}  effective ${p.manifest.effective}${i === history.length - 1 ? '  ← active' : ''}`);
      });
      if (history.length === 0) out('(no packs installed: the built-in rules are active)');
      return 0;
    }
    case 'diff': {
      const load = (spec: string): { label: string; rulebook: Rulebook } => {
        if (spec === 'built-in') return { label: packLabel(builtIn().info), rulebook: builtIn().rulebook };
        if (spec === 'active') {
          const name = packs().history().at(-1);
          return name
            ? { label: name, rulebook: packs().load(name).rulebook }
            : { label: packLabel(builtIn().info), rulebook: builtIn().rulebook };
        }
        const raw = read(spec);
        if (spec.endsWith('rulebook.json')) return { label: spec, rulebook: parseRulebook(raw.toString('utf8'), spec) };
        const p = verifyPack(raw, reviewKeys());
        return { label: packLabel(p.manifest), rulebook: p.rulebook };
      };
      const a = load(arg(0, 'A'));
      const b = load(arg(1, 'B'));
      out(formatDiff(diffRulebooks(a.rulebook, b.rulebook), a.label, b.label));
      return 0;
    }
    case 'local': {
      const [action, file] = [arg(0, 'check|import'), arg(1, 'FILE')];
      const rules = parseLocalPractice(read(file).toString('utf8'), file);
      if (action === 'check') {
        out(`ok: ${rules.length} local rule(s)`);
        return 0;
      }
      if (action !== 'import') throw new UsageError('rules local check FILE | local import FILE');
      const target = localPracticePath(dataDir);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, `${target}.tmp`);
      // Atomic replace: the app never reads half a file.
      renameSync(`${target}.tmp`, target);
      out(
        `installed ${rules.length} local rule(s) (${sha256(read(target)).slice(0, 12)}) into ${join(dirname(target))}`,
      );
      return 0;
    }
    default:
      throw new UsageError(`rules: unknown sub-command "${sub ?? ''}"\n  ${RULES_USAGE}`);
  }
}
