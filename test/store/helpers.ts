/**
 * Shared fixtures for the store tests: throw-away data folders, a check builder, a clock the
 * tests move, and a raw connection for playing the one who edits the file behind the app's back.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { type Db, openEncrypted } from '../../src/main/store/database.ts';
import {
  keyFileIn,
  keyFileProvider,
  openStore,
  type OpenStoreOptions,
  StoreError,
  storeFileIn,
  type StoreService,
} from '../../src/main/store/store-service.ts';

export { check, type CheckOpts, PNG } from './sample.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A fresh data folder, removed after the file's tests. */
export function tempDir(prefix = 'uketsuke-store-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

export class Clock {
  constructor(public t = new Date('2026-11-22T00:30:00Z')) {}
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface Fixture {
  dir: string;
  file: string;
  keyFile: string;
  clock: Clock;
  open(extra?: Partial<OpenStoreOptions>): StoreService;
}

/** A data folder with a key file; `open()` opens (or reopens) its store. */
export function fixture(): Fixture {
  const dir = tempDir();
  const clock = new Clock();
  const file = storeFileIn(dir);
  const keyFile = keyFileIn(dir);
  return {
    dir,
    file,
    keyFile,
    clock,
    open: (extra = {}) => openStore({ file, key: keyFileProvider(keyFile), now: clock.now, ...extra }),
  };
}

export const randomKey = (): Buffer => randomBytes(32);

/** A connection of one's own to the store's file, with the same key (the store must be closed or in WAL). */
export function rawDb(file: string, key: Buffer): Db {
  return openEncrypted(file, key, { readonly: false });
}

export const keyOf = (keyFile: string): Buffer => keyFileProvider(keyFile).load({ create: false });

/** The StoreError a call throws (any other outcome fails the test). */
export const errorOf = (fn: () => unknown): StoreError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected a StoreError');
};

/** The audit events in the chain, oldest first. */
export function auditEvents(file: string, keyFile: string): Record<string, unknown>[] {
  const db = rawDb(file, keyOf(keyFile));
  const rows = db.prepare(`SELECT payload FROM entries WHERE kind = 'audit' ORDER BY id`).pluck().all() as string[];
  db.close();
  return rows.map((p) => (JSON.parse(p) as { audit: Record<string, unknown> }).audit);
}
