/**
 * Opening the encrypted SQLite file. The format is SQLCipher 3 (AES-256-CBC, a per-page HMAC-SHA1,
 * 4096-byte pages) with a raw 256-bit key, written by SQLite3 Multiple Ciphers: Debian 12's
 * `sqlcipher` shell (SQLCipher 3.4) opens it with `PRAGMA key = "x'…'"; PRAGMA cipher_page_size = 4096;`
 * and SQLCipher 4 with `PRAGMA cipher_compatibility = 3` as well. SQLCipher 4's own format would be
 * out of reach of the Debian 12 shell; with a random raw key its stronger KDF buys nothing, and
 * HMAC-SHA1 is still a sound MAC.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { createHmac, pbkdf2Sync } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type Db = Database.Database;

export const PAGE_SIZE = 4096;
/** Per page: 16-byte IV + 20-byte HMAC-SHA1, rounded up to the AES block. */
const RESERVE = 48;
const SALT_BYTES = 16;

function applyKey(db: Db, key: Buffer): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 3');
  db.pragma(`legacy_page_size = ${PAGE_SIZE}`);
  // A raw key (x'…') skips the passphrase KDF: the key is already 256 random bits.
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/**
 * Opens and unlocks the file; throws the SQLite error (SQLITE_NOTADB for a wrong key or a damaged
 * first page) so the caller can tell the cases apart with {@link keyOpensFile}.
 */
export function openEncrypted(file: string, key: Buffer, opts: { readonly: boolean }): Db {
  const db = new Database(file, { readonly: opts.readonly, fileMustExist: opts.readonly, timeout: 5000 });
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('foreign_keys = ON');
    // Erased payloads are overwritten in the file too, not just unlinked.
    db.pragma('secure_delete = ON');
    db.pragma('temp_store = MEMORY');
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      // Each check is on disk when recordCheck returns (WAL + FULL: survives power loss, not only a crash).
      db.pragma('synchronous = FULL');
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Whether `key` authenticates any of the first pages of `file` (their HMAC), without SQLite: this
 * tells "wrong key" from "damaged file" when SQLite can only say "not a database".
 * 'unknown' when the file cannot be an encrypted log at all (short, not page-aligned, plain SQLite,
 * zero-filled): that is damage, whatever the key.
 */
export function keyOpensFile(file: string, key: Buffer): 'yes' | 'no' | 'unknown' {
  const fd = openSync(file, 'r');
  try {
    const pages = Buffer.alloc(PAGE_SIZE * 4);
    const n = readSync(fd, pages, 0, pages.length, 0);
    if (n < PAGE_SIZE || fstatSync(fd).size % PAGE_SIZE !== 0) return 'unknown';
    if (pages.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') return 'unknown';
    const salt = pages.subarray(0, SALT_BYTES);
    if (salt.every((b) => b === 0)) return 'unknown';
    const hmacKey = pbkdf2Sync(key, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha1');
    for (let p = 0; (p + 1) * PAGE_SIZE <= n; p++) {
      const page = pages.subarray(p * PAGE_SIZE, (p + 1) * PAGE_SIZE);
      const start = p === 0 ? SALT_BYTES : 0;
      const macAt = PAGE_SIZE - RESERVE + 16;
      const pgno = Buffer.alloc(4);
      pgno.writeUInt32LE(p + 1);
      const mac = createHmac('sha1', hmacKey).update(page.subarray(start, macAt)).update(pgno).digest();
      if (mac.equals(page.subarray(macAt, macAt + 20))) return 'yes';
    }
    return 'no';
  } finally {
    closeSync(fd);
  }
}
