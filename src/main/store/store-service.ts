/**
 * The check log, settings and staff accounts behind one facade, for the kiosk, the CLI and the
 * browser bridge. Opening never throws: a log that cannot be written (damaged, wrong key, newer
 * schema, unwritable folder) gives a store in `read_only` mode with a one-line `problem` saying what
 * to do; evaluation does not depend on the store, so the desk keeps working. See docs/store.md.
 */
import { closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_ORCA_SETTINGS, type OrcaSettings } from '../../shared/handoff/handoff.ts';
import { IsoDateSchema } from '../../shared/rules/effects.ts';
import {
  type CheckEntry,
  type CheckQuery,
  CheckQuerySchema,
  DEFAULT_SETTINGS,
  type NewCheck,
  NewCheckSchema,
  type Role,
  type Settings,
  type Staff,
} from '../../shared/store/records.ts';
import { formatIssues } from '../../shared/validation.ts';
import { appendAudit, type By } from './audit.ts';
import { type Head, readHead } from './chain.ts';
import { checksBetween, findCheck, findChecks, insertCheck } from './check-log.ts';
import { type Db, keyOpensFile, openEncrypted } from './database.ts';
import { isCorruption, sqliteCode, StoreError, type StoreErrorCode } from './errors.ts';
import { toCsv } from './export-csv.ts';
import { checkPng, getImage, getImages, imageExpiry } from './images.ts';
import type { KeyProvider } from './key.ts';
import { readOrcaSettings, saveOrcaSettings } from './orca-settings.ts';
import { GUARDS, LATEST_VERSION, migrate, schemaVersion } from './migrations.ts';
import * as retention from './retention.ts';
import { readSettings, saveSettings } from './settings.ts';
import * as staff from './staff.ts';
import { statement } from './sql.ts';
import { verifyChain, type VerifyResult } from './verify.ts';

export { StoreError } from './errors.ts';
export type { StoreErrorCode } from './errors.ts';
export { keyFileProvider, safeStorageKeyProvider, type KeyProvider, type SafeStorageLike } from './key.ts';
export type { VerifyResult } from './verify.ts';

export type StoreMode = 'normal' | 'read_only';

export const storeFileIn = (dataDir: string): string => join(dataDir, 'checks.db');
export const keyFileIn = (dataDir: string): string => join(dataDir, 'checks.key');

export interface OpenStoreOptions {
  file: string;
  key: KeyProvider | Buffer;
  now?: () => Date;
  /** Open without writing anything (no migration, no new key): `log verify`, forensics. */
  readOnly?: boolean;
  /** Who acts when no staff member is named: the kiosk (null in audit records) or the command line. */
  via?: 'app' | 'cli';
  /** Adjusts the connection after opening (tests and the benchmark; e.g. PRAGMA max_page_count). */
  tune?: (db: Db) => void;
}

export interface StoreService {
  readonly mode: StoreMode;
  /** Why the store is read-only, as one line for the screen: what happened and what to do. */
  readonly problem?: string;
  readonly problemCode?: StoreErrorCode;
  /** False when nothing can be read at all (wrong key, destroyed file): reads then return nothing. */
  readonly readable: boolean;
  readonly file: string;
  /**
   * `images`: the redacted images this check keeps (one or several). `imageKept` is false when
   * settings.keepImagesDays is 0 (the images are dropped, the check kept).
   */
  recordCheck(check: NewCheck, images?: Buffer | readonly Buffer[]): { id: number; imageKept: boolean };
  searchChecks(q: CheckQuery): CheckEntry[];
  /** One live check by its id; undefined when there is none (or it was erased). */
  getCheck(id: number): CheckEntry | undefined;
  /** Records that a check was handed to the レセコン: how and the result code, never the content. */
  recordHandoff(h: { entry: number; via: 'http' | 'file'; result: string; apiResult?: string }, by: Staff | null): void;
  getOrcaSettings(): OrcaSettings;
  /** Admin once accounts exist; audited. `passwordChanged` only notes that it changed (it is kept elsewhere). */
  saveOrcaSettings(s: OrcaSettings, by: Staff | null, passwordChanged?: boolean): OrcaSettings;
  /** Masked unless `unmaskedBy` is an admin; `by` names who asked for a masked one. Audited. */
  exportCsv(opts: { date?: string; from?: string; to?: string; unmaskedBy?: Staff; by?: Staff }): string;
  deletePatient(p: { name: string; birthDate: string }, by: Staff | null): number;
  purgeExpired(): { checks: number; images: number };
  verify(): VerifyResult;
  getSettings(): Settings;
  saveSettings(s: Settings, by: Staff | null): Settings;
  listStaff(): Staff[];
  hasStaff(): boolean;
  addStaff(s: { name: string; role: Role; pin: string }, by: Staff | null): Staff;
  authenticate(staffId: number, pin: string): Staff;
  removeStaff(id: number, by: Staff): void;
  /** The kept redacted image of a check, while it is kept (the last one when it kept several). */
  getImage(entryId: number): Buffer | null;
  /** Every kept redacted image of a check, in the order the check named them. */
  getImages(entryId: number): Buffer[];
  close(): void;
}

const damaged = (file: string) =>
  `the check log ${file} is damaged; new checks are not being saved — restore the backup, or move it with its -wal and -shm files aside to start a new log; contact your IT person`;

/** A cause inside a one-line problem: native errors can span lines (e.g. a module that failed to load). */
const cause = (e: unknown): string => {
  const text = sqliteCode(e) ?? (e as NodeJS.ErrnoException).code ?? String((e as Error)?.message ?? e);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
};

interface Opened {
  db?: Db;
  mode: StoreMode;
  problem?: string;
  problemCode?: StoreErrorCode;
}

function reopenReadOnly(file: string, key: Buffer, problemCode: StoreErrorCode, problem: string): Opened {
  try {
    return { db: openEncrypted(file, key, { readonly: true }), mode: 'read_only', problemCode, problem };
  } catch {
    return { mode: 'read_only', problemCode, problem };
  }
}

function openFile(file: string, opts: OpenStoreOptions): Opened {
  const unavailable = (problemCode: StoreErrorCode, problem: string): Opened => ({
    mode: 'read_only',
    problemCode,
    problem,
  });
  const exists = existsSync(file) && statSync(file).size > 0;
  if (opts.readOnly && !exists) return unavailable('not_found', `there is no check log at ${file}`);
  let key: Buffer;
  try {
    key = Buffer.isBuffer(opts.key) ? opts.key : opts.key.load({ create: !exists && !opts.readOnly });
  } catch (e) {
    return unavailable('wrong_key', e instanceof StoreError ? e.message : `the key cannot be read: ${cause(e)}`);
  }
  if (key.length !== 32) return unavailable('wrong_key', 'the check-log key must be 32 bytes');

  let db: Db;
  try {
    if (!opts.readOnly && !exists) {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      // Owner-only from the start; SQLite gives the -wal and -shm files the same mode.
      closeSync(openSync(file, 'a', 0o600));
    }
    db = openEncrypted(file, key, { readonly: !!opts.readOnly });
  } catch (e) {
    if (isCorruption(e)) {
      let fits: 'yes' | 'no' | 'unknown' = 'unknown';
      try {
        fits = keyOpensFile(file, key);
      } catch {
        // Unreadable: reported as damage below.
      }
      if (fits === 'no') {
        const holder = Buffer.isBuffer(opts.key) ? 'the key given' : opts.key.description;
        return unavailable(
          'wrong_key',
          `${holder} does not open the check log ${file} (it was encrypted with another key); new checks are not being saved — restore the matching key: without it this log cannot be read`,
        );
      }
      return unavailable('corrupt', damaged(file));
    }
    const why = cause(e);
    if (opts.readOnly) return unavailable('read_only', `cannot open the check log ${file} (${why})`);
    const problem = `cannot write the check log ${file} (${why}); new checks are not being saved — free disk space or fix the folder's permissions, then restart`;
    return exists ? reopenReadOnly(file, key, 'read_only', problem) : unavailable('read_only', problem);
  }

  try {
    // A full scan at start: damage shows now, not in the middle of a check at the desk.
    if (db.pragma('quick_check', { simple: true }) !== 'ok')
      throw Object.assign(new Error('quick_check'), { code: 'SQLITE_CORRUPT' });
    const version = schemaVersion(db);
    if (version > LATEST_VERSION) {
      db.close();
      return reopenReadOnly(
        file,
        key,
        'read_only',
        `the check log ${file} was written by a newer version of uketsuke (schema ${version}); it is shown read-only — update the app`,
      );
    }
    if (!opts.readOnly) {
      migrate(db);
      db.exec(GUARDS);
    }
  } catch (e) {
    db.close();
    if (isCorruption(e)) return reopenReadOnly(file, key, 'corrupt', damaged(file));
    const full = sqliteCode(e) === 'SQLITE_FULL';
    return reopenReadOnly(
      file,
      key,
      full ? 'disk_full' : 'read_only',
      `the check log ${file} could not be prepared (${full ? 'the disk is full' : cause(e)}); new checks are not being saved — ${full ? 'free disk space' : 'contact your IT person'}, then restart`,
    );
  }
  return {
    db,
    mode: opts.readOnly ? 'read_only' : 'normal',
    ...(opts.readOnly
      ? { problemCode: 'read_only' as const, problem: `the check log ${file} was opened read-only` }
      : {}),
  };
}

class SqliteStore implements StoreService {
  readonly file: string;
  private db: Db | undefined;
  private state: Opened;
  private readonly now: () => Date;
  private readonly cli: boolean;
  /** Wrong-PIN counts while the log cannot be written. */
  private readonly memoryLedger = staff.memoryLedger();

  constructor(opts: OpenStoreOptions) {
    this.file = resolve(opts.file);
    this.now = opts.now ?? (() => new Date());
    this.cli = opts.via === 'cli';
    this.state = openFile(this.file, opts);
    this.db = this.state.db;
    if (this.db) opts.tune?.(this.db);
  }

  get mode(): StoreMode {
    return this.state.mode;
  }
  get problem(): string | undefined {
    return this.state.problem;
  }
  get problemCode(): StoreErrorCode | undefined {
    return this.state.problemCode;
  }
  get readable(): boolean {
    return this.db?.open === true;
  }

  private get nobody(): By {
    return this.cli ? 'cli' : null;
  }

  /** Damage found while running: stop writing, keep serving reads. */
  private degrade(): void {
    if (this.state.mode === 'read_only' && this.state.problemCode === 'corrupt') return;
    this.state = { db: this.db, mode: 'read_only', problemCode: 'corrupt', problem: damaged(this.file) };
  }

  private translate(e: unknown): unknown {
    if (e instanceof StoreError) return e;
    const code = sqliteCode(e);
    if (code === undefined) return e;
    if (code === 'SQLITE_FULL')
      return new StoreError(
        'disk_full',
        `the disk holding ${this.file} is full: nothing was saved — free some space and try again`,
      );
    if (isCorruption(e)) {
      this.degrade();
      return new StoreError('corrupt', damaged(this.file));
    }
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
      return new StoreError('locked', 'the check log is busy (another program is using it): try again');
    if (code.startsWith('SQLITE_READONLY'))
      return new StoreError('read_only', `the check log ${this.file} cannot be written: nothing was saved`);
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
      return new StoreError('invalid', 'the entry names a staff account that does not exist');
    if (code.startsWith('SQLITE_IOERR'))
      return new StoreError(
        'read_only',
        `the disk holding ${this.file} could not be written or read (${code}): nothing was saved — check the disk`,
      );
    return e;
  }

  private read<T>(fallback: T, fn: (db: Db) => T): T {
    if (!this.db) return fallback;
    try {
      return fn(this.db);
    } catch (e) {
      throw this.translate(e);
    }
  }

  private write<T>(fn: (db: Db) => T): T {
    if (!this.db || this.state.mode !== 'normal')
      throw new StoreError('read_only', this.state.problem ?? 'the check log is read-only');
    const db = this.db;
    try {
      return db.transaction(() => fn(db)).immediate();
    } catch (e) {
      throw this.translate(e);
    }
  }

  /** Erased content also leaves the WAL file (secure_delete already clears it in the main file). */
  private flushErased(): void {
    try {
      this.db?.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Best effort: another reader may hold an old snapshot; the next checkpoint overwrites it.
    }
  }

  recordCheck(check: NewCheck, images?: Buffer | readonly Buffer[]): { id: number; imageKept: boolean } {
    const pngs = images === undefined ? [] : Buffer.isBuffer(images) ? [images] : [...images];
    const parsed = NewCheckSchema.safeParse(check);
    if (!parsed.success) throw new StoreError('invalid', `check not saved: ${formatIssues(parsed.error)}`);
    const c = parsed.data;
    return this.write((db) => {
      if (c.staffId === null && staff.countActive(db) > 0)
        throw new StoreError('forbidden', 'sign in first: with staff accounts every check names who made it');
      if (
        c.staffId !== null &&
        statement(db, 'SELECT 1 FROM staff WHERE id = ? AND removed_at IS NULL').get(c.staffId) === undefined
      )
        throw new StoreError('forbidden', `staff account ${c.staffId} does not exist or was removed`);
      const days = readSettings(db).keepImagesDays;
      const keep = pngs.length > 0 && days > 0;
      if (keep) pngs.forEach(checkPng);
      const head = insertCheck(db, c, keep ? { pngs, expiresAt: imageExpiry(this.now(), days) } : undefined);
      return { id: head.id, imageKept: keep };
    });
  }

  searchChecks(q: CheckQuery): CheckEntry[] {
    const parsed = CheckQuerySchema.safeParse(q);
    if (!parsed.success) throw new StoreError('invalid', `search: ${formatIssues(parsed.error)}`);
    return this.read([], (db) => findChecks(db, parsed.data));
  }

  getCheck(id: number): CheckEntry | undefined {
    if (!Number.isSafeInteger(id) || id < 1) throw new StoreError('invalid', 'a check id is a positive whole number');
    return this.read(undefined, (db) => findCheck(db, id));
  }

  recordHandoff(
    h: { entry: number; via: 'http' | 'file'; result: string; apiResult?: string },
    by: Staff | null,
  ): void {
    this.write((db) => {
      const actor: By = by ? staff.resolveActor(db, by, 'hand a check to the レセコン') : this.nobody;
      appendAudit(db, this.now(), {
        event: 'handoff',
        entry: h.entry,
        via: h.via,
        result: h.result,
        ...(h.apiResult ? { apiResult: h.apiResult } : {}),
        by: actor,
      });
    });
  }

  getOrcaSettings(): OrcaSettings {
    try {
      return this.read(DEFAULT_ORCA_SETTINGS, readOrcaSettings);
    } catch {
      // Damaged, or a read-only log from before schema 4: the hand-off stays off.
      return DEFAULT_ORCA_SETTINGS;
    }
  }

  saveOrcaSettings(s: OrcaSettings, by: Staff | null, passwordChanged = false): OrcaSettings {
    return this.write((db) => saveOrcaSettings(db, this.now(), s, by, passwordChanged));
  }

  exportCsv(opts: { date?: string; from?: string; to?: string; unmaskedBy?: Staff; by?: Staff }): string {
    for (const k of ['date', 'from', 'to'] as const)
      if (opts[k] !== undefined && !IsoDateSchema.safeParse(opts[k]).success)
        throw new StoreError('invalid', `export: ${k} must be a real date as YYYY-MM-DD`);
    if (opts.date !== undefined && (opts.from !== undefined || opts.to !== undefined))
      throw new StoreError('invalid', 'export: give either date or from/to');
    const from = opts.date ?? opts.from;
    const to = opts.date ?? opts.to;
    const masked = opts.unmaskedBy === undefined;
    if (!masked && this.mode !== 'normal')
      throw new StoreError('forbidden', 'an unmasked export must be recorded, and the check log is read-only');
    const db = this.db;
    if (!db) return toCsv([], { masked });

    let actor: By = this.nobody;
    const who = opts.unmaskedBy ?? opts.by;
    if (who !== undefined || !masked) {
      actor = this.read(null, (d) =>
        staff.resolveActor(
          d,
          who ?? null,
          masked ? 'export the log' : 'export unmasked numbers',
          masked ? 'staff' : 'admin',
        ),
      );
      if (!masked && actor === null)
        throw new StoreError('forbidden', 'only an admin can export unmasked numbers: create an admin account first');
    }
    // One read transaction: a consistent WAL snapshot while the desk keeps writing.
    const { rows, head } = this.read({ rows: [] as CheckEntry[], head: undefined as Head | undefined }, (d) =>
      d.transaction(() => ({ rows: checksBetween(d, from, to), head: readHead(d) }))(),
    );
    if (this.mode === 'normal') {
      this.write((d) =>
        appendAudit(d, this.now(), {
          event: 'export',
          masked,
          rows: rows.length,
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          lastEntry: head?.id ?? 0,
          by: actor,
        }),
      );
    }
    return toCsv(rows, { masked });
  }

  deletePatient(p: { name: string; birthDate: string }, by: Staff | null): number {
    if (typeof p?.name !== 'string' || p.name.trim() === '' || !IsoDateSchema.safeParse(p.birthDate).success)
      throw new StoreError('invalid', 'to delete a patient, give the name and the birth date (YYYY-MM-DD)');
    const { entries } = this.write((db) => retention.deletePatient(db, this.now(), p, by));
    if (entries.length > 0) this.flushErased();
    return entries.length;
  }

  purgeExpired(): { checks: number; images: number } {
    const r = this.write((db) => retention.purgeExpired(db, this.now(), this.nobody));
    if (r.checks + r.images > 0) this.flushErased();
    return r;
  }

  verify(): VerifyResult {
    if (!this.db) throw new StoreError(this.state.problemCode ?? 'corrupt', this.state.problem ?? damaged(this.file));
    return this.read(undefined as never, verifyChain);
  }

  getSettings(): Settings {
    try {
      return this.read(DEFAULT_SETTINGS, readSettings);
    } catch (e) {
      // The desk needs settings to run; the damage is now in `problem`.
      if (e instanceof StoreError && e.code === 'corrupt') return DEFAULT_SETTINGS;
      throw e;
    }
  }

  saveSettings(s: Settings, by: Staff | null): Settings {
    return this.write((db) => saveSettings(db, this.now(), s, by));
  }

  listStaff(): Staff[] {
    return this.read([], staff.listActive);
  }

  hasStaff(): boolean {
    return this.read(false, (db) => staff.countActive(db) > 0);
  }

  addStaff(s: { name: string; role: Role; pin: string }, by: Staff | null): Staff {
    return this.write((db) => staff.addStaff(db, this.now(), s, by));
  }

  authenticate(staffId: number, pin: string): Staff {
    if (!this.db) throw new StoreError('read_only', this.state.problem ?? 'the check log is not available');
    const db = this.db;
    const now = this.now();
    return this.read(undefined as never, () =>
      staff.authenticate(db, now, staffId, pin, this.mode === 'normal' ? staff.dbLedger(db, now) : this.memoryLedger),
    );
  }

  removeStaff(id: number, by: Staff): void {
    this.write((db) => staff.removeStaff(db, this.now(), id, by));
  }

  getImages(entryId: number): Buffer[] {
    return this.read([], (db) => getImages(db, entryId));
  }

  getImage(entryId: number): Buffer | null {
    return this.read(null, (db) => getImage(db, entryId));
  }

  close(): void {
    if (this.db?.open) this.db.close();
  }
}

export function openStore(opts: OpenStoreOptions): StoreService {
  return new SqliteStore(opts);
}
