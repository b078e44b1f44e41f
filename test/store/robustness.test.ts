/**
 * Failures at the desk: a full disk, a damaged file, the wrong key. The store must say what
 * happened in one line, never corrupt the log, and never take the app down with it.
 * (kill -9 and export-during-writes run in the integration project: they spawn writers.)
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, closeSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/store/database.ts';
import { PAGE_SIZE } from '../../src/main/store/database.ts';
import { keyFileProvider, openStore, StoreError, type StoreService } from '../../src/main/store/store-service.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/store/records.ts';
import { check, errorOf, fixture, tempDir } from './helpers.ts';

/** Writes until the store says the disk is full; returns the ids that were saved. */
function writeUntilFull(s: StoreService, max = 20_000): { ids: number[]; error: StoreError } {
  const ids: number[] = [];
  for (let i = 0; i < max; i++) {
    try {
      ids.push(s.recordCheck(check({ name: `患者 ${i}`, note: 'x'.repeat(400) })).id);
    } catch (e) {
      if (e instanceof StoreError) return { ids, error: e };
      throw e;
    }
  }
  throw new Error('the disk never filled');
}

/** A closed log of `n` checks. */
function closedLog(n: number) {
  const f = fixture();
  const s = f.open();
  for (let i = 0; i < n; i++) s.recordCheck(check({ name: `患者 ${i}` }));
  s.close();
  return f;
}

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
}

const DAMAGED =
  /^the check log .* is damaged; new checks are not being saved — restore the backup, or move it with its -wal and -shm files aside to start a new log; contact your IT person$/;

describe('disk full', () => {
  it('(max_page_count) gives a clear error, rolls the check back, keeps the chain, and writes again once there is room', () => {
    const f = fixture();
    let db: Db | undefined;
    const s = f.open({
      tune: (d) => {
        db = d;
        d.pragma(`max_page_count = ${(d.pragma('page_count', { simple: true }) as number) + 40}`);
      },
    });
    const { ids, error } = writeUntilFull(s);
    expect(ids.length).toBeGreaterThan(10);
    expect(error.code).toBe('disk_full');
    expect(error.message).toMatch(/^the disk holding .* is full: nothing was saved — free some space and try again$/);
    expect(s.mode).toBe('normal');
    expect(s.verify()).toEqual({ ok: true, entries: ids.length, head: expect.objectContaining({ id: ids.at(-1) }) });

    db!.pragma('max_page_count = 1000000');
    const next = s.recordCheck(check()).id;
    expect(next).toBe(ids.at(-1)! + 1);
    expect(s.verify()).toMatchObject({ ok: true });
    s.close();
    const again = f.open();
    expect(again.searchChecks({ limit: 1000 }).map((e) => e.id)).toEqual([next, ...ids.slice().reverse()]);
    expect(again.verify()).toMatchObject({ ok: true });
    again.close();
  });

  it('(a real full file system, when this machine lets us mount a small tmpfs) behaves the same', (ctx) => {
    const mnt = tempDir('uketsuke-tmpfs-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', mnt], { stdio: 'ignore' });
    } catch {
      ctx.skip();
      return;
    }
    try {
      const dir = join(mnt, 'data');
      mkdirSync(dir);
      const s = openStore({ file: join(dir, 'checks.db'), key: keyFileProvider(join(dir, 'checks.key')) });
      // Leave the log about 300 KB of room.
      const filler = join(mnt, 'filler');
      writeFileSync(filler, Buffer.alloc(600 * 1024));
      const { ids, error } = writeUntilFull(s);
      expect(ids.length).toBeGreaterThan(10);
      expect(error.code).toBe('disk_full');
      expect(s.verify()).toMatchObject({ ok: true, entries: ids.length });
      truncateSync(filler, 0);
      const next = s.recordCheck(check()).id;
      expect(next).toBe(ids.at(-1)! + 1);
      s.close();
      const again = openStore({ file: join(dir, 'checks.db'), key: keyFileProvider(join(dir, 'checks.key')) });
      expect(again.mode).toBe('normal');
      expect(again.verify()).toMatchObject({ ok: true, entries: ids.length + 1 });
      again.close();
    } finally {
      // Lazy: a failure above may leave a file open; the mount must not outlive the test either way.
      execFileSync('umount', ['-l', mnt]);
    }
  });
});

describe('a damaged file', () => {
  it('with a damaged page starts in read-only recovery, says what to do, and refuses writes', () => {
    const f = closedLog(300);
    const pages = statSync(f.file).size / PAGE_SIZE;
    expect(pages).toBeGreaterThan(20);
    overwrite(f.file, Math.floor(pages / 2) * PAGE_SIZE, randomBytes(PAGE_SIZE));
    const s = f.open();
    expect(s.mode).toBe('read_only');
    expect(s.problemCode).toBe('corrupt');
    expect(s.problem).toMatch(DAMAGED);
    const e = errorOf(() => s.recordCheck(check()));
    expect(e.code).toBe('read_only');
    expect(e.message).toBe(s.problem);
    // Serves what it can: a result or a clear error, never a raw SQLite one.
    for (const read of [
      () => s.searchChecks({ limit: 1000 }),
      () => s.verify(),
      () => s.exportCsv({}),
      () => s.getSettings(),
      () => s.listStaff(),
    ]) {
      try {
        read();
      } catch (err) {
        expect(err).toBeInstanceOf(StoreError);
      }
    }
    const v = (() => {
      try {
        return s.verify();
      } catch (err) {
        return err as StoreError;
      }
    })();
    expect(v instanceof StoreError ? v.code : v.ok).toMatch(/corrupt|false/);
    s.close();
  });

  it('whose first page is damaged cannot be read at all: recovery mode with nothing to show, and the app keeps running', () => {
    const f = closedLog(50);
    overwrite(f.file, 0, randomBytes(PAGE_SIZE));
    const s = f.open();
    expect(s.mode).toBe('read_only');
    expect(s.problemCode).toBe('corrupt');
    expect(s.problem).toMatch(DAMAGED);
    expect(s.searchChecks({})).toEqual([]);
    expect(s.getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(s.hasStaff()).toBe(false);
    expect(s.exportCsv({})).toMatch(/^\uFEFF番号,日時,.*\r\n$/);
    expect(errorOf(() => s.verify()).code).toBe('corrupt');
    expect(errorOf(() => s.recordCheck(check())).code).toBe('read_only');
    expect(errorOf(() => s.addStaff({ name: 'A', role: 'admin', pin: '1234' }, null)).code).toBe('read_only');
    s.close();
  });

  it.each([
    ['cut in half', (file: string) => truncateSync(file, Math.floor(statSync(file).size / PAGE_SIZE / 2) * PAGE_SIZE)],
    ['not page-aligned garbage', (file: string) => writeFileSync(file, randomBytes(10_000))],
    ['a text file', (file: string) => writeFileSync(file, 'hello\n'.repeat(2000))],
    ['zeroed', (file: string) => writeFileSync(file, Buffer.alloc(8 * PAGE_SIZE))],
  ])('%s is reported as damaged, not as a wrong key', (_name, damage) => {
    const f = closedLog(100);
    damage(f.file);
    const s = f.open();
    expect(s.mode).toBe('read_only');
    expect(s.problemCode).toBe('corrupt');
    expect(s.problem).toMatch(DAMAGED);
    s.close();
  });

  it('found while running switches the store to read-only recovery', () => {
    const f = closedLog(300);
    const s = f.open({ tune: (d) => d.pragma('cache_size = 1') });
    expect(s.mode).toBe('normal');
    const pages = statSync(f.file).size / PAGE_SIZE;
    for (let p = 2; p < pages; p += 2) overwrite(f.file, p * PAGE_SIZE, randomBytes(PAGE_SIZE));
    const e = errorOf(() => s.searchChecks({ limit: 1000 }));
    expect(e.code).toBe('corrupt');
    expect(s.mode).toBe('read_only');
    expect(s.problem).toMatch(DAMAGED);
    expect(errorOf(() => s.recordCheck(check())).code).toBe('read_only');
    s.close();
  });
});

describe('the wrong key', () => {
  it('is reported as such, in one line, and not as damage', () => {
    const f = closedLog(5);
    const other = join(tempDir(), 'other.key');
    keyFileProvider(other).load({ create: true });
    const s = openStore({ file: f.file, key: keyFileProvider(other) });
    expect(s.mode).toBe('read_only');
    expect(s.problemCode).toBe('wrong_key');
    expect(s.problem).toMatch(
      /^the key file .*other\.key does not open the check log .* \(it was encrypted with another key\); .*restore the matching key/,
    );
    expect(s.problem).not.toMatch(/damaged|\n/);
    expect(errorOf(() => s.verify()).code).toBe('wrong_key');
    expect(s.searchChecks({})).toEqual([]);
    s.close();
    // Nothing was written: the right key still opens it all.
    const again = f.open();
    expect(again.verify()).toMatchObject({ ok: true, entries: 5 });
    again.close();
  });

  it('when the key file is missing next to an existing log, says to restore it', () => {
    const f = closedLog(1);
    const s = openStore({ file: f.file, key: keyFileProvider(join(f.dir, 'moved.key')) });
    expect(s.problemCode).toBe('wrong_key');
    expect(s.problem).toMatch(/moved\.key is missing.*restore it from the backup/);
    s.close();
  });
});
