import { describe, expect, it } from 'vitest';
import { csvCell, MASK, toCsv } from '../../src/main/store/export-csv.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/store/records.ts';
import { auditEvents, check, errorOf, fixture, keyOf, PNG, rawDb } from './helpers.ts';

/** Rows of a CSV without quoted newlines (true of this log's cells). */
const parseCsv = (csv: string): string[][] =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)]
        .map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'))
        .slice(0, 18),
    );

describe('retention', () => {
  it('erases checks older than the retention period, keeps the chain valid and records the purge', () => {
    const f = fixture();
    const s = f.open();
    const old = s.recordCheck(check({ at: '2023-11-21T10:00:00+09:00', name: '古川 一郎' })).id;
    const edge = s.recordCheck(check({ at: '2023-11-22T10:00:00+09:00', name: '境 二郎' })).id;
    const recent = s.recordCheck(check({ at: '2026-11-22T09:00:00+09:00' })).id;
    expect(s.purgeExpired()).toEqual({ checks: 1, images: 0 });
    expect(s.searchChecks({ limit: 1000 }).map((e) => e.id)).toEqual([recent, edge]);
    expect(s.searchChecks({ name: '古川' })).toEqual([]);
    expect(s.verify()).toMatchObject({ ok: true, entries: 4 });
    expect(s.purgeExpired()).toEqual({ checks: 0, images: 0 });
    f.clock.advance(86_400_000);
    expect(s.purgeExpired()).toEqual({ checks: 1, images: 0 });
    expect(s.verify()).toMatchObject({ ok: true, entries: 5 });
    s.close();
    expect(auditEvents(f.file, f.keyFile)).toEqual([
      { event: 'retention_purge', before: '2023-11-22', checks: 1, images: 0, by: null },
      { event: 'retention_purge', before: '2023-11-23', checks: 1, images: 0, by: null },
    ]);
    const db = rawDb(f.file, keyOf(f.keyFile));
    const erased = db
      .prepare('SELECT id, payload, day, birth_date, name_key, staff_id, erased_by FROM entries WHERE id IN (?, ?)')
      .all(old, edge);
    db.close();
    expect(erased).toEqual([
      { id: old, payload: null, day: null, birth_date: null, name_key: null, staff_id: null, erased_by: 4 },
      { id: edge, payload: null, day: null, birth_date: null, name_key: null, staff_id: null, erased_by: 5 },
    ]);
  });

  it('follows the configured period', () => {
    const f = fixture();
    const s = f.open();
    s.recordCheck(check({ at: '2023-01-10T10:00:00+09:00' }));
    s.saveSettings({ ...DEFAULT_SETTINGS, retentionYears: 5 }, null);
    expect(s.purgeExpired()).toEqual({ checks: 0, images: 0 });
    s.saveSettings({ ...DEFAULT_SETTINGS, retentionYears: 1 }, null);
    expect(s.purgeExpired().checks).toBe(1);
    s.close();
  });

  it("deletes one patient's entries and images on request (admin), audited without the patient's name", () => {
    const f = fixture();
    const s = f.open();
    s.saveSettings({ ...DEFAULT_SETTINGS, keepImagesDays: 30 }, null);
    const theirs = [
      s.recordCheck(check({ name: '山田 太郎' }), PNG).id,
      s.recordCheck(check({ name: '山田　太郎', at: '2026-11-23T09:00:00+09:00' })).id,
    ];
    const sameNameOtherBirth = s.recordCheck(check({ name: '山田 太郎', birthDate: '1999-09-09' })).id;
    const admin = s.addStaff({ name: '院長', role: 'admin', pin: '9876' }, null);
    const clerk = s.addStaff({ name: '受付A', role: 'staff', pin: '1234' }, admin);
    expect(errorOf(() => s.deletePatient({ name: '山田太郎', birthDate: '1981-05-10' }, clerk)).code).toBe('forbidden');
    expect(errorOf(() => s.deletePatient({ name: '山田太郎', birthDate: '1981-05-10' }, null)).code).toBe('forbidden');
    expect(errorOf(() => s.deletePatient({ name: '', birthDate: '1981-05-10' }, admin)).code).toBe('invalid');
    expect(s.deletePatient({ name: '山田太郎', birthDate: '1981-05-10' }, admin)).toBe(2);
    expect(s.searchChecks({ name: '山田' }).map((e) => e.id)).toEqual([sameNameOtherBirth]);
    expect(s.getImage(theirs[0]!)).toBeNull();
    expect(s.deletePatient({ name: '山田太郎', birthDate: '1981-05-10' }, admin)).toBe(0);
    expect(s.verify()).toMatchObject({ ok: true });
    s.close();
    const deletion = auditEvents(f.file, f.keyFile).find((e) => e.event === 'patient_deleted');
    expect(deletion).toEqual({
      event: 'patient_deleted',
      entries: theirs,
      images: 1,
      by: { id: admin.id, name: '院長', role: 'admin' },
    });
    expect(JSON.stringify(deletion)).not.toMatch(/山田|1981/);
  });
});

describe('CSV export', () => {
  it('masks insurer numbers and 記号・番号・枝番 by default, for Excel (BOM, CRLF)', () => {
    const f = fixture();
    const s = f.open();
    s.recordCheck(check({ at: '2026-11-21T09:00:00+09:00' }));
    const id = s.recordCheck(check({ name: '佐藤, "花子"' })).id;
    const csv = s.exportCsv({ date: '2026-11-22' });
    expect(
      csv.startsWith(
        '\uFEFF番号,日時,確認日,担当,オンライン資格確認,氏名,生年月日,保険の種類,提示書類,書類の項目,判定,書類を出せないとき,負担割合,',
      ),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    for (const secret of ['01130012', '12345678', '番号=901', '枝番=01']) expect(csv).not.toContain(secret);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe(String(id));
    expect(rows[1]![1]).toBe('2026-11-22 09:15:00');
    expect(rows[1]![5]).toBe('佐藤, "花子"');
    expect(rows[1]![9]).toBe(
      `資格確認書: 枝番=${MASK} 負担割合=3割 有効期限=2027-07-31 保険者番号=${MASK} 番号=${MASK} 記号=${MASK}`,
    );
    // Values in words, no codes: nothing in a row is an English word.
    for (const cell of rows[1]!.slice(2, 14)) expect(cell).not.toMatch(/[a-z]{2,}/);
    expect(parseCsv(s.exportCsv({ from: '2026-11-01', to: '2026-11-30' }))).toHaveLength(3);
    expect(parseCsv(s.exportCsv({}))).toHaveLength(3);
    expect(errorOf(() => s.exportCsv({ date: '2026-11-22', from: '2026-11-01' })).code).toBe('invalid');
    expect(errorOf(() => s.exportCsv({ date: '22/11/2026' })).code).toBe('invalid');
    s.close();
    expect(auditEvents(f.file, f.keyFile).filter((e) => e.event === 'export')).toHaveLength(3);
  });

  it('shows the numbers only to an admin, and records that it did', () => {
    const f = fixture();
    const s = f.open();
    s.recordCheck(check());
    expect(errorOf(() => s.exportCsv({ unmaskedBy: { id: 1, name: 'x', role: 'admin' } })).message).toMatch(
      /only an admin.*create an admin/,
    );
    const admin = s.addStaff({ name: '院長', role: 'admin', pin: '9876' }, null);
    const clerk = s.addStaff({ name: '受付A', role: 'staff', pin: '1234' }, admin);
    expect(errorOf(() => s.exportCsv({ unmaskedBy: clerk })).code).toBe('forbidden');
    expect(errorOf(() => s.exportCsv({ unmaskedBy: { ...clerk, role: 'admin' } })).code).toBe('forbidden');
    const csv = s.exportCsv({ unmaskedBy: admin });
    expect(csv).toContain('保険者番号=01130012');
    expect(csv).toContain('記号=12345678');
    s.exportCsv({ by: clerk });
    s.close();
    const exports = auditEvents(f.file, f.keyFile).filter((e) => e.event === 'export');
    expect(exports).toEqual([
      { event: 'export', masked: false, rows: 1, lastEntry: 3, by: { id: admin.id, name: '院長', role: 'admin' } },
      { event: 'export', masked: true, rows: 1, lastEntry: 4, by: { id: clerk.id, name: '受付A', role: 'staff' } },
    ]);
  });

  it('defuses cells Excel would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell(-1)).toBe('-1');
    expect(toCsv([], { masked: true })).toMatch(/^\uFEFF番号,日時,.*\r\n$/);
  });
});
