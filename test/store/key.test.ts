import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFileProvider, safeStorageKeyProvider, type SafeStorageLike } from '../../src/main/store/key.ts';
import { openStore, StoreError } from '../../src/main/store/store-service.ts';
import { check, tempDir } from './helpers.ts';

/** Stands in for Electron's safeStorage: a reversible seal bound to one "user". */
function fakeSafeStorage(user = 'alice', available = true): SafeStorageLike & { sealed: number } {
  const tag = Buffer.from(`sealed-for:${user}:`);
  return {
    sealed: 0,
    isEncryptionAvailable: () => available,
    encryptString(s) {
      this.sealed++;
      return Buffer.concat([tag, Buffer.from(s).map((b) => b ^ 0x5a)]);
    },
    decryptString(b) {
      if (!b.subarray(0, tag.length).equals(tag))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(b.subarray(tag.length).map((x) => x ^ 0x5a)).toString();
    },
  };
}

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof StoreError ? e.code : `not a StoreError: ${String(e)}`;
  }
  return undefined;
};

describe('key file', () => {
  it('creates 32 random bytes as hex in an owner-only file, and reads the same key back', () => {
    const path = join(tempDir(), 'sub', 'checks.key');
    const key = keyFileProvider(path).load({ create: true });
    expect(key.length).toBe(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe(`${key.toString('hex')}\n`);
    expect(keyFileProvider(path).load({ create: false }).equals(key)).toBe(true);
    expect(keyFileProvider(path).load({ create: true }).equals(key)).toBe(true);
  });

  it('reports a missing key file as such instead of making a new key', () => {
    const path = join(tempDir(), 'checks.key');
    expect(() => keyFileProvider(path).load({ create: false })).toThrow(/key file .* is missing.*restore it/);
    expect(codeOf(() => keyFileProvider(path).load({ create: false }))).toBe('wrong_key');
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a file that is not a key', () => {
    const path = join(tempDir(), 'checks.key');
    writeFileSync(path, 'hunter2\n');
    expect(codeOf(() => keyFileProvider(path).load({ create: true }))).toBe('wrong_key');
    expect(readFileSync(path, 'utf8')).toBe('hunter2\n');
  });

  it('does not replace the key of an existing log whose key file went missing', () => {
    const dir = tempDir();
    const file = join(dir, 'checks.db');
    const keyFile = join(dir, 'checks.key');
    const first = openStore({ file, key: keyFileProvider(keyFile) });
    first.recordCheck(check());
    first.close();
    writeFileSync(keyFile, ''); // emptied, e.g. by a bad restore
    const again = openStore({ file, key: keyFileProvider(keyFile) });
    expect(again.mode).toBe('read_only');
    expect(again.problemCode).toBe('wrong_key');
  });
});

describe('safeStorage key', () => {
  it('stores the key sealed by the keyring and unseals the same key', () => {
    const path = join(tempDir(), 'checks.key.sealed');
    const safe = fakeSafeStorage();
    const key = safeStorageKeyProvider(safe, path).load({ create: true });
    expect(key.length).toBe(32);
    expect(safe.sealed).toBe(1);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path).includes(Buffer.from(key.toString('hex')))).toBe(false);
    expect(safeStorageKeyProvider(fakeSafeStorage(), path).load({ create: false }).equals(key)).toBe(true);
  });

  it('says so when the keyring is not available or belongs to someone else', () => {
    const path = join(tempDir(), 'checks.key.sealed');
    expect(() => safeStorageKeyProvider(fakeSafeStorage('alice', false), path).load({ create: true })).toThrow(
      /keyring is not available/,
    );
    safeStorageKeyProvider(fakeSafeStorage('alice'), path).load({ create: true });
    expect(() => safeStorageKeyProvider(fakeSafeStorage('mallory'), path).load({ create: false })).toThrow(
      /cannot unlock/,
    );
    expect(codeOf(() => safeStorageKeyProvider(fakeSafeStorage('alice', false), path).load({ create: false }))).toBe(
      'wrong_key',
    );
  });

  it('opens the same store across restarts', () => {
    const dir = tempDir();
    const file = join(dir, 'checks.db');
    const provider = () => safeStorageKeyProvider(fakeSafeStorage(), join(dir, 'checks.key.sealed'));
    const a = openStore({ file, key: provider() });
    const { id } = a.recordCheck(check());
    a.close();
    const b = openStore({ file, key: provider() });
    expect(b.mode).toBe('normal');
    expect(b.searchChecks({}).map((e) => e.id)).toEqual([id]);
    b.close();
  });
});
