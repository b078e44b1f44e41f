/**
 * Opening the encrypted SQLite file. The format is SQLCipher 3 (AES-256-CBC, a per-page HMAC-SHA1,
 * 4096-byte pages) with a raw 256-bit key, written by SQLite3 Multiple Ciphers: Debian 12's
 * `sqlcipher` shell (SQLCipher 3.4) opens it with `PRAGMA key = "x'…'"; PRAGMA cipher_page_size = 4096;`
 * and SQLCipher 4 with `PRAGMA cipher_compatibility = 3` as well. SQLCipher 4's own format would be
 * out of reach of the Debian 12 shell; with a random raw key its stronger KDF buys nothing, and
 * HMAC-SHA1 is still a sound MAC.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';
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
 * Whether `key` opens `file`, judged without SQLite from the first pages: this tells "wrong key"
 * from "damaged file" when SQLite can only say "not a database". A page whose HMAC checks out
 * answers yes; when the first page (with the salt the HMAC key derives from) is destroyed, a later
 * page that decrypts to a plausible SQLite page does. 'unknown' when the file cannot be an
 * encrypted log at all (short, not page-aligned, plain SQLite, zero-filled): that is damage,
 * whatever the key.
 */
export function keyOpensFile(file: string, key: Buffer): 'yes' | 'no' | 'unknown' {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(PAGE_SIZE * 4);
    const n = readSync(fd, buf, 0, buf.length, 0);
    if (n < PAGE_SIZE || size % PAGE_SIZE !== 0) return 'unknown';
    if (buf.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') return 'unknown';
    const salt = buf.subarray(0, SALT_BYTES);
    if (salt.every((b) => b === 0)) return 'unknown';
    const pages = Array.from({ length: Math.floor(n / PAGE_SIZE) }, (_, p) =>
      buf.subarray(p * PAGE_SIZE, (p + 1) * PAGE_SIZE),
    );
    const hmacKey = pbkdf2Sync(key, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha1');
    const macAt = PAGE_SIZE - RESERVE + 16;
    const macOk = (page: Buffer, p: number) => {
      const pgno = Buffer.alloc(4);
      pgno.writeUInt32LE(p + 1);
      const mac = createHmac('sha1', hmacKey)
        .update(page.subarray(p === 0 ? SALT_BYTES : 0, macAt))
        .update(pgno)
        .digest();
      return mac.equals(page.subarray(macAt, macAt + 20));
    };
    if (pages.some(macOk)) return 'yes';
    return pages.slice(1).some((page) => plausiblePage(decryptPage(page, key), size / PAGE_SIZE)) ? 'yes' : 'no';
  } finally {
    closeSync(fd);
  }
}

function decryptPage(page: Buffer, key: Buffer): Buffer {
  const iv = page.subarray(PAGE_SIZE - RESERVE, PAGE_SIZE - RESERVE + 16);
  const d = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([d.update(page.subarray(0, PAGE_SIZE - RESERVE)), d.final()]);
}

/** A b-tree page header that makes sense, or an overflow/freelist page naming a page of this file. */
function plausiblePage(pt: Buffer, pageCount: number): boolean {
  const usable = PAGE_SIZE - RESERVE;
  const freeblock = pt.readUInt16BE(1);
  const contentStart = pt.readUInt16BE(5) || 65536;
  const btree =
    [2, 5, 10, 13].includes(pt[0]!) &&
    (freeblock === 0 || (freeblock >= 8 && freeblock < usable)) &&
    pt.readUInt16BE(3) < 1000 &&
    contentStart <= usable &&
    pt[7]! <= 60;
  return btree || pt.readUInt32BE(0) <= pageCount;
}
