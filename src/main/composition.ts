/**
 * The one composition root: wires the services for the Electron main process, the CLI and the
 * browser bridge alike, so all three run the same code. Services that touch hardware or files
 * (reader, OCR pool, check log) start on first use, so `uketsuke evaluate` never opens them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { todayInJapan } from './clock.ts';
import { loadTrustAnchors, type TrustAnchor } from './card/certificate.ts';
import { defaultDataDir, defaultResourcesDir } from './paths.ts';
import { loadRuleSet } from './rule-packs/rule-set.ts';
import { CardService } from './services/card-service.ts';
import { RulesService } from './services/rules-service.ts';
import type { SpawnHost } from './ocr/ocr-process.ts';
import { ScanService } from './services/scan-service.ts';
import { HandoffService } from './handoff/handoff-service.ts';
import { startPurgeJob } from './store/purge-job.ts';
import { fileSecret, type SecretStore } from './store/secret.ts';
import {
  keyFileIn,
  keyFileProvider,
  openStore,
  storeFileIn,
  type KeyProvider,
  type StoreService,
} from './store/store-service.ts';

export interface ServiceOptions {
  resourcesDir?: string;
  /** Where the check log and its key live (Electron: userData). */
  dataDir?: string;
  /** The check log's key; default: a key file next to the log (CLI, browser mode, tests). */
  storeKey?: KeyProvider;
  /** Extra trust anchors (test CAs). */
  extraCaFiles?: readonly string[];
  /** Where the ORCA password is kept; default: a 0600 file in the data folder (the app: the OS keyring). */
  orcaPassword?: SecretStore;
  /** How the OCR process starts (Electron: a utility process); default: a forked Node process. */
  spawnOcr?: SpawnHost;
  /** `--no-reader`: no card reader at this desk; no PC/SC context is ever opened (also a setting). */
  noReader?: boolean;
}

export interface Services {
  rules: RulesService;
  /** The bundled J-LIS user-authentication roots plus any the operator added. */
  trustAnchors(extraCaFiles?: readonly string[]): TrustAnchor[];
  readonly card: CardService;
  readonly scan: ScanService;
  readonly store: StoreService;
  /** The hand-off of logged checks to the レセコン (ORCA). */
  readonly handoff: HandoffService;
  /** The retention purge: now, then daily (the app and browser mode; not the CLI). */
  startPurgeJob(): void;
  /** The settings were saved: services that follow them (the reader) catch up. */
  settingsChanged(): void;
  /** Stops the reader, the OCR process and the purge job, and closes the log. */
  close(): Promise<void>;
}

export function createServices(options: ServiceOptions = {}): Services {
  const resourcesDir = options.resourcesDir ?? defaultResourcesDir();
  const dataDir = options.dataDir ?? defaultDataDir();
  const caDir = join(resourcesDir, 'jpki-ca');
  const rules = new RulesService(loadRuleSet(resourcesDir, dataDir));
  const trustAnchors = (extra: readonly string[] = []) => [
    ...readdirSync(caDir)
      .filter((f) => f.startsWith('auth_ca_') && f.endsWith('.pem'))
      .sort()
      .flatMap((f) => loadTrustAnchors(join(caDir, f))),
    ...extra.flatMap((f) => loadTrustAnchors(f)),
  ];
  let card: CardService | undefined;
  let scan: ScanService | undefined;
  let store: StoreService | undefined;
  let stopPurge: (() => void) | undefined;
  let handoff: HandoffService | undefined;
  const services: Services = {
    rules,
    trustAnchors,
    get store() {
      return (store ??= openStore({
        file: storeFileIn(dataDir),
        key: options.storeKey ?? keyFileProvider(keyFileIn(dataDir)),
      }));
    },
    get card() {
      if (!card) {
        const anchors = trustAnchors(options.extraCaFiles);
        card = new CardService({
          anchors: () => anchors,
          today: () => todayInJapan(),
          graceMonths: (today) => rules.certificateGraceMonths(today),
          readerName: () => services.store.getSettings().readerName,
          enabled: () => !options.noReader && !services.store.getSettings().noCardReader,
        }).start();
      }
      return card;
    },
    get handoff() {
      return (handoff ??= new HandoffService({
        store: () => services.store,
        password: options.orcaPassword ?? fileSecret(join(dataDir, 'orca.secret')),
      }));
    },
    get scan() {
      return (scan ??= new ScanService(options.spawnOcr ? { spawn: options.spawnOcr } : {}));
    },
    startPurgeJob() {
      stopPurge ??= startPurgeJob(services.store, {
        onError: (e) => console.error(`[store] retention purge failed: ${e.message}`),
      });
    },
    settingsChanged() {
      card?.refresh();
    },
    async close() {
      stopPurge?.();
      card?.stop();
      await scan?.stop();
      store?.close();
    },
  };
  return services;
}
