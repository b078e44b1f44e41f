/**
 * The database key: 32 random bytes. The app keeps it encrypted by the OS keyring through
 * Electron's safeStorage; the CLI, browser mode and tests keep it in a 0600 key file. Losing the
 * key loses the log: nothing here can recover it.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from './errors.ts';

export const KEY_BYTES = 32;

export interface KeyProvider {
  /** Where the key lives, for messages ("the key file /x/checks.key"). */
  readonly description: string;
  /**
   * The key. `create` is true only when the database does not exist yet: a missing key next to an
   * existing log is reported, never silently replaced (a new key would lock the old log away).
   */
  load(opts: { create: boolean }): Buffer;
}

/** What the store needs from Electron's safeStorage (typed here so Electron is never imported). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const HEX_KEY = /^[0-9a-f]{64}$/;

function parseHexKey(text: string, where: string): Buffer {
  const hex = text.trim().toLowerCase();
  if (!HEX_KEY.test(hex)) throw new StoreError('wrong_key', `${where} is not a check-log key (expected 64 hex digits)`);
  return Buffer.from(hex, 'hex');
}

function readIfExists(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError('wrong_key', `cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Writes a new file with owner-only permissions; 'wx' so two processes never both create one. */
function writeNewPrivateFile(path: string, content: Buffer | string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
  } finally {
    closeSync(fd);
  }
}

function missing(where: string): StoreError {
  return new StoreError(
    'wrong_key',
    `${where} is missing, and the check log cannot be opened without it: restore it from the backup`,
  );
}

/** The key as 64 hex digits in a 0600 file (the form `PRAGMA key = "x'…'"` takes). */
export function keyFileProvider(path: string): KeyProvider {
  const description = `the key file ${path}`;
  return {
    description,
    load({ create }) {
      let text = readIfExists(path);
      if (text === undefined) {
        if (!create) throw missing(description);
        try {
          writeNewPrivateFile(path, randomBytes(KEY_BYTES).toString('hex') + '\n');
        } catch (e) {
          // Another process created it first: use theirs.
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
            throw new StoreError(
              'wrong_key',
              `cannot create ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
            );
        }
        text = readFileSync(path);
      }
      return parseHexKey(text.toString('utf8'), description);
    },
  };
}

/** The key encrypted by safeStorage (DPAPI, Keychain, libsecret/kwallet) in `path`. */
export function safeStorageKeyProvider(safeStorage: SafeStorageLike, path: string): KeyProvider {
  const description = `the key kept by the system keyring in ${path}`;
  const needKeyring = () => {
    if (!safeStorage.isEncryptionAvailable())
      throw new StoreError('wrong_key', `the system keyring is not available, so ${description} cannot be unlocked`);
  };
  const provider: KeyProvider = {
    description,
    load({ create }) {
      const sealed = readIfExists(path);
      if (sealed === undefined) {
        if (!create) throw missing(description);
        needKeyring();
        try {
          writeNewPrivateFile(path, safeStorage.encryptString(randomBytes(KEY_BYTES).toString('hex')));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
            throw new StoreError(
              'wrong_key',
              `cannot create ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
            );
        }
        return provider.load({ create: false });
      }
      needKeyring();
      let hex: string;
      try {
        hex = safeStorage.decryptString(sealed);
      } catch {
        throw new StoreError(
          'wrong_key',
          `the system keyring cannot unlock ${path} (another user or machine sealed it)`,
        );
      }
      return parseHexKey(hex, description);
    },
  };
  return provider;
}
