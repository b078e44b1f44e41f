/**
 * Rule packs installed in the data folder. Every step that a crash could cut is atomic: a pack
 * file is written to a temporary name, flushed and renamed into place; the list of activated
 * packs (state.json) likewise. Killed at any moment, the folder holds the old state or the new
 * one, never half of either. Installed packs are verified again every time they are loaded.
 */
import type { KeyObject } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { compareVersions, type Manifest } from './manifest.ts';
import { PackError, verifyPack, type VerifiedPack } from './pack-file.ts';

/**
 * Test hook for the crash tests: UKETSUKE_CRASH_AT=<point> makes this process kill itself with
 * SIGKILL at that point of an import, exactly as a power cut or `kill -9` would.
 */
function crashPoint(point: string): void {
  if (process.env['UKETSUKE_CRASH_AT'] === point) process.kill(process.pid, 'SIGKILL');
}

const StateSchema = z.object({ history: z.array(z.string()) }).strict();
const packName = (m: Pick<Manifest, 'packId' | 'version'>) => `${m.packId}@${m.version}`;

function writeAtomic(path: string, data: Buffer | string, point: string): void {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  crashPoint(`${point}:before-rename`);
  renameSync(tmp, path);
  // The rename itself must reach the disk before we say "installed".
  const dir = openSync(join(path, '..'), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

export class InstalledPacks {
  readonly root: string;
  private readonly packsDir: string;
  private readonly statePath: string;

  constructor(
    dataDir: string,
    private readonly keys: ReadonlyMap<string, KeyObject>,
    /** The pack id and version built into the app: imports must carry this id and be newer. */
    private readonly builtIn: Pick<Manifest, 'packId' | 'version'>,
  ) {
    this.root = join(dataDir, 'rules');
    this.packsDir = join(this.root, 'packs');
    this.statePath = join(this.root, 'state.json');
  }

  /** Activated packs, oldest first; the last is the active one. A damaged state file means "none". */
  history(): string[] {
    if (!existsSync(this.statePath)) return [];
    try {
      return StateSchema.parse(JSON.parse(readFileSync(this.statePath, 'utf8'))).history;
    } catch {
      throw new PackError(
        `${this.statePath} is damaged; run "uketsuke rules rollback" to return to the built-in rules`,
      );
    }
  }

  /** Loads and re-verifies one installed pack. */
  load(name: string): VerifiedPack {
    let raw: Buffer;
    try {
      raw = readFileSync(join(this.packsDir, `${name}.json`));
    } catch {
      throw new PackError(`installed pack ${name} is missing`);
    }
    try {
      return verifyPack(raw, this.keys);
    } catch (e) {
      throw new PackError(`installed pack ${name} no longer verifies: ${(e as Error).message}`);
    }
  }

  /** Verifies, refuses anything not newer than what is active, installs, then activates. */
  import(raw: Buffer): VerifiedPack {
    const pack = verifyPack(raw, this.keys);
    const m = pack.manifest;
    if (m.packId !== this.builtIn.packId)
      throw new PackError(`this app takes packs of "${this.builtIn.packId}", not "${m.packId}"`);
    const history = this.history();
    const current = history.at(-1)?.split('@')[1] ?? this.builtIn.version;
    if (compareVersions(m.version, current) <= 0)
      throw new PackError(
        `version ${m.version} is not newer than the rules in use (${current}): refused (no downgrades; use "rules rollback")`,
      );
    mkdirSync(this.packsDir, { recursive: true });
    this.cleanStaleTemporaries();
    writeAtomic(join(this.packsDir, `${packName(m)}.json`), raw, 'pack');
    crashPoint('pack-written');
    writeAtomic(this.statePath, JSON.stringify({ history: [...history, packName(m)] }, null, 1) + '\n', 'state');
    return pack;
  }

  /** Deactivates the newest pack; the one before (or the built-in rules) is used again. */
  rollback(): { from: string; to: string | null } {
    const history = this.history();
    const from = history.pop();
    if (!from) throw new PackError('nothing to roll back: the built-in rules are in use');
    mkdirSync(this.root, { recursive: true });
    writeAtomic(this.statePath, JSON.stringify({ history }, null, 1) + '\n', 'rollback');
    return { from, to: history.at(-1) ?? null };
  }

  /** Leftovers of an import that was killed: never active, safe to remove. */
  private cleanStaleTemporaries(): void {
    for (const dir of [this.root, this.packsDir]) {
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir)) if (f.endsWith('.tmp')) rmSync(join(dir, f), { force: true });
    }
  }
}
