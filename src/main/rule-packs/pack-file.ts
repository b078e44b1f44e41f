/**
 * The pack file a publisher signs and a clinic carries in: manifest + files + Ed25519 signature,
 * one JSON document. Verifying checks, in order: the format, the signer is a shipped publisher key,
 * the signature over the manifest, every file's hash, and the rulebook's schema.
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { Rulebook } from '../../shared/rules/rulebook-schema.ts';
import { formatIssues } from '../../shared/validation.ts';
import { parseRulebook, RulebookError } from '../rules/load.ts';
import { canonicalJson, ManifestSchema, PACK_FORMAT, sha256, type Manifest } from './manifest.ts';

/** Any reason a pack is refused: one line for the CLI and the screens. */
export class PackError extends Error {
  override name = 'PackError';
}

const PackFileSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    manifest: ManifestSchema,
    files: z.record(z.string(), z.string()),
    signature: z
      .object({ keyId: z.string().min(1), algorithm: z.literal('ed25519'), value: z.string().min(1) })
      .strict(),
  })
  .strict();
export type PackFile = z.infer<typeof PackFileSchema>;

export interface VerifiedPack {
  manifest: Manifest;
  keyId: string;
  rulebook: Rulebook;
  /** The files as signed, for installing. */
  files: Record<string, Buffer>;
  /** The pack file itself, kept with the installed copy so it can be verified again. */
  raw: Buffer;
}

/** The publisher keys the app trusts: `<keyId>.pem` (Ed25519 public keys) in one folder. */
export function loadPublisherKeys(dir: string): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.pem'));
  } catch {
    return keys;
  }
  for (const f of names) {
    const key = createPublicKey(readFileSync(join(dir, f)));
    if (key.asymmetricKeyType !== 'ed25519') throw new PackError(`${f}: publisher keys must be Ed25519`);
    keys.set(basename(f, '.pem'), key);
  }
  return keys;
}

/** Builds and signs a pack from a folder holding manifest.json and the files it lists (hashes are filled in). */
export function buildPack(dir: string, privateKeyPem: string | Buffer, keyId: string): Buffer {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new PackError('the signing key must be an Ed25519 private key');
  let draft: unknown;
  try {
    draft = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch (e) {
    throw new PackError(`${dir}/manifest.json: ${(e as Error).message}`);
  }
  const paths = ((draft as { files?: { path?: unknown }[] }).files ?? []).map((f) => String(f.path));
  const files: Record<string, Buffer> = {};
  for (const p of paths) {
    try {
      files[p] = readFileSync(join(dir, p));
    } catch {
      throw new PackError(`${dir}: ${p} is listed in the manifest but cannot be read`);
    }
  }
  const parsed = ManifestSchema.safeParse({
    ...(draft as object),
    files: paths.map((path) => ({ path, sha256: sha256(files[path]!) })),
  });
  if (!parsed.success) throw new PackError(`manifest: ${formatIssues(parsed.error)}`);
  const manifest = parsed.data;
  checkRulebook(manifest, files);
  const pack: PackFile = {
    format: PACK_FORMAT,
    manifest,
    files: Object.fromEntries(Object.entries(files).map(([p, b]) => [p, b.toString('base64')])),
    signature: {
      keyId,
      algorithm: 'ed25519',
      value: sign(null, Buffer.from(canonicalJson(manifest)), key).toString('base64'),
    },
  };
  return Buffer.from(JSON.stringify(pack, null, 1) + '\n');
}

function checkRulebook(manifest: Manifest, files: Record<string, Buffer>): Rulebook {
  let rulebook: Rulebook;
  try {
    rulebook = parseRulebook(files['rulebook.json']!.toString('utf8'), 'rulebook.json');
  } catch (e) {
    throw new PackError(e instanceof RulebookError ? `invalid rulebook: ${e.message}` : (e as Error).message);
  }
  if (rulebook.version !== manifest.version)
    throw new PackError(`the manifest says version ${manifest.version} but the rulebook says ${rulebook.version}`);
  return rulebook;
}

/** Verifies a pack file against the trusted publisher keys; throws PackError with the reason. */
export function verifyPack(raw: Buffer, keys: ReadonlyMap<string, KeyObject>): VerifiedPack {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new PackError('not a rule pack (not JSON)');
  }
  if (
    (json as { signature?: unknown })?.signature === undefined &&
    (json as { format?: unknown })?.format === PACK_FORMAT
  )
    throw new PackError('the pack is not signed');
  const parsed = PackFileSchema.safeParse(json);
  if (!parsed.success) throw new PackError(`not a valid rule pack: ${formatIssues(parsed.error)}`);
  const pack = parsed.data;
  const key = keys.get(pack.signature.keyId);
  if (!key)
    throw new PackError(`signed with key "${pack.signature.keyId}", which is not a publisher key this app trusts`);
  if (!verify(null, Buffer.from(canonicalJson(pack.manifest)), key, Buffer.from(pack.signature.value, 'base64'))) {
    throw new PackError('the signature does not match: the pack was changed after signing, or signed with another key');
  }
  const files: Record<string, Buffer> = {};
  const listed = new Set(pack.manifest.files.map((f) => f.path));
  for (const name of Object.keys(pack.files))
    if (!listed.has(name)) throw new PackError(`${name} is in the pack but not in the signed manifest`);
  for (const f of pack.manifest.files) {
    const b64 = pack.files[f.path];
    if (b64 === undefined) throw new PackError(`${f.path} is missing from the pack`);
    const data = Buffer.from(b64, 'base64');
    if (sha256(data) !== f.sha256) throw new PackError(`${f.path} was changed after signing (hash mismatch)`);
    files[f.path] = data;
  }
  return {
    manifest: pack.manifest,
    keyId: pack.signature.keyId,
    rulebook: checkRulebook(pack.manifest, files),
    files,
    raw,
  };
}
