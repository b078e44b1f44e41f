/**
 * Someone with the key edits the file behind the app's back (store closed, own connection):
 * verify must name the first entry that no longer holds up. The sqlcipher shell variant of these
 * edits is in test/cli/log-cli.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS, linkHash, sha256hex } from '../../src/main/store/chain.ts';
import type { Db } from '../../src/main/store/database.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/store/records.ts';
import { check, fixture, keyOf, PNG, rawDb } from './helpers.ts';

/** A closed store of 6 entries: checks 1–3, settings change 4, checks 5 (with image) and 6. */
function logOfSix() {
  const f = fixture();
  const s = f.open();
  for (let i = 1; i <= 3; i++) s.recordCheck(check({ name: `患者 ${i}`, decision: 'accept' }));
  s.saveSettings({ ...DEFAULT_SETTINGS, keepImagesDays: 7 }, null);
  s.recordCheck(check({ name: '患者 5' }), PNG);
  s.recordCheck(check({ name: '患者 6' }));
  expect(s.verify()).toEqual({ ok: true, entries: 6, head: { id: 6, hash: expect.any(String) } });
  s.close();
  return {
    tamper(sql: (db: Db) => void) {
      const db = rawDb(f.file, keyOf(f.keyFile));
      db.exec('DROP TRIGGER entries_no_delete; DROP TRIGGER entries_no_rewrite; DROP TRIGGER entries_erase_only;');
      sql(db);
      db.close();
      const again = f.open();
      const r = again.verify();
      again.close();
      return r;
    },
    f,
  };
}

describe('verify', () => {
  it('the append-only guard stops a plain UPDATE or DELETE', () => {
    const { f } = logOfSix();
    const db = rawDb(f.file, keyOf(f.keyFile));
    expect(() =>
      db.prepare(`UPDATE entries SET payload = replace(payload, 'accept', 'self_pay') WHERE id = 2`).run(),
    ).toThrow(/append-only|only be erased/);
    expect(() => db.prepare('DELETE FROM entries WHERE id = 2').run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE entries SET at = '2020-01-01T00:00:00.000Z' WHERE id = 2`).run()).toThrow(
      /append-only/,
    );
    db.close();
  });

  it('names an entry whose content was changed', () => {
    const r = logOfSix().tamper((db) =>
      db.prepare(`UPDATE entries SET payload = replace(payload, '"accept"', '"self_pay"') WHERE id = 2`).run(),
    );
    expect(r).toEqual({ ok: false, entryId: 2, reason: 'its content was changed outside the app' });
  });

  it('names an entry rewritten with fresh hashes by the link that no longer holds', () => {
    const r = logOfSix().tamper((db) => {
      const row = db.prepare('SELECT * FROM entries WHERE id = 2').get() as {
        payload: string;
        prev_hash: string;
        at: string;
      };
      const payload = row.payload.replace('"accept"', '"self_pay"');
      const ph = sha256hex(payload);
      db.prepare('UPDATE entries SET payload = ?, payload_hash = ?, hash = ? WHERE id = 2').run(
        payload,
        ph,
        linkHash(row.prev_hash, ph, 2, 'check', row.at),
      );
    });
    expect(r).toMatchObject({ ok: false, entryId: 3, reason: expect.stringMatching(/does not link to entry 2/) });
  });

  it('names a deleted middle entry', () => {
    expect(logOfSix().tamper((db) => db.prepare('DELETE FROM entries WHERE id = 3').run())).toEqual({
      ok: false,
      entryId: 3,
      reason: 'it is missing (deleted outside the app)',
    });
  });

  it('names the first entry when the start was cut', () => {
    expect(logOfSix().tamper((db) => db.prepare('DELETE FROM entries WHERE id <= 2').run())).toMatchObject({
      ok: false,
      entryId: 1,
    });
  });

  it('names the missing tail against the head record, and against the id sequence when the head was moved too', () => {
    const cutTail = (db: Db) => db.exec('DELETE FROM images; DELETE FROM entries WHERE id >= 5');
    expect(logOfSix().tamper(cutTail)).toMatchObject({
      ok: false,
      entryId: 5,
      reason: expect.stringMatching(/head record names entry 6/),
    });
    const r = logOfSix().tamper((db) => {
      cutTail(db);
      const h = db.prepare('SELECT hash FROM entries WHERE id = 4').pluck().get() as string;
      db.prepare(`UPDATE meta SET value = ? WHERE key = 'head'`).run(`4 ${h}`);
    });
    expect(r).toEqual({ ok: false, entryId: 5, reason: 'it is missing (deleted outside the app)' });
  });

  it('names a changed time, a payload removed without a deletion record, altered search keys and a swapped image', () => {
    expect(
      logOfSix().tamper((db) => db.prepare(`UPDATE entries SET at = '2026-11-22T01:00:00.000Z' WHERE id = 2`).run()),
    ).toMatchObject({ entryId: 2, reason: expect.stringMatching(/time/) });
    expect(logOfSix().tamper((db) => db.prepare('UPDATE entries SET payload = NULL WHERE id = 2').run())).toEqual({
      ok: false,
      entryId: 2,
      reason: 'its content was deleted outside the app',
    });
    expect(
      logOfSix().tamper((db) => db.prepare('UPDATE entries SET payload = NULL, erased_by = 4 WHERE id = 2').run()),
    ).toMatchObject({ entryId: 2, reason: expect.stringMatching(/without a matching deletion record/) });
    // Hiding a check from a birth-date search.
    expect(
      logOfSix().tamper((db) => db.prepare(`UPDATE entries SET birth_date = '1900-01-01' WHERE id = 3`).run()),
    ).toMatchObject({ entryId: 3, reason: expect.stringMatching(/search keys/) });
    expect(
      logOfSix().tamper((db) =>
        db.prepare(`UPDATE images SET png = ? WHERE entry_id = 5`).run(Buffer.concat([PNG, Buffer.from([0])])),
      ),
    ).toMatchObject({ entryId: 5, reason: expect.stringMatching(/image/) });
  });

  it('catches an entry appended by hand after the head record', () => {
    const r = logOfSix().tamper((db) => {
      const last = db.prepare('SELECT hash FROM entries WHERE id = 6').pluck().get() as string;
      const payload = canonicalJson({ v: 1, nonce: 'x', check: check() });
      const ph = sha256hex(payload);
      const at = new Date('2026-11-22T00:15:00Z').toISOString();
      db.prepare(
        `INSERT INTO entries (id, kind, at, payload, payload_hash, prev_hash, hash, day, birth_date, name_key) VALUES (7, 'check', ?, ?, ?, ?, ?, '2026-11-22', '1981-05-10', '山田太郎')`,
      ).run(at, payload, ph, last, linkHash(last, ph, 7, 'check', at));
    });
    expect(r).toEqual({ ok: false, entryId: 7, reason: 'it was added outside the app (after the head record)' });
  });

  it('an empty log verifies, and the chain starts from the genesis hash', () => {
    const f = fixture();
    const s = f.open();
    expect(s.verify()).toEqual({ ok: true, entries: 0 });
    s.recordCheck(check());
    s.close();
    const db = rawDb(f.file, keyOf(f.keyFile));
    expect(db.prepare('SELECT prev_hash FROM entries WHERE id = 1').pluck().get()).toBe(GENESIS);
    db.close();
  });

  it('restores the guard on the next open', () => {
    const { f, tamper } = logOfSix();
    tamper(() => {});
    const db = rawDb(f.file, keyOf(f.keyFile));
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger'`).pluck().get()).toBe(3);
    db.close();
  });
});
