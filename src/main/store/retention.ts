/**
 * Erasing check entries: the retention purge and a patient's deletion request. An erased entry keeps
 * its chained hashes and `at`, loses its payload and search keys, and names the audit entry that
 * erased it (`erased_by`), so the chain still verifies and the erasure itself is on record.
 */
import { addYears } from '../../shared/domain/dates.ts';
import type { Staff } from '../../shared/store/records.ts';
import { appendAudit, type By } from './audit.ts';
import { jstDay, patientEntryIds } from './check-log.ts';
import type { Db } from './database.ts';
import { deleteExpired, deleteImagesOf } from './images.ts';
import { readSettings } from './settings.ts';
import { statement } from './sql.ts';
import { resolveActor } from './staff.ts';

function erase(db: Db, ids: readonly number[], auditId: number): void {
  const up = statement(
    db,
    'UPDATE entries SET payload = NULL, day = NULL, birth_date = NULL, name_key = NULL, staff_id = NULL, erased_by = ? WHERE id = ?',
  );
  for (const id of ids) up.run(auditId, id);
}

/** The first Japan day whose checks are still kept. */
export const retentionStart = (now: Date, years: number): string => addYears(jstDay(now), -years);

/** Call inside an IMMEDIATE transaction. Audited only when something was removed. */
export function purgeExpired(db: Db, now: Date, by: By): { checks: number; images: number } {
  const before = retentionStart(now, readSettings(db).retentionYears);
  const ids = statement(
    db,
    `SELECT id FROM entries WHERE kind = 'check' AND payload IS NOT NULL AND day < ? ORDER BY id`,
  )
    .pluck()
    .all(before) as number[];
  // Images of erased checks go with them, expired or not.
  const images = deleteImagesOf(db, ids) + deleteExpired(db, now);
  if (ids.length === 0 && images === 0) return { checks: 0, images: 0 };
  const audit = appendAudit(db, now, { event: 'retention_purge', before, checks: ids.length, images, by });
  erase(db, ids, audit.id);
  return { checks: ids.length, images };
}

/** Call inside an IMMEDIATE transaction. Needs an admin once accounts exist. */
export function deletePatient(
  db: Db,
  now: Date,
  p: { name: string; birthDate: string },
  by: Staff | null,
): { entries: number[] } {
  const actor = resolveActor(db, by, "delete a patient's entries", 'admin');
  const ids = patientEntryIds(db, p);
  if (ids.length === 0) return { entries: [] };
  const images = deleteImagesOf(db, ids);
  const audit = appendAudit(db, now, { event: 'patient_deleted', entries: ids, images, by: actor });
  erase(db, ids, audit.id);
  return { entries: ids };
}
