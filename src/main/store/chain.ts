/**
 * The tamper-evident chain over `entries` (checks and audit events, one sequence):
 *
 *   payload_hash = sha256(payload)                                  (payload: canonical JSON, UTF-8)
 *   hash         = sha256(prev_hash "|" payload_hash "|" id "|" kind "|" at)   (hex strings, decimal id)
 *   prev_hash    = the previous entry's hash; GENESIS for entry 1
 *
 * Erasing a payload (retention, a patient's request) keeps payload_hash and hash, so the chain still
 * verifies; a check's payload carries a random nonce, so the kept hash cannot be confirmed by
 * guessing the erased content. The `head` row in `meta` names the last entry (see docs/store.md for
 * what it does and does not prove).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './database.ts';
import { statement } from './sql.ts';

export const GENESIS = '0'.repeat(64);

export type EntryKind = 'check' | 'audit';

export const sha256hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export const linkHash = (prevHash: string, payloadHash: string, id: number, kind: EntryKind, at: string): string =>
  sha256hex(`${prevHash}|${payloadHash}|${id}|${kind}|${at}`);

export const newNonce = (): string => randomBytes(16).toString('hex');

/** JSON with object keys sorted (UTF-16 order) at every level, no spaces, undefined members dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Columns an entry row carries besides the chained ones (search keys of a check). */
export interface EntryColumns {
  day: string | null;
  birth_date: string | null;
  name_key: string | null;
  staff_id: number | null;
}

const NO_COLUMNS: EntryColumns = { day: null, birth_date: null, name_key: null, staff_id: null };

export interface Head {
  id: number;
  hash: string;
}

export function readHead(db: Db): Head | undefined {
  const row = statement(db, `SELECT value FROM meta WHERE key = 'head'`).get() as { value: string } | undefined;
  if (!row) return undefined;
  const [id, hash] = row.value.split(' ');
  return { id: Number(id), hash: hash ?? '' };
}

/** Appends one entry. Call inside an IMMEDIATE transaction: reading the tail and linking to it must not race another writer. */
export function appendEntry(db: Db, e: { kind: EntryKind; at: string; payload: string; columns?: EntryColumns }): Head {
  const last = statement(db, 'SELECT id, hash FROM entries ORDER BY id DESC LIMIT 1').get() as Head | undefined;
  const id = (last?.id ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  const payloadHash = sha256hex(e.payload);
  const hash = linkHash(prevHash, payloadHash, id, e.kind, e.at);
  const c = e.columns ?? NO_COLUMNS;
  statement(
    db,
    `INSERT INTO entries (id, kind, at, payload, payload_hash, prev_hash, hash, day, birth_date, name_key, staff_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, e.kind, e.at, e.payload, payloadHash, prevHash, hash, c.day, c.birth_date, c.name_key, c.staff_id);
  statement(
    db,
    `INSERT INTO meta (key, value) VALUES ('head', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  ).run(`${id} ${hash}`);
  return { id, hash };
}
