import { describe, expect, it } from 'vitest';
import { jstDay, nameKey } from '../../src/main/store/check-log.ts';
import { CheckEntrySchema, DEFAULT_SETTINGS, type NewCheck } from '../../src/shared/store/records.ts';
import { check, errorOf, fixture, keyOf, PNG, rawDb } from './helpers.ts';

describe('check log', () => {
  it('records a check in one entry and returns it whole, with its link in the chain', () => {
    const f = fixture();
    const s = f.open();
    expect(s.mode).toBe('normal');
    const c = check({ note: '保険証の写真なし' });
    const { id } = s.recordCheck(c);
    const [entry] = s.searchChecks({});
    expect(CheckEntrySchema.parse(entry)).toEqual({
      ...c,
      id,
      staffName: null,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(s.verify()).toMatchObject({ ok: true, entries: 1 });
    s.close();
  });

  it('never stores a 個人番号: a check carrying one is refused and nothing is written', () => {
    const f = fixture();
    const s = f.open();
    s.recordCheck(check());
    const carriers: NewCheck[] = [
      check({ note: '個人番号 1234 5678 9012 を確認' }),
      {
        ...check(),
        documents: [{ kind: 'mynumber_card', source: 'card', fields: { personalNumber: '123456789012' } }],
      },
      check({ name: '１２３４５６７８９０１２' }),
    ];
    for (const c of carriers) {
      const e = errorOf(() => s.recordCheck(c));
      expect(e.code).toBe('invalid');
      expect(e.message).toMatch(/個人番号/);
      expect(e.message).not.toMatch(/\n/);
    }
    expect(s.verify()).toMatchObject({ ok: true, entries: 1 });
    s.close();
    const db = rawDb(f.file, keyOf(f.keyFile));
    expect(db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(1);
    expect(db.prepare(`SELECT count(*) FROM entries WHERE payload LIKE '%9012%'`).pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a check that is not one (validated again in the store, whatever the caller did)', () => {
    const s = fixture().open();
    expect(
      errorOf(() => s.recordCheck({ ...check(), verdict: { decision: 'maybe' } } as unknown as NewCheck)).code,
    ).toBe('invalid');
    expect(errorOf(() => s.recordCheck({ ...check(), pin: '1234' } as unknown as NewCheck)).message).toMatch(/pin/i);
    expect(s.searchChecks({})).toEqual([]);
    s.close();
  });

  it('finds today’s checks by Japan day, a name without regard to spaces or width, and a birth date', () => {
    const s = fixture().open();
    const ids = [
      s.recordCheck(check({ at: '2026-11-21T23:59:59+09:00', name: '山田 太郎' })).id,
      s.recordCheck(check({ at: '2026-11-21T15:00:00Z', name: '山田　太郎' })).id, // 00:00 on the 22nd in Japan
      s.recordCheck(check({ at: '2026-11-22T10:00:00+09:00', name: '佐藤 花子', birthDate: '1990-02-03' })).id,
      s.recordCheck(check({ at: '2026-11-22T11:00:00+09:00', name: 'ﾔﾏﾀﾞ ﾀﾛｳ', birthDate: '1990-02-03' })).id,
    ];
    const found = (q: Parameters<typeof s.searchChecks>[0]) => s.searchChecks(q).map((e) => e.id);
    expect(found({ date: '2026-11-22' })).toEqual([ids[3], ids[2], ids[1]]);
    expect(found({ date: '2026-11-21' })).toEqual([ids[0]]);
    expect(found({ name: '山田太郎' })).toEqual([ids[1], ids[0]]);
    expect(found({ name: '田　太' })).toEqual([ids[1], ids[0]]);
    expect(found({ name: 'ヤマダ' })).toEqual([ids[3]]);
    expect(found({ birthDate: '1990-02-03', name: '佐藤' })).toEqual([ids[2]]);
    expect(found({ limit: 2 })).toEqual([ids[3], ids[2]]);
    expect(errorOf(() => s.searchChecks({ date: '2026-02-30' })).code).toBe('invalid');
    expect(jstDay('2026-11-21T15:00:00Z')).toBe('2026-11-22');
    expect(nameKey(' Ｙａｍａｄａ　Taro ')).toBe('yamadataro');
    s.close();
  });

  it('names who made the check, and requires a signed-in member once accounts exist', () => {
    const s = fixture().open();
    s.recordCheck(check());
    const admin = s.addStaff({ name: '受付 管理者', role: 'admin', pin: '2468' }, null);
    expect(errorOf(() => s.recordCheck(check())).code).toBe('forbidden');
    expect(errorOf(() => s.recordCheck(check({ staffId: 99 }))).code).toBe('forbidden');
    s.recordCheck(check({ staffId: admin.id }));
    expect(s.searchChecks({}).map((e) => e.staffName)).toEqual(['受付 管理者', null]);
    s.close();
  });

  it('keeps every image a check names, in order, each bound to its entry; a swapped one shows in verify', () => {
    const f = fixture();
    const s = f.open();
    s.saveSettings({ ...DEFAULT_SETTINGS, keepImagesDays: 7 }, null);
    const other = Buffer.concat([PNG, Buffer.from('second')]);
    const two = s.recordCheck(check({ name: '二枚 一郎' }), [PNG, other]);
    const none = s.recordCheck(check({ name: '無し 二郎' }), []);
    expect(s.getImages(two.id).map((b) => b.equals(PNG) || b.equals(other))).toEqual([true, true]);
    expect(s.getImages(two.id)[1]!.equals(other)).toBe(true);
    expect(s.getImages(none.id)).toEqual([]);
    expect(s.verify()).toMatchObject({ ok: true });
    s.close();
    const db = rawDb(f.file, keyOf(f.keyFile));
    db.prepare(
      'UPDATE images SET png = ? WHERE entry_id = ? AND id = (SELECT max(id) FROM images WHERE entry_id = ?)',
    ).run(PNG, two.id, two.id);
    db.close();
    const again = f.open();
    expect(again.verify()).toMatchObject({ ok: false, entryId: two.id });
    again.close();
  });

  it('keeps a redacted image only while settings allow, and purges it when it expires', () => {
    const f = fixture();
    const s = f.open();
    const dropped = s.recordCheck(check(), PNG);
    expect(dropped.imageKept).toBe(false);
    expect(s.getImage(dropped.id)).toBeNull();
    s.saveSettings({ ...DEFAULT_SETTINGS, keepImagesDays: 7 }, null);
    expect(errorOf(() => s.recordCheck(check(), Buffer.from('GIF89a'))).code).toBe('invalid');
    const kept = s.recordCheck(check(), PNG);
    expect(kept.imageKept).toBe(true);
    expect(s.getImage(kept.id)?.equals(PNG)).toBe(true);
    expect(s.purgeExpired()).toEqual({ checks: 0, images: 0 });
    f.clock.advance(7 * 86_400_000);
    expect(s.purgeExpired()).toEqual({ checks: 0, images: 1 });
    expect(s.getImage(kept.id)).toBeNull();
    expect(s.searchChecks({}).length).toBe(2);
    expect(s.verify()).toMatchObject({ ok: true });
    s.close();
  });

  it('keeps every check across a reopen, one transaction each', () => {
    const f = fixture();
    const s = f.open();
    for (let i = 0; i < 50; i++) s.recordCheck(check({ name: `患者 ${i}` }));
    s.close();
    const again = f.open();
    expect(again.searchChecks({ limit: 1000 }).length).toBe(50);
    expect(again.verify()).toMatchObject({ ok: true, entries: 50 });
    again.close();
  });
});
