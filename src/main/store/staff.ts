/**
 * Staff accounts: PINs as scrypt hashes with a per-account salt, a persisted lockout with backoff,
 * soft removal (a removed member's name still explains old entries), and the admin checks.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { ROLES, StaffPinSchema, StaffSchema, type Role, type Staff } from '../../shared/store/records.ts';
import { type Actor, appendAudit } from './audit.ts';
import type { Db } from './database.ts';
import { StoreError } from './errors.ts';
import { statement } from './sql.ts';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };
/** Wrong PINs in a row before the account locks. */
export const MAX_FAILURES = 5;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 3600_000;

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function pinMatches(pin: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const want = Buffer.from(hash, 'base64');
  const got = scryptSync(pin, Buffer.from(salt, 'base64'), want.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(got, want);
}

/** Lock length after `failures` wrong PINs in a row: none before 5, then 1 min doubling per further failure, at most 1 h. */
export const lockMs = (failures: number): number =>
  failures < MAX_FAILURES ? 0 : Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - MAX_FAILURES));

function waitText(ms: number): string {
  return ms < 60_000 ? `${Math.ceil(ms / 1000)} s` : `${Math.ceil(ms / 60_000)} min`;
}

interface StaffRow {
  id: number;
  name: string;
  role: Role;
  pin_hash: string;
  failed_pins: number;
  locked_until: string | null;
  removed_at: string | null;
}

const toStaff = (r: StaffRow): Staff => ({ id: r.id, name: r.name, role: r.role });

const getRow = (db: Db, id: number) =>
  statement(db, 'SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;

export const listActive = (db: Db): Staff[] =>
  (statement(db, 'SELECT * FROM staff WHERE removed_at IS NULL ORDER BY id').all() as StaffRow[]).map(toStaff);

export const countActive = (db: Db): number =>
  statement(db, 'SELECT count(*) FROM staff WHERE removed_at IS NULL').pluck().get() as number;

const countAdmins = (db: Db): number =>
  statement(db, `SELECT count(*) FROM staff WHERE removed_at IS NULL AND role = 'admin'`).pluck().get() as number;

/**
 * Who is acting, as the database knows them (the caller's copy of a Staff, e.g. from the renderer,
 * is not trusted for the role). Null when no accounts exist: the kiosk then runs without sign-in.
 */
export function resolveActor(db: Db, by: Staff | null, what: string, need: Role = 'staff'): Actor | null {
  if (countActive(db) === 0) return null;
  const row = by ? getRow(db, by.id) : undefined;
  if (!row || row.removed_at !== null) throw new StoreError('forbidden', `sign in to ${what}`);
  if (need === 'admin' && row.role !== 'admin') throw new StoreError('forbidden', `only an admin can ${what}`);
  return toStaff(row);
}

/** Call inside an IMMEDIATE transaction. The first account must be an admin; later ones need an admin. */
export function addStaff(db: Db, now: Date, s: { name: string; role: Role; pin: string }, by: Staff | null): Staff {
  const name = StaffSchema.shape.name.safeParse(typeof s.name === 'string' ? s.name.trim() : s.name);
  if (!name.success) throw new StoreError('invalid', 'a staff name must be 1–60 characters');
  if (!(ROLES as readonly string[]).includes(s.role))
    throw new StoreError('invalid', `role must be one of ${ROLES.join(', ')}`);
  if (!StaffPinSchema.safeParse(s.pin).success) throw new StoreError('invalid', 'the PIN must be 4–8 digits');
  const first = countActive(db) === 0;
  if (first && s.role !== 'admin') throw new StoreError('invalid', 'the first account must be an admin');
  const actor = first ? null : resolveActor(db, by, 'add staff accounts', 'admin');
  if (statement(db, 'SELECT 1 FROM staff WHERE removed_at IS NULL AND name = ?').get(name.data))
    throw new StoreError('invalid', `there is already an account named ${name.data}`);
  const id = Number(
    statement(db, 'INSERT INTO staff (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)').run(
      name.data,
      s.role,
      hashPin(s.pin),
      now.toISOString(),
    ).lastInsertRowid,
  );
  appendAudit(db, now, { event: 'staff_added', staffId: id, name: name.data, role: s.role, by: actor });
  return { id, name: name.data, role: s.role };
}

/** Call inside an IMMEDIATE transaction. The last admin stays. */
export function removeStaff(db: Db, now: Date, id: number, by: Staff): void {
  const actor = resolveActor(db, by, 'remove staff accounts', 'admin');
  const row = getRow(db, id);
  if (!row || row.removed_at !== null) throw new StoreError('not_found', `no staff account ${id}`);
  if (row.role === 'admin' && countAdmins(db) <= 1)
    throw new StoreError('invalid', 'the last admin account cannot be removed');
  statement(db, 'UPDATE staff SET removed_at = ? WHERE id = ?').run(now.toISOString(), id);
  appendAudit(db, now, { event: 'staff_removed', staffId: id, by: actor });
}

/** Where wrong-PIN counts live: the database, or memory while the log is read-only. */
export interface FailureLedger {
  get(row: { id: number; failed_pins: number; locked_until: string | null }): {
    failures: number;
    lockedUntil: string | null;
  };
  /** Records the outcome (and audits it when it can). */
  record(id: number, outcome: { ok: true } | { ok: false; failures: number; lockedUntil: string | null }): void;
}

export function authenticate(db: Db, now: Date, staffId: number, pin: string, ledger: FailureLedger): Staff {
  const row = getRow(db, staffId);
  if (!row || row.removed_at !== null) throw new StoreError('not_found', `no staff account ${staffId}`);
  const state = ledger.get(row);
  if (state.lockedUntil !== null && state.lockedUntil > now.toISOString())
    throw new StoreError(
      'locked',
      `too many wrong PINs: try again in ${waitText(Date.parse(state.lockedUntil) - now.getTime())}`,
    );
  if (typeof pin === 'string' && pinMatches(pin, row.pin_hash)) {
    ledger.record(row.id, { ok: true });
    return toStaff(row);
  }
  const failures = state.failures + 1;
  const lock = lockMs(failures);
  ledger.record(row.id, {
    ok: false,
    failures,
    lockedUntil: lock > 0 ? new Date(now.getTime() + lock).toISOString() : null,
  });
  if (lock > 0) throw new StoreError('locked', `wrong PIN; too many tries: try again in ${waitText(lock)}`);
  const left = MAX_FAILURES - failures;
  throw new StoreError(
    'forbidden',
    `wrong PIN (${left} ${left === 1 ? 'try' : 'tries'} left before the account locks)`,
  );
}

/** The ledger kept in the staff table; each outcome is audited in the same transaction. */
export function dbLedger(db: Db, now: Date): FailureLedger {
  return {
    get: (row) => ({ failures: row.failed_pins, lockedUntil: row.locked_until }),
    record: (id, outcome) =>
      db
        .transaction(() => {
          if (outcome.ok) {
            statement(db, 'UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE id = ?').run(id);
            appendAudit(db, now, { event: 'sign_in', staffId: id });
          } else {
            statement(db, 'UPDATE staff SET failed_pins = ?, locked_until = ? WHERE id = ?').run(
              outcome.failures,
              outcome.lockedUntil,
              id,
            );
            appendAudit(db, now, {
              event: 'sign_in_failed',
              staffId: id,
              failures: outcome.failures,
              ...(outcome.lockedUntil ? { lockedUntil: outcome.lockedUntil } : {}),
            });
          }
        })
        .immediate(),
  };
}

/** While the log is read-only, wrong PINs are counted in memory (the lock holds until the app restarts). */
export function memoryLedger(): FailureLedger {
  const seen = new Map<number, { failures: number; lockedUntil: string | null }>();
  return {
    get: (row) => seen.get(row.id) ?? { failures: row.failed_pins, lockedUntil: row.locked_until },
    record: (id, outcome) => seen.set(id, outcome.ok ? { failures: 0, lockedUntil: null } : outcome),
  };
}
