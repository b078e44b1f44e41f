/**
 * The one composition root: wires the services for the Electron main process, the CLI and the
 * browser bridge alike, so all three run the same code.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadTrustAnchors, type TrustAnchor } from './card/certificate.ts';
import { builtInRulebookPath, defaultDataDir, defaultResourcesDir } from './paths.ts';
import { loadRulebook } from './rules/load.ts';
import { RulesService } from './services/rules-service.ts';
import { type KeyProvider, keyFileIn, keyFileProvider, openStore, storeFileIn, type StoreService } from './store/store-service.ts';

export interface ServiceOptions {
  resourcesDir?: string;
  /** Where the check log and its key live (default: defaultDataDir()). */
  dataDir?: string;
  /** The app passes safeStorageKeyProvider; the CLI and browser mode use the key file in dataDir. */
  storeKey?: KeyProvider;
}

export interface Services {
  rules: RulesService;
  /** The bundled J-LIS user-authentication roots plus any the operator added. */
  trustAnchors(extraCaFiles?: readonly string[]): TrustAnchor[];
  /** The check log, settings and staff, opened on first use. Never throws: see its mode and problem. */
  store(): StoreService;
  /** Closes what was opened (the store). */
  close(): void;
}

export function createServices(options: ServiceOptions = {}): Services {
  const resourcesDir = options.resourcesDir ?? defaultResourcesDir();
  const caDir = join(resourcesDir, 'jpki-ca');
  let store: StoreService | undefined;
  return {
    rules: new RulesService(loadRulebook(builtInRulebookPath(resourcesDir))),
    trustAnchors: (extra = []) => [
      ...readdirSync(caDir)
        .filter((f) => f.startsWith('auth_ca_') && f.endsWith('.pem'))
        .sort()
        .flatMap((f) => loadTrustAnchors(join(caDir, f))),
      ...extra.flatMap((f) => loadTrustAnchors(f)),
    ],
    store() {
      if (!store) {
        const dataDir = options.dataDir ?? defaultDataDir();
        store = openStore({ file: storeFileIn(dataDir), key: options.storeKey ?? keyFileProvider(keyFileIn(dataDir)) });
      }
      return store;
    },
    close: () => store?.close(),
  };
}
