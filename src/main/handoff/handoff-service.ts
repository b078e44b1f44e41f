/**
 * The hand-off of a logged check: build the request, then either give back the XML (a file for
 * the レセコン) or POST it to the configured ORCA; record in the log that it happened. Never
 * automatic: only a staff action (or `uketsuke log handoff`) calls this.
 */
import type { HandoffExtras, HandoffResult, OrcaSettings, OrcaSettingsView } from '../../shared/handoff/handoff.ts';
import type { Staff } from '../../shared/store/records.ts';
import type { SecretStore } from '../store/secret.ts';
import { StoreError, type StoreService } from '../store/store-service.ts';
import { handoffFilename } from './handoff-file.ts';
import { handoffInput } from './from-check.ts';
import { postToOrca, type OrcaEndpoint, type OrcaHttpOutcome } from './orca-http.ts';
import { buildOrcaRequest, type OrcaRequest } from './orca-request.ts';

export interface HandoffDeps {
  store: () => StoreService;
  password: SecretStore;
  /** The HTTP exchange (tests may point it elsewhere; the app uses postToOrca). */
  post?: (endpoint: OrcaEndpoint, path: string, xml: string) => Promise<OrcaHttpOutcome>;
}

export type Built =
  | { ok: true; checkDate: string; orcaClass: string; request: Extract<OrcaRequest, { ok: true }> }
  | { ok: false; result: HandoffResult };

export class HandoffService {
  constructor(private readonly deps: HandoffDeps) {}

  settings(): OrcaSettingsView {
    return { ...this.deps.store().getOrcaSettings(), passwordSet: this.passwordSet() };
  }

  /** `password`: undefined keeps it, '' removes it. */
  saveSettings(s: OrcaSettings, password: string | undefined, by: Staff | null): OrcaSettingsView {
    // The row first: it checks the admin; then the keyring.
    this.deps.store().saveOrcaSettings(s, by, password !== undefined);
    if (password !== undefined) this.deps.password.set(password);
    return this.settings();
  }

  /** The request for a logged check, or why there is none. */
  build(entryId: number, extras: HandoffExtras, via: 'http' | 'file'): Built {
    const entry = this.deps.store().getCheck(entryId);
    const empty = { via, apiWarnings: [], requestWarnings: [], logged: false };
    if (!entry) return { ok: false, result: { ...empty, code: 'not_built', problems: ['not_a_check'] } };
    const input = handoffInput(entry, extras);
    const request = buildOrcaRequest(input);
    if (!request.ok) return { ok: false, result: { ...empty, code: 'not_built', problems: request.problems } };
    return { ok: true, checkDate: entry.checkDate, orcaClass: input.orcaClass, request };
  }

  /** The XML to save as a file (the screens save it; the CLI writes it). Recorded as a hand-off. */
  file(entryId: number, extras: HandoffExtras, by: Staff | null): HandoffResult {
    const built = this.build(entryId, extras, 'file');
    if (!built.ok) return built.result;
    const result: HandoffResult = {
      code: 'saved',
      via: 'file',
      apiWarnings: [],
      requestWarnings: built.request.warnings,
      problems: [],
      filename: handoffFilename(built.checkDate, entryId, built.orcaClass),
      xml: built.request.xml,
      logged: false,
    };
    return { ...result, logged: this.record(entryId, result, by) };
  }

  async send(entryId: number, extras: HandoffExtras, by: Staff | null): Promise<HandoffResult> {
    const settings = this.deps.store().getOrcaSettings();
    const base = { via: 'http' as const, apiWarnings: [], requestWarnings: [], problems: [], logged: false };
    if (!settings.enabled || settings.url === '') return { ...base, code: 'not_configured' };
    const password = this.deps.password.get();
    if (password === undefined) return { ...base, code: 'no_password' };
    const built = this.build(entryId, extras, 'http');
    if (!built.ok) return built.result;
    const endpoint: OrcaEndpoint = {
      url: settings.url,
      user: settings.user,
      password,
      timeoutMs: settings.timeoutSeconds * 1000,
    };
    const outcome = await (this.deps.post ?? postToOrca)(endpoint, built.request.path, built.request.xml);
    const result: HandoffResult = { ...base, ...outcome, requestWarnings: built.request.warnings };
    return { ...result, logged: this.record(entryId, result, by) };
  }

  private passwordSet(): boolean {
    try {
      return this.deps.password.get() !== undefined;
    } catch {
      return false;
    }
  }

  /** The hand-off stands even when the log cannot say so (read-only log): the screens are told. */
  private record(entry: number, r: HandoffResult, by: Staff | null): boolean {
    try {
      this.deps
        .store()
        .recordHandoff({ entry, via: r.via, result: r.code, ...(r.apiResult ? { apiResult: r.apiResult } : {}) }, by);
      return true;
    } catch (e) {
      if (e instanceof StoreError) return false;
      throw e;
    }
  }
}
