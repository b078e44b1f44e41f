/**
 * Every earlier schema version, with the data that version wrote, is opened by today's store: the
 * migrations run, nothing is lost, the chain still verifies, and the log takes new checks.
 * Adding a migration means adding the seed of the version before it here (the test insists).
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS, linkHash, sha256hex } from '../../src/main/store/chain.ts';
import { jstDay, nameKey, storedInstant } from '../../src/main/store/check-log.ts';
import { type Db, openEncrypted } from '../../src/main/store/database.ts';
import { LATEST_VERSION, migrate, MIGRATIONS, schemaVersion } from '../../src/main/store/migrations.ts';
import { hashPin } from '../../src/main/store/staff.ts';
import { openStore, StoreError } from '../../src/main/store/store-service.ts';
import { DEFAULT_ORCA_SETTINGS } from '../../src/shared/handoff/handoff.ts';
import { DEFAULT_SETTINGS, type NewCheck } from '../../src/shared/store/records.ts';
import { check, randomKey, tempDir } from './helpers.ts';

/** Appends an entry with only the columns schema 1 had. */
function appendV1(
  db: Db,
  kind: 'check' | 'audit',
  at: string,
  content: object,
  cols: { day: string | null; birth_date: string | null; name_key: string | null },
): number {
  const last = db.prepare('SELECT id, hash FROM entries ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;
  const id = (last?.id ?? 0) + 1;
  const payload = canonicalJson(content);
  const ph = sha256hex(payload);
  const hash = linkHash(last?.hash ?? GENESIS, ph, id, kind, at);
  db.prepare(
    'INSERT INTO entries (id, kind, at, payload, payload_hash, prev_hash, hash, day, birth_date, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, kind, at, payload, ph, last?.hash ?? GENESIS, hash, cols.day, cols.birth_date, cols.name_key);
  db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('head', ?)`).run(`${id} ${hash}`);
  return id;
}

function appendCheckV1(db: Db, c: NewCheck): number {
  return appendV1(
    db,
    'check',
    storedInstant(c.at),
    { v: 1, nonce: sha256hex(c.at).slice(0, 32), check: c },
    { day: jstDay(c.at), birth_date: c.patient.birthDate, name_key: c.patient.name ? nameKey(c.patient.name) : null },
  );
}

interface Seeded {
  checks: number;
  staff?: { id: number; pin: string };
  settings?: typeof DEFAULT_SETTINGS;
}

/** What each earlier version wrote, in its own schema. */
const SEEDS: Record<number, (db: Db) => Seeded> = {
  0: () => ({ checks: 0 }),
  1: (db) => {
    appendCheckV1(db, check({ name: '旧版 一郎', at: '2026-10-01T09:00:00+09:00' }));
    appendCheckV1(db, check({ name: '旧版 二郎', at: '2026-10-02T09:00:00+09:00' }));
    return { checks: 2 };
  },
  2: (db) => {
    const now = '2026-10-01T00:00:00.000Z';
    const staffId = Number(
      db
        .prepare(`INSERT INTO staff (name, role, pin_hash, created_at) VALUES ('院長', 'admin', ?, ?)`)
        .run(hashPin('2468'), now).lastInsertRowid,
    );
    appendV1(
      db,
      'audit',
      now,
      { v: 1, audit: { event: 'staff_added', staffId, name: '院長', role: 'admin', by: null } },
      { day: null, birth_date: null, name_key: null },
    );
    const settings = { ...DEFAULT_SETTINGS, facilityName: 'さくら内科', retentionYears: 5 };
    db.prepare(`INSERT INTO settings (id, value, updated_at) VALUES (1, ?, ?)`).run(JSON.stringify(settings), now);
    const id = appendCheckV1(db, check({ name: '二版 花子', staffId }));
    db.prepare('UPDATE entries SET staff_id = ? WHERE id = ?').run(staffId, id);
    return { checks: 1, staff: { id: staffId, pin: '2468' }, settings };
  },
  3: (db) => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const c = check({ name: '三版 画像' });
    const id = appendV1(
      db,
      'check',
      storedInstant(c.at),
      { v: 1, nonce: sha256hex(c.at).slice(0, 32), check: c, image: sha256hex(png) },
      { day: jstDay(c.at), birth_date: c.patient.birthDate, name_key: nameKey(c.patient.name!) },
    );
    db.prepare('INSERT INTO images (entry_id, png, expires_at) VALUES (?, ?, ?)').run(
      id,
      png,
      '2099-01-01T00:00:00.000Z',
    );
    return { checks: 1 };
  },
};

function fileAtVersion(version: number): { file: string; key: Buffer; seeded: Seeded } {
  const file = `${tempDir()}/checks.db`;
  const key = randomKey();
  const db = openEncrypted(file, key, { readonly: false });
  migrate(db, version);
  expect(schemaVersion(db)).toBe(version);
  const seeded = SEEDS[version]?.(db) ?? { checks: 0 };
  db.close();
  return { file, key, seeded };
}

describe('migrations', () => {
  it('are numbered 1, 2, 3… with a seed for every version before the latest', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    for (let v = 0; v < LATEST_VERSION; v++) expect(SEEDS[v], `seed for schema ${v}`).toBeTypeOf('function');
  });

  it.each(Array.from({ length: LATEST_VERSION }, (_, v) => v))(
    'bring a log of schema %i to the latest without losing anything',
    (version) => {
      const { file, key, seeded } = fileAtVersion(version);
      const s = openStore({ file, key });
      expect(s.mode).toBe('normal');
      const entries = s.searchChecks({ limit: 1000 });
      expect(entries).toHaveLength(seeded.checks);
      expect(s.verify()).toMatchObject({ ok: true });
      if (seeded.staff) {
        expect(s.authenticate(seeded.staff.id, seeded.staff.pin).name).toBe('院長');
        expect(entries[0]?.staffName).toBe('院長');
      }
      expect(s.getSettings()).toEqual(seeded.settings ?? DEFAULT_SETTINGS);
      // Schema 4: the ORCA hand-off exists and is off until an admin turns it on.
      expect(s.getOrcaSettings()).toEqual(DEFAULT_ORCA_SETTINGS);
      const { id } = s.recordCheck(check({ staffId: seeded.staff?.id ?? null }));
      expect(s.searchChecks({ limit: 1 })[0]?.id).toBe(id);
      expect(s.verify()).toMatchObject({ ok: true });
      s.close();
      const db = openEncrypted(file, key, { readonly: true });
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      db.close();
    },
  );

  it('leave a log of a newer version alone: read-only, readable, says to update', () => {
    const { file, key } = fileAtVersion(LATEST_VERSION);
    const s1 = openStore({ file, key });
    s1.recordCheck(check());
    s1.close();
    const db = openEncrypted(file, key, { readonly: false });
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const s = openStore({ file, key });
    expect(s.mode).toBe('read_only');
    expect(s.problem).toMatch(/newer version of uketsuke .*update the app/);
    expect(s.searchChecks({})).toHaveLength(1);
    expect(() => s.recordCheck(check())).toThrow(StoreError);
    s.close();
  });

  it('run each step atomically: a failing step leaves the previous version intact', () => {
    const file = `${tempDir()}/checks.db`;
    const db = openEncrypted(file, randomKey(), { readonly: false });
    const broken = [
      MIGRATIONS[0]!,
      {
        version: 2,
        name: 'fails half-way',
        up: (d: Db) => {
          d.exec('CREATE TABLE half (x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, 2, broken)).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'half'`).pluck().get()).toBe(0);
    expect(migrate(db)).toBe(1);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });
});
