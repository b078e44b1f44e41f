/**
 * A rule pack's manifest: which rulebook, from when, and the SHA-256 of every file. The signature
 * covers the manifest's canonical bytes, so it covers the files through their hashes.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { IsoDateSchema } from '../../shared/rules/effects.ts';

export const PACK_FORMAT = 'uketsuke-rule-pack/1';
const VERSION = /^(\d{4})\.(\d{2})\.(\d{2})(?:-(\d+))?$/;

export const ManifestSchema = z
  .object({
    packId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{2,63}$/, { message: 'packId: lower-case letters, digits, dots and dashes' }),
    version: z.string().regex(VERSION, { message: 'version must look like 2026.12.01 or 2026.12.01-2' }),
    published: IsoDateSchema,
    /** The first day checks are decided by this pack. */
    effective: IsoDateSchema,
    files: z
      .array(
        z
          .object({
            path: z.string().regex(/^[a-z0-9-]+\.json$/, { message: 'file names: plain names ending in .json' }),
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
          })
          .strict(),
      )
      .min(1)
      .refine((files) => files.some((f) => f.path === 'rulebook.json'), {
        message: 'a pack must contain rulebook.json',
      }),
  })
  .strict();
export type Manifest = z.infer<typeof ManifestSchema>;

/** JSON with sorted keys and no spaces: the bytes that are signed. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** Orders rulebook versions (2026.12.01 < 2026.12.01-2 < 2026.12.02). */
export function compareVersions(a: string, b: string): number {
  const pa = VERSION.exec(a);
  const pb = VERSION.exec(b);
  if (!pa || !pb) return a.localeCompare(b);
  for (let i = 1; i <= 4; i++) {
    const d = Number(pa[i] ?? 0) - Number(pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
