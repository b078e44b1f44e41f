/** The one error the store throws: a code the caller can branch on and a one-line message for people. */
import type { StoreProblemCode } from '../../shared/ipc/errors.ts';

/** Shared with the screens, which word each code. */
export type StoreErrorCode = StoreProblemCode;

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The SQLite result code of a better-sqlite3 error (SQLITE_FULL, SQLITE_CORRUPT_…), if it is one. */
export function sqliteCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

export const isCorruption = (e: unknown): boolean => {
  const c = sqliteCode(e);
  return c !== undefined && (c.startsWith('SQLITE_CORRUPT') || c === 'SQLITE_NOTADB');
};
