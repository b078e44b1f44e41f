/**
 * Which rulebooks the engine may use: the built-in one and the installed packs that still verify,
 * plus the clinic's local practice. A pack that no longer verifies (edited on disk, key removed)
 * and everything installed after it are left out, with the reason in `problems`.
 */
import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IsoDate } from '../../shared/domain/dates.ts';
import type { PackInfo } from '../../shared/rules/overview.ts';
import type { Rulebook } from '../../shared/rules/rulebook-schema.ts';
import { formatIssues } from '../../shared/validation.ts';
import { compileRulebook, type CompiledRulebook } from '../rules/compile.ts';
import { parseRulebook, RulebookError } from '../rules/load.ts';
import { InstalledPacks } from './installed-packs.ts';
import { LocalPracticeSchema, type LocalRule } from './local-practice.ts';
import { ManifestSchema, sha256, type Manifest } from './manifest.ts';
import { loadPublisherKeys } from './pack-file.ts';

export interface LoadedBook {
  info: PackInfo;
  rulebook: Rulebook;
  compiled: CompiledRulebook;
}

export interface RuleSet {
  /** Built-in first, then the activated packs, oldest first (versions ascending). */
  books: LoadedBook[];
  local: LocalRule[];
  problems: string[];
}

export const packLabel = (m: Pick<Manifest, 'packId' | 'version'>): string => `${m.packId}@${m.version}`;

function book(manifest: Manifest, rulebook: Rulebook, origin: PackInfo['origin']): LoadedBook {
  // Verdicts name the pack that decided them.
  const compiled = { ...compileRulebook(rulebook), version: packLabel(manifest) };
  return {
    info: {
      packId: manifest.packId,
      version: manifest.version,
      published: manifest.published,
      effective: manifest.effective,
      origin,
    },
    rulebook,
    compiled,
  };
}

/** The built-in rulebook with its manifest; a mismatch means the app's own files were edited. */
export function loadBuiltIn(resourcesDir: string): LoadedBook {
  const dir = join(resourcesDir, 'rules');
  const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  if (!parsed.success) throw new RulebookError(`${dir}/manifest.json: ${formatIssues(parsed.error)}`);
  const text = readFileSync(join(dir, 'rulebook.json'));
  const expected = parsed.data.files.find((f) => f.path === 'rulebook.json')?.sha256;
  if (sha256(text) !== expected)
    throw new RulebookError(
      `${dir}/rulebook.json does not match its manifest (edited without "uketsuke rules manifest")`,
    );
  return book(parsed.data, parseRulebook(text.toString('utf8'), join(dir, 'rulebook.json')), 'built-in');
}

export const publisherKeysDir = (resourcesDir: string): string => join(resourcesDir, 'rules', 'keys');
export const localPracticePath = (dataDir: string): string => join(dataDir, 'rules', 'local.json');

export function installedPacks(
  resourcesDir: string,
  dataDir: string,
  builtIn: LoadedBook,
  keys?: ReadonlyMap<string, KeyObject>,
): InstalledPacks {
  return new InstalledPacks(dataDir, keys ?? loadPublisherKeys(publisherKeysDir(resourcesDir)), builtIn.info);
}

export function loadRuleSet(resourcesDir: string, dataDir: string): RuleSet {
  const builtIn = loadBuiltIn(resourcesDir);
  const books = [builtIn];
  const problems: string[] = [];
  try {
    const packs = installedPacks(resourcesDir, dataDir, builtIn);
    for (const name of packs.history()) {
      const pack = packs.load(name);
      books.push(book(pack.manifest, pack.rulebook, 'installed'));
    }
  } catch (e) {
    problems.push(`${(e as Error).message} — using the rules before it`);
  }
  let local: LocalRule[] = [];
  const localPath = localPracticePath(dataDir);
  if (existsSync(localPath)) {
    try {
      local = parseLocalPractice(readFileSync(localPath, 'utf8'), localPath);
    } catch (e) {
      problems.push(`${(e as Error).message} — local practice not applied`);
    }
  }
  return { books, local, problems };
}

export function parseLocalPractice(text: string, origin: string): LocalRule[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RulebookError(`${origin}: not valid JSON`);
  }
  const parsed = LocalPracticeSchema.safeParse(json);
  if (!parsed.success) throw new RulebookError(`${origin}: ${formatIssues(parsed.error)}`);
  return parsed.data.rules;
}

/** The newest book whose effective date has come on `date`; the built-in one otherwise. */
export function bookFor(books: readonly LoadedBook[], date: IsoDate): LoadedBook {
  for (let i = books.length - 1; i > 0; i--) if (books[i]!.info.effective <= date) return books[i]!;
  return books[0]!;
}
