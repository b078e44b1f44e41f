import { describe, expect, it } from 'vitest';
import { lockMs } from '../../src/main/store/staff.ts';
import { DEFAULT_SETTINGS, type Staff } from '../../src/shared/store/records.ts';
import { auditEvents, errorOf, fixture, keyOf, rawDb } from './helpers.ts';

describe('staff accounts', () => {
  it('starts with a first admin, then only an admin adds accounts', () => {
    const s = fixture().open();
    expect(s.hasStaff()).toBe(false);
    expect(errorOf(() => s.addStaff({ name: '受付A', role: 'staff', pin: '1234' }, null)).message).toMatch(
      /first account must be an admin/,
    );
    const admin = s.addStaff({ name: '院長', role: 'admin', pin: '9876' }, null);
    expect(s.hasStaff()).toBe(true);
    expect(errorOf(() => s.addStaff({ name: '受付A', role: 'staff', pin: '1234' }, null)).code).toBe('forbidden');
    const clerk = s.addStaff({ name: '受付A', role: 'staff', pin: '1234' }, admin);
    expect(errorOf(() => s.addStaff({ name: '受付B', role: 'staff', pin: '1234' }, clerk)).message).toMatch(
      /only an admin/,
    );
    // The role comes from the database, not from the caller's copy.
    expect(
      errorOf(() => s.addStaff({ name: '受付B', role: 'staff', pin: '1234' }, { ...clerk, role: 'admin' })).code,
    ).toBe('forbidden');
    expect(errorOf(() => s.addStaff({ name: '受付A', role: 'staff', pin: '1234' }, admin)).message).toMatch(/already/);
    expect(errorOf(() => s.addStaff({ name: '受付C', role: 'staff', pin: '12a4' }, admin)).message).toMatch(
      /4–8 digits/,
    );
    expect(s.listStaff()).toEqual([admin, clerk]);
    s.close();
  });

  it('stores PINs only as salted scrypt hashes', () => {
    const f = fixture();
    const s = f.open();
    s.addStaff({ name: 'A', role: 'admin', pin: '123456' }, null);
    const a2 = s.addStaff({ name: 'B', role: 'admin', pin: '123456' }, s.listStaff()[0]!);
    expect(s.authenticate(a2.id, '123456')).toEqual(a2);
    s.close();
    const db = rawDb(f.file, keyOf(f.keyFile));
    const hashes = db.prepare('SELECT pin_hash FROM staff').pluck().all() as string[];
    db.close();
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).toMatch(/^scrypt\$/);
    expect(hashes[0]).not.toBe(hashes[1]);
    expect(hashes.join()).not.toMatch(/123456/);
  });

  it('locks after 5 wrong PINs with a growing wait, persisted across restarts, and audits it', () => {
    const f = fixture();
    let s = f.open();
    const admin = s.addStaff({ name: '院長', role: 'admin', pin: '9876' }, null);
    for (let i = 1; i <= 4; i++)
      expect(errorOf(() => s.authenticate(admin.id, '0000')).message).toBe(
        `wrong PIN (${5 - i} ${5 - i === 1 ? 'try' : 'tries'} left before the account locks)`,
      );
    const fifth = errorOf(() => s.authenticate(admin.id, '0000'));
    expect(fifth.code).toBe('locked');
    expect(fifth.message).toMatch(/try again in 1 min/);
    s.close();
    s = f.open();
    // Even the right PIN waits.
    expect(errorOf(() => s.authenticate(admin.id, '9876')).message).toMatch(/try again in 1 min/);
    f.clock.advance(30_000);
    expect(errorOf(() => s.authenticate(admin.id, '9876')).message).toMatch(/try again in 30 s/);
    f.clock.advance(30_000);
    expect(errorOf(() => s.authenticate(admin.id, '1111')).message).toMatch(/try again in 2 min/);
    f.clock.advance(120_000);
    expect(s.authenticate(admin.id, '9876')).toEqual(admin);
    // A success starts the count again.
    expect(errorOf(() => s.authenticate(admin.id, '0000')).code).toBe('forbidden');
    expect(errorOf(() => s.authenticate(999, '0000')).code).toBe('not_found');
    s.close();
    const events = auditEvents(f.file, f.keyFile).map((e) => e.event);
    expect(events.filter((e) => e === 'sign_in_failed')).toHaveLength(7);
    expect(events.filter((e) => e === 'sign_in')).toHaveLength(1);
    expect([lockMs(4), lockMs(5), lockMs(6), lockMs(7), lockMs(20)]).toEqual([0, 60_000, 120_000, 240_000, 3_600_000]);
  });

  it('removes accounts softly, keeps the last admin, and keeps names on old checks', () => {
    const s = fixture().open();
    const admin = s.addStaff({ name: '院長', role: 'admin', pin: '9876' }, null);
    const clerk = s.addStaff({ name: '受付A', role: 'staff', pin: '1234' }, admin);
    s.recordCheck(checkBy(clerk));
    expect(errorOf(() => s.removeStaff(admin.id, admin)).message).toMatch(/last admin/);
    expect(errorOf(() => s.removeStaff(admin.id, clerk)).code).toBe('forbidden');
    s.removeStaff(clerk.id, admin);
    expect(s.listStaff()).toEqual([admin]);
    expect(errorOf(() => s.authenticate(clerk.id, '1234')).code).toBe('not_found');
    expect(s.searchChecks({})[0]?.staffName).toBe('受付A');
    expect(s.verify()).toMatchObject({ ok: true });
    s.close();
  });
});

function checkBy(staff: Staff) {
  return {
    at: '2026-11-22T09:15:00+09:00',
    checkDate: '2026-11-22',
    staffId: staff.id,
    facility: { onlineCheck: 'available' as const, smartphoneReader: true },
    patient: { birthDate: '1950-01-01', insurerType: 'kouki' as const },
    documents: [],
    verdict: { decision: 'self_pay' as const, ruleIds: [] },
    rulebookVersion: '2026.11.1',
    appVersion: '0.1.0',
  };
}

describe('settings', () => {
  it('starts from the defaults and saves facility, reader, camera and retention', () => {
    const f = fixture();
    let s = f.open();
    expect(s.getSettings()).toEqual(DEFAULT_SETTINGS);
    const next = {
      ...DEFAULT_SETTINGS,
      facilityName: 'さくら内科クリニック',
      facility: { onlineCheck: 'available' as const, smartphoneReader: true },
      readerName: 'SONY FeliCa RC-S300',
      cameraId: 'abc123',
      retentionYears: 5,
      keepImagesDays: 3,
      idleLockMinutes: 2,
    };
    expect(s.saveSettings(next, null)).toEqual(next);
    s.close();
    s = f.open();
    expect(s.getSettings()).toEqual(next);
    expect(errorOf(() => s.saveSettings({ ...next, retentionYears: 0 }, null)).message).toMatch(/retentionYears/);
    s.close();
    const changed = auditEvents(f.file, f.keyFile).find((e) => e.event === 'settings_changed');
    expect(changed?.changed).toMatchObject({
      retentionYears: { from: 3, to: 5 },
      readerName: { from: null, to: 'SONY FeliCa RC-S300' },
    });
  });

  it('needs an admin once accounts exist', () => {
    const s = fixture().open();
    const admin = s.addStaff({ name: '院長', role: 'admin', pin: '9876' }, null);
    const clerk = s.addStaff({ name: '受付A', role: 'staff', pin: '1234' }, admin);
    expect(errorOf(() => s.saveSettings({ ...DEFAULT_SETTINGS, kiosk: true }, null)).code).toBe('forbidden');
    expect(errorOf(() => s.saveSettings({ ...DEFAULT_SETTINGS, kiosk: true }, clerk)).code).toBe('forbidden');
    expect(s.saveSettings({ ...DEFAULT_SETTINGS, kiosk: true }, admin).kiosk).toBe(true);
    s.close();
  });

  it('falls back to the default for a stored field it cannot use', () => {
    const f = fixture();
    const s = f.open();
    s.saveSettings({ ...DEFAULT_SETTINGS, facilityName: 'A' }, null);
    s.close();
    const db = rawDb(f.file, keyOf(f.keyFile));
    db.prepare(`UPDATE settings SET value = ?`).run(
      JSON.stringify({ facilityName: 'A', retentionYears: 'forever', futureOption: 1 }),
    );
    db.close();
    const again = f.open();
    expect(again.getSettings()).toEqual({ ...DEFAULT_SETTINGS, facilityName: 'A' });
    again.close();
  });
});
