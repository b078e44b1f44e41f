/**
 * The one composition root: wires the services for the Electron main process, the CLI and the
 * browser bridge alike, so all three run the same code.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadTrustAnchors, type TrustAnchor } from './card/certificate.ts';
import { builtInRulebookPath, defaultResourcesDir } from './paths.ts';
import { loadRulebook } from './rules/load.ts';
import { RulesService } from './services/rules-service.ts';

export interface ServiceOptions {
  resourcesDir?: string;
}

export interface Services {
  rules: RulesService;
  /** The bundled J-LIS user-authentication roots plus any the operator added. */
  trustAnchors(extraCaFiles?: readonly string[]): TrustAnchor[];
}

export function createServices(options: ServiceOptions = {}): Services {
  const resourcesDir = options.resourcesDir ?? defaultResourcesDir();
  const caDir = join(resourcesDir, 'jpki-ca');
  return {
    rules: new RulesService(loadRulebook(builtInRulebookPath(resourcesDir))),
    trustAnchors: (extra = []) => [
      ...readdirSync(caDir)
        .filter((f) => f.startsWith('auth_ca_') && f.endsWith('.pem'))
        .sort()
        .flatMap((f) => loadTrustAnchors(join(caDir, f))),
      ...extra.flatMap((f) => loadTrustAnchors(f)),
    ],
  };
}
