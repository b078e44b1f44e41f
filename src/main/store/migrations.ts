/**
 * The schema, as forward-only migrations numbered in PRAGMA user_version. Each runs in its own
 * transaction with its version bump, so a crash leaves the file at the previous version. Never edit
 * a released migration: add the next one (and a seed for it in test/store/migrations.test.ts).
 *
 * The SQL must stay readable by SQLite 3.15 (the Debian 12 `sqlcipher` shell used to inspect a log):
 * no STRICT tables, generated columns, RETURNING or functions outside the core in the schema.
 */
import type { Db } from './database.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/**
 * The append-only guard: chained columns never change, rows are never deleted, a payload can only
 * be erased. A seatbelt against accidental edits; the hash chain is the evidence against deliberate
 * ones (anyone with the key can drop a trigger). Restored on every open if missing.
 */
export const GUARDS = `
CREATE TRIGGER IF NOT EXISTS entries_no_delete BEFORE DELETE ON entries
  BEGIN SELECT RAISE(ABORT, 'the check log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS entries_no_rewrite BEFORE UPDATE OF id, kind, at, payload_hash, prev_hash, hash ON entries
  BEGIN SELECT RAISE(ABORT, 'the check log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS entries_erase_only BEFORE UPDATE OF payload ON entries WHEN NEW.payload IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'a logged payload can only be erased'); END;
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'check log with its hash chain',
    up: (db) =>
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        CREATE TABLE entries (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL CHECK (kind IN ('check', 'audit')),
          at TEXT NOT NULL,
          payload TEXT,
          payload_hash TEXT NOT NULL,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL,
          erased_by INTEGER REFERENCES entries(id),
          day TEXT,
          birth_date TEXT,
          name_key TEXT
        );
        CREATE INDEX entries_day ON entries(day) WHERE day IS NOT NULL;
        CREATE INDEX entries_birth_date ON entries(birth_date) WHERE birth_date IS NOT NULL;
        ${GUARDS}
      `),
  },
  {
    version: 2,
    name: 'staff accounts and settings',
    up: (db) =>
      db.exec(`
        CREATE TABLE staff (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('staff', 'admin')),
          pin_hash TEXT NOT NULL,
          failed_pins INTEGER NOT NULL DEFAULT 0,
          locked_until TEXT,
          created_at TEXT NOT NULL,
          removed_at TEXT
        );
        CREATE UNIQUE INDEX staff_active_name ON staff(name) WHERE removed_at IS NULL;
        CREATE TABLE settings (id INTEGER PRIMARY KEY CHECK (id = 1), value TEXT NOT NULL, updated_at TEXT NOT NULL);
        ALTER TABLE entries ADD COLUMN staff_id INTEGER REFERENCES staff(id);
      `),
  },
  {
    version: 3,
    name: 'redacted document images',
    up: (db) =>
      db.exec(`
        CREATE TABLE images (
          id INTEGER PRIMARY KEY,
          entry_id INTEGER NOT NULL REFERENCES entries(id),
          png BLOB NOT NULL,
          expires_at TEXT NOT NULL
        );
        CREATE INDEX images_entry ON images(entry_id);
        CREATE INDEX images_expires_at ON images(expires_at);
      `),
  },
  {
    version: 4,
    name: 'ORCA hand-off settings',
    // Off until an admin turns it on; the password is kept by the OS keyring, never in this file.
    up: (db) =>
      db.exec(`
        CREATE TABLE orca_settings (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
          url TEXT NOT NULL DEFAULT '',
          user TEXT NOT NULL DEFAULT '',
          timeout_seconds INTEGER NOT NULL DEFAULT 15,
          updated_at TEXT NOT NULL
        );
      `),
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export const schemaVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

/** Brings the file up to `target`; each step is atomic. Returns the version it started from. */
export function migrate(db: Db, target = LATEST_VERSION, migrations: readonly Migration[] = MIGRATIONS): number {
  const from = schemaVersion(db);
  for (const m of migrations) {
    if (m.version <= from || m.version > target) continue;
    db.transaction(() => {
      // Re-read inside the write lock: another process may have migrated meanwhile.
      if (schemaVersion(db) >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return from;
}
