/** Where the app finds what it ships. Both `src/main/*` (CLI via tsx) and `out/main/*` (built) sit two levels below the root. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function defaultResourcesDir(): string {
  return fileURLToPath(new URL('../../resources', import.meta.url));
}

export const builtInRulebookPath = (resourcesDir: string): string => join(resourcesDir, 'rules', 'rulebook.json');
