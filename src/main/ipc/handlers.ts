/**
 * One handler per channel, validating its request with the contract's schema. Used by the
 * Electron IPC registration and the browser bridge alike.
 */
import { randomBytes } from 'node:crypto';
import { todayInJapan } from '../clock.ts';
import { evaluateDraft } from '../../shared/rules/draft-situation.ts';
import {
  CONTRACT,
  type Channel,
  type ParsedRequestOf,
  type ResponseOf,
  type Result,
} from '../../shared/ipc/contract.ts';
import type { NewCheck } from '../../shared/store/records.ts';
import { formatIssues } from '../../shared/validation.ts';
import type { Services } from '../composition.ts';
import { InputError } from '../services/rules-service.ts';
import { StaffSession } from '../services/staff-session.ts';
import { StoreError } from '../store/store-service.ts';

export type Handlers = { [C in Channel]: (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>> };

export interface HandlerContext {
  appVersion: string;
  mode: 'electron' | 'browser';
}

export function createHandlers(services: Services, ctx: HandlerContext): Handlers {
  const { rules } = services;
  const store = () => services.store;
  const session = new StaffSession(() => store().getSettings().idleLockMinutes);
  const need = (role?: 'admin') => session.require(store().hasStaff(), role);
  // Each scan's redacted image by id, until the check that shows it keeps it or lets it go.
  const scans = new ScanImages();

  return {
    'app:info': () => ({
      appVersion: ctx.appVersion,
      rulebookVersion: rules.rulebookVersion,
      mode: ctx.mode,
      today: todayInJapan(),
      store: {
        mode: store().mode,
        ...(store().problem ? { problem: store().problem } : {}),
        ...(store().problemCode ? { problemCode: store().problemCode } : {}),
      },
    }),
    'rules:evaluate': (situation) => {
      session.touch();
      return rules.evaluate(situation);
    },
    'rules:evaluateDraft': (draft) => {
      session.touch();
      return evaluateDraft(draft, (s) => rules.evaluate(s));
    },
    'rules:overview': (query) => rules.overview(todayInJapan(), query),
    'card:state': (request) => services.card.waitForChange(request?.after),
    'card:verifyPin': ({ placement, step, pin, force }) => services.card.verifyPin(placement, step, pin, force),
    'ocr:scan': async ({ image }) => {
      session.touch();
      const { redacted, ...view } = await services.scan.scan(image);
      return { ...view, id: scans.put(redacted) };
    },
    'ocr:discard': ({ ids }) => {
      scans.drop(ids);
      return null;
    },
    'check:finish': ({ situation, documents, patientName, imageIds = [], contradictions }) => {
      const verdict = rules.evaluate(situation);
      // Finishing as 使えます over documents that disagree needs staff to have checked them.
      if (
        verdict.decision === 'accept' &&
        contradictions &&
        contradictions.found.length > 0 &&
        !contradictions.confirmed
      )
        throw new InputError('書類の不一致を確認してから完了してください (confirm the documents that disagree first)');
      const staff = session.current();
      const check: NewCheck = {
        at: new Date().toISOString(),
        checkDate: situation.date,
        staffId: staff?.id ?? null,
        facility: situation.facility,
        patient: {
          ...(patientName ? { name: patientName } : {}),
          birthDate: situation.patient.birthDate,
          insurerType: situation.patient.insurerType,
        },
        documents,
        verdict: {
          decision: verdict.decision,
          ...(verdict.fallback ? { fallback: verdict.fallback } : {}),
          ...(verdict.burdenRatio !== undefined ? { burdenRatio: verdict.burdenRatio } : {}),
          ruleIds: [...new Set(verdict.reasons.map((r) => r.ruleId))],
        },
        rulebookVersion: verdict.rulebookVersion,
        appVersion: ctx.appVersion,
        ...(contradictions && contradictions.found.length > 0 ? { contradictions } : {}),
      };
      const images = scans.take(imageIds);
      try {
        const keep = store().getSettings().keepImagesDays > 0 ? images : [];
        return { id: store().recordCheck(check, keep).id, verdict };
      } catch (e) {
        if (!(e instanceof StoreError)) throw e;
        return { id: null, verdict, problem: e.message, problemCode: e.code };
      }
    },
    'log:search': (query) => {
      need();
      return store().searchChecks(query);
    },
    'log:export': ({ date, unmasked }) => {
      const staff = unmasked ? need('admin') : need();
      if (unmasked && !staff)
        throw new InputError('unmasked export needs an admin account', 'error.unmaskedNeedsAdmin');
      const csv = store().exportCsv({ ...(date ? { date } : {}), ...(unmasked && staff ? { unmaskedBy: staff } : {}) });
      return { filename: `uketsuke-checks-${date ?? 'all'}${unmasked ? '-UNMASKED' : ''}.csv`, csv };
    },
    'log:deletePatient': (patient) => ({ deleted: store().deletePatient(patient, need('admin')) }),
    'settings:get': () => store().getSettings(),
    'settings:save': (settings) => {
      const saved = store().saveSettings(settings, need('admin'));
      // "No card reader at this desk" opens or closes PC/SC at once.
      services.settingsChanged();
      return saved;
    },
    'session:get': () => ({ staff: session.current(), hasStaff: store().hasStaff() }),
    'staff:list': () => store().listStaff(),
    'staff:signIn': ({ staffId, pin }) => {
      session.signIn(store().authenticate(staffId, pin));
      return { staff: session.current(), hasStaff: true };
    },
    'staff:signOut': () => {
      session.signOut();
      return null;
    },
    // The first account (an admin) can be made by anyone at the desk, and is signed in at once;
    // later ones only by an admin.
    'staff:add': (request) => {
      const by = need('admin');
      if (!by && request.role !== 'admin')
        throw new InputError('the first account must be an admin', 'error.firstAccountAdmin');
      const staff = store().addStaff(request, by);
      if (!by) session.signIn(staff);
      return staff;
    },
    'orca:settings': () => services.handoff.settings(),
    'orca:saveSettings': ({ settings, password }) => services.handoff.saveSettings(settings, password, need('admin')),
    // Only ever a staff action on a logged check: nothing is handed off automatically.
    'orca:handoff': ({ entryId, via, extras }) => {
      const by = need();
      return via === 'file' ? services.handoff.file(entryId, extras, by) : services.handoff.send(entryId, extras, by);
    },
  };
}

/**
 * Redacted scan images by id. A check names the ones it keeps when it finishes; abandoning it
 * drops them. The oldest go first past a bound, so a desk that never finishes cannot fill memory.
 */
export class ScanImages {
  private readonly images = new Map<string, Buffer>();
  constructor(private readonly max = 40) {}

  put(png: Buffer): string {
    const id = `s${randomBytes(8).toString('hex')}`;
    this.images.set(id, png);
    for (const old of this.images.keys()) {
      if (this.images.size <= this.max) break;
      this.images.delete(old);
    }
    return id;
  }

  /** The images under these ids, in order (unknown ids are skipped); they leave the map. */
  take(ids: readonly string[]): Buffer[] {
    const found = ids.flatMap((id) => {
      const png = this.images.get(id);
      return png ? [png] : [];
    });
    this.drop(ids);
    return found;
  }

  drop(ids: readonly string[]): void {
    for (const id of ids) this.images.delete(id);
  }

  get size(): number {
    return this.images.size;
  }
}

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(CONTRACT, name);
}

/** Validates the untrusted request, runs the handler, and wraps the outcome in a Result. */
export async function dispatch(handlers: Handlers, channel: Channel, raw: unknown): Promise<Result<unknown>> {
  const parsed = CONTRACT[channel].request.safeParse(raw);
  if (!parsed.success) {
    // The screens say what was wrong in words; the English detail is for the log and the console.
    const image = channel === 'ocr:scan' && parsed.error.issues.some((i) => i.path[0] === 'image');
    return {
      ok: false,
      error: `invalid request for ${channel}: ${formatIssues(parsed.error)}`,
      code: image ? 'error.invalidImage' : 'error.invalidRequest',
    };
  }
  try {
    const handler = handlers[channel] as (r: unknown) => unknown;
    // Responses go through their schema too: whatever a service returns, only the contract's
    // fields reach the screens.
    return { ok: true, value: CONTRACT[channel].response.parse(await handler(parsed.data)) };
  } catch (e) {
    // Expected failures carry their message; anything else is logged in main and said plainly.
    if (e instanceof InputError)
      return {
        ok: false,
        error: e.message,
        ...(e.code ? { code: e.code } : {}),
        ...(e.params ? { params: e.params } : {}),
      };
    if (e instanceof StoreError) return { ok: false, error: e.message, code: `error.store.${e.code}` };
    console.error(`[ipc] ${channel} failed`, e);
    return {
      ok: false,
      error: 'internal error — the check was not completed; please try again',
      code: 'error.internal',
    };
  }
}
