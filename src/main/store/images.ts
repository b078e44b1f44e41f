/**
 * Redacted document images (PNG), kept only while settings.keepImagesDays allows. The caller passes
 * the image the OCR step already redacted; the store cannot tell and does not try.
 */
import type { Db } from './database.ts';
import { StoreError } from './errors.ts';
import { statement } from './sql.ts';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

export function checkPng(png: Buffer): void {
  if (!Buffer.isBuffer(png) || !png.subarray(0, 8).equals(PNG_MAGIC))
    throw new StoreError('invalid', 'a kept image must be a PNG');
  if (png.length > MAX_IMAGE_BYTES)
    throw new StoreError('invalid', `a kept image must be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
}

export const imageExpiry = (now: Date, days: number): string =>
  new Date(now.getTime() + days * 86_400_000).toISOString();

export const getImage = (db: Db, entryId: number): Buffer | null =>
  (statement(db, 'SELECT png FROM images WHERE entry_id = ? ORDER BY id DESC LIMIT 1').pluck().get(entryId) as
    Buffer | undefined) ?? null;

export const getImages = (db: Db, entryId: number): Buffer[] =>
  statement(db, 'SELECT png FROM images WHERE entry_id = ? ORDER BY id').pluck().all(entryId) as Buffer[];

export const deleteExpired = (db: Db, now: Date): number =>
  statement(db, 'DELETE FROM images WHERE expires_at <= ?').run(now.toISOString()).changes;

export function deleteImagesOf(db: Db, entryIds: readonly number[]): number {
  const del = statement(db, 'DELETE FROM images WHERE entry_id = ?');
  let n = 0;
  for (const id of entryIds) n += del.run(id).changes;
  return n;
}
