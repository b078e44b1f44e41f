/** Where the app finds what it ships. Both `src/main/*` (CLI via tsx) and `out/main/*` (built) sit two levels below the root. */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function appRoot(): string {
  return fileURLToPath(new URL('../..', import.meta.url));
}

export function defaultResourcesDir(): string {
  return join(appRoot(), 'resources');
}

export function appVersion(): string {
  return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Where the app keeps what it writes (check log, key file, installed rule packs). Electron passes
 * its userData folder; the CLI and browser mode use UKETSUKE_DATA_DIR or the XDG data folder.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.UKETSUKE_DATA_DIR) return env.UKETSUKE_DATA_DIR;
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'uketsuke');
}
