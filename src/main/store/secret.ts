/**
 * Small secrets kept apart from the check log (the ORCA password): sealed by the OS keyring through
 * Electron's safeStorage in the app, like the log key; a 0600 file for the CLI and browser mode.
 * Never in the database, never in a settings document, never sent to the screens.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SafeStorageLike } from './key.ts';
import { StoreError } from './errors.ts';

export interface SecretStore {
  readonly description: string;
  /** undefined when none was set. */
  get(): string | undefined;
  /** An empty string removes it. */
  set(value: string): void;
}

function read(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError('wrong_key', `cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function write(path: string, content: Buffer | string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, content, { mode: 0o600 });
}

export function fileSecret(path: string): SecretStore {
  return {
    description: `the file ${path}`,
    get: () => {
      const text = read(path)?.toString('utf8');
      return text === undefined || text === '' ? undefined : text;
    },
    set: (value) => (value === '' ? rmSync(path, { force: true }) : write(path, value)),
  };
}

export function safeStorageSecret(safeStorage: SafeStorageLike, path: string): SecretStore {
  const description = `the system keyring (${path})`;
  const needKeyring = () => {
    if (!safeStorage.isEncryptionAvailable())
      throw new StoreError('wrong_key', `the system keyring is not available, so ${description} cannot be used`);
  };
  return {
    description,
    get: () => {
      const sealed = read(path);
      if (sealed === undefined) return undefined;
      needKeyring();
      try {
        return safeStorage.decryptString(sealed);
      } catch {
        throw new StoreError(
          'wrong_key',
          `the system keyring cannot unlock ${path} (another user or machine sealed it)`,
        );
      }
    },
    set: (value) => {
      if (value === '') return rmSync(path, { force: true });
      needKeyring();
      write(path, safeStorage.encryptString(value));
    },
  };
}
