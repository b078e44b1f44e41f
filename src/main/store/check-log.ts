/** Checks in the log: what a check entry's payload holds, its search keys, and the queries over them. */
import type { CheckEntry, CheckQuery, NewCheck } from '../../shared/store/records.ts';
import { appendEntry, canonicalJson, type EntryColumns, type Head, newNonce, sha256hex } from './chain.ts';
import type { Db } from './database.ts';
import { statement } from './sql.ts';

/**
 * A check entry's payload. `images` are the SHA-256s of the kept redacted images, in order, so a
 * swapped image shows in verify (`image`: the one image of entries written before a check could keep several).
 */
export interface CheckPayload {
  v: 1;
  nonce: string;
  check: NewCheck;
  image?: string;
  images?: string[];
}

/** The image hashes an entry's payload names, old (one image) or new (several). */
export const payloadImages = (p: CheckPayload): string[] => p.images ?? (p.image ? [p.image] : []);

const JST_OFFSET_MS = 9 * 3600_000;

/** The Japan calendar day of an instant (Japan has no daylight saving time). */
export const jstDay = (instant: string | Date): string =>
  new Date(new Date(instant).getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);

/** "2026-11-22 09:15:03", Japan time. */
export const jstDateTime = (instant: string): string =>
  new Date(new Date(instant).getTime() + JST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

/** Search form of a name: width-folded (NFKC), no spaces of any width, lower case. */
export const nameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

/** The instant as stored in the chained `at` column. */
export const storedInstant = (at: string): string => new Date(at).toISOString();

export function searchColumns(check: NewCheck): EntryColumns {
  return {
    day: jstDay(check.at),
    birth_date: check.patient.birthDate,
    name_key: check.patient.name === undefined ? null : nameKey(check.patient.name),
    staff_id: check.staffId,
  };
}

/** Appends a validated check (and the images it keeps) to the chain. Call inside an IMMEDIATE transaction. */
export function insertCheck(
  db: Db,
  check: NewCheck,
  images: { pngs: readonly Buffer[]; expiresAt: string } = { pngs: [], expiresAt: '' },
): Head {
  const payload: CheckPayload = {
    v: 1,
    nonce: newNonce(),
    check,
    ...(images.pngs.length ? { images: images.pngs.map((png) => sha256hex(png)) } : {}),
  };
  const head = appendEntry(db, {
    kind: 'check',
    at: storedInstant(check.at),
    payload: canonicalJson(payload),
    columns: searchColumns(check),
  });
  const insert = statement(db, 'INSERT INTO images (entry_id, png, expires_at) VALUES (?, ?, ?)');
  for (const png of images.pngs) insert.run(head.id, png, images.expiresAt);
  return head;
}

interface CheckRow {
  id: number;
  hash: string;
  payload: string;
  staff_name: string | null;
}

const toEntry = (r: CheckRow): CheckEntry => ({
  ...(JSON.parse(r.payload) as CheckPayload).check,
  id: r.id,
  staffName: r.staff_name,
  hash: r.hash,
});

const SELECT_CHECKS = `SELECT e.id, e.hash, e.payload, s.name AS staff_name FROM entries e LEFT JOIN staff s ON s.id = e.staff_id
  WHERE e.kind = 'check' AND e.payload IS NOT NULL`;

/** Newest first. Erased entries are never returned. */
export function findChecks(db: Db, q: CheckQuery): CheckEntry[] {
  const filters: [string, unknown][] = [];
  if (q.date) filters.push(['e.day = ?', q.date]);
  if (q.birthDate) filters.push(['e.birth_date = ?', q.birthDate]);
  if (q.name !== undefined) filters.push(['instr(e.name_key, ?) > 0', nameKey(q.name)]);
  const sql = `${SELECT_CHECKS}${filters.map(([w]) => ` AND ${w}`).join('')} ORDER BY e.id DESC LIMIT ?`;
  return (statement(db, sql).all(...filters.map(([, v]) => v), q.limit ?? 100) as CheckRow[]).map(toEntry);
}

/** One live check by its entry id (undefined when erased or not a check). */
export function findCheck(db: Db, id: number): CheckEntry | undefined {
  const row = statement(db, `${SELECT_CHECKS} AND e.id = ?`).get(id) as CheckRow | undefined;
  return row ? toEntry(row) : undefined;
}

/** Oldest first, for export: days `from`..`to` (Japan), either open. */
export function checksBetween(db: Db, from: string | undefined, to: string | undefined): CheckEntry[] {
  const sql = `${SELECT_CHECKS} AND e.day >= ? AND e.day <= ? ORDER BY e.id`;
  return (statement(db, sql).all(from ?? '0000-00-00', to ?? '9999-99-99') as CheckRow[]).map(toEntry);
}

/** Ids of a patient's live check entries: same birth date and the same name once spaces and width are ignored. */
export function patientEntryIds(db: Db, p: { name: string; birthDate: string }): number[] {
  return statement(
    db,
    `SELECT id FROM entries WHERE kind = 'check' AND payload IS NOT NULL AND birth_date = ? AND name_key = ? ORDER BY id`,
  )
    .pluck()
    .all(p.birthDate, nameKey(p.name)) as number[];
}
