/**
 * The one composition root: wires the services for the Electron main process, the CLI and the
 * browser bridge alike, so all three run the same code.
 */
import { builtInRulebookPath, defaultResourcesDir } from './paths.ts';
import { loadRulebook } from './rules/load.ts';
import { RulesService } from './services/rules-service.ts';

export interface ServiceOptions {
  resourcesDir?: string;
}

export interface Services {
  rules: RulesService;
}

export function createServices(options: ServiceOptions = {}): Services {
  const resourcesDir = options.resourcesDir ?? defaultResourcesDir();
  return { rules: new RulesService(loadRulebook(builtInRulebookPath(resourcesDir))) };
}
