/**
 * Walks the whole chain in one read snapshot and names the first entry that does not hold up:
 * missing ids, broken links, changed content or chained fields, search keys that disagree with the
 * content, payloads erased without the audit entry that says so, swapped images, and a tail that
 * disagrees with the head record or the id sequence.
 */
import type { AuditPayload } from './audit.ts';
import { GENESIS, type Head, linkHash, readHead, sha256hex } from './chain.ts';
import { type CheckPayload, jstDay, payloadImages, searchColumns, storedInstant } from './check-log.ts';
import type { Db } from './database.ts';
import { isCorruption } from './errors.ts';
import { statement } from './sql.ts';

export type VerifyResult = { ok: true; entries: number; head?: Head } | { ok: false; entryId: number; reason: string };

interface EntryRow {
  id: number;
  kind: string;
  at: string;
  payload: string | null;
  payload_hash: string;
  prev_hash: string;
  hash: string;
  erased_by: number | null;
  day: string | null;
  birth_date: string | null;
  name_key: string | null;
  /** Absent before schema 2. */
  staff_id?: number | null;
}

const hasTable = (db: Db, name: string): boolean =>
  statement(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;

/** Why an entry's content does not match its search keys or time, or undefined when it does. */
function contentMismatch(r: EntryRow, images: Map<number, string[]>): string | undefined {
  let content: CheckPayload | AuditPayload;
  try {
    content = JSON.parse(r.payload!) as CheckPayload | AuditPayload;
  } catch {
    return 'its content is not readable';
  }
  if (r.kind === 'audit') return 'audit' in content ? undefined : 'its content does not match its kind';
  if (!('check' in content)) return 'its content does not match its kind';
  const c = content.check;
  if (storedInstant(c.at) !== r.at) return 'its time differs from its content';
  const cols = searchColumns(c);
  if (
    cols.day !== r.day ||
    cols.birth_date !== r.birth_date ||
    cols.name_key !== r.name_key ||
    cols.staff_id !== (r.staff_id ?? null)
  )
    return 'its search keys were changed outside the app';
  const kept = images.get(r.id);
  // Images may expire or be deleted (some or all); those still kept must be the ones named, in order.
  if (kept !== undefined && !isSubsequence(kept, payloadImages(content)))
    return 'its kept image was replaced outside the app';
  return undefined;
}

function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let i = 0;
  for (const h of whole) if (h === part[i]) i++;
  return i === part.length;
}

function erasureMismatch(r: EntryRow, erasers: Map<number, AuditPayload | null>): string | undefined {
  if (r.erased_by === null) return 'its content was deleted outside the app';
  const e = erasers.get(r.erased_by)?.audit;
  const covered =
    r.erased_by > r.id &&
    ((e?.event === 'patient_deleted' && e.entries.includes(r.id)) ||
      (e?.event === 'retention_purge' && r.kind === 'check' && jstDay(r.at) < e.before));
  return covered ? undefined : 'its content was erased without a matching deletion record';
}

export function verifyChain(db: Db): VerifyResult {
  return db.transaction((): VerifyResult => {
    const images = new Map<number, string[]>();
    // A read-only look at a log from before images were kept (schema 1–2) has no images table.
    if (hasTable(db, 'images'))
      for (const row of statement(db, 'SELECT entry_id, png FROM images ORDER BY id').iterate() as Iterable<{
        entry_id: number;
        png: Buffer;
      }>)
        images.set(row.entry_id, [...(images.get(row.entry_id) ?? []), sha256hex(row.png)]);
    const erasers = new Map<number, AuditPayload | null>();
    for (const row of statement(
      db,
      'SELECT id, payload FROM entries WHERE id IN (SELECT erased_by FROM entries WHERE erased_by IS NOT NULL)',
    ).all() as { id: number; payload: string | null }[]) {
      try {
        erasers.set(row.id, row.payload === null ? null : (JSON.parse(row.payload) as AuditPayload));
      } catch {
        erasers.set(row.id, null);
      }
    }

    let prevId = 0;
    let prevHash = GENESIS;
    try {
      for (const r of statement(db, 'SELECT * FROM entries ORDER BY id').iterate() as Iterable<EntryRow>) {
        const broken = (reason: string): VerifyResult => ({ ok: false, entryId: r.id, reason });
        if (r.id !== prevId + 1)
          return { ok: false, entryId: prevId + 1, reason: 'it is missing (deleted outside the app)' };
        if (r.prev_hash !== prevHash)
          return broken(
            prevId === 0
              ? 'it does not start the chain'
              : `it does not link to entry ${prevId}: one of them was rewritten outside the app`,
          );
        if (r.kind !== 'check' && r.kind !== 'audit') return broken('its kind was changed outside the app');
        if (linkHash(r.prev_hash, r.payload_hash, r.id, r.kind, r.at) !== r.hash)
          return broken('its time, kind or hashes were changed outside the app');
        if (r.payload !== null) {
          if (sha256hex(r.payload) !== r.payload_hash) return broken('its content was changed outside the app');
          const why = contentMismatch(r, images);
          if (why) return broken(why);
        } else {
          const why = erasureMismatch(r, erasers);
          if (why) return broken(why);
        }
        prevId = r.id;
        prevHash = r.hash;
      }
    } catch (e) {
      if (isCorruption(e))
        return { ok: false, entryId: prevId + 1, reason: 'it cannot be read: the file is damaged there' };
      throw e;
    }

    const head = readHead(db);
    const seq =
      (statement(db, `SELECT seq FROM sqlite_sequence WHERE name = 'entries'`).pluck().get() as number | undefined) ??
      0;
    if (head === undefined) {
      if (prevId > 0) return { ok: false, entryId: prevId, reason: 'the head record is missing' };
    } else if (head.id > prevId) {
      return {
        ok: false,
        entryId: prevId + 1,
        reason: `it is missing: the log ends at entry ${prevId} but the head record names entry ${head.id}`,
      };
    } else if (head.id < prevId) {
      return { ok: false, entryId: head.id + 1, reason: 'it was added outside the app (after the head record)' };
    } else if (head.hash !== prevHash) {
      return { ok: false, entryId: prevId, reason: 'it differs from the head record' };
    }
    if (seq > prevId) return { ok: false, entryId: prevId + 1, reason: 'it is missing (deleted outside the app)' };
    return { ok: true, entries: prevId, ...(head ? { head } : {}) };
  })();
}
