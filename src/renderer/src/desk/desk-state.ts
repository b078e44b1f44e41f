/**
 * The desk's screen state in one reducer: which screen is up (each with what it alone needs), the
 * check in progress (one patient from the first document to finish or abandon), and what waits
 * for staff to confirm. Pure: the scans to let go of are queued for the app to tell main.
 */
import type { CardView, ScanView } from '../../../shared/ipc/views.ts';
import {
  imageIdsOf,
  newCheck,
  withDocument,
  withoutDocument,
  type Check,
  type CheckDoc,
  type PatientFacts,
} from './check.ts';

export type View =
  | { name: 'waiting' }
  | { name: 'capture'; file: boolean }
  | { name: 'review'; scan: ScanView }
  | { name: 'manual' }
  | { name: 'check' }
  | { name: 'log' }
  | { name: 'rules' }
  | { name: 'settings' };
export type ViewName = View['name'];

/** A question staff must answer before something is thrown away or logged. */
export type Confirm = 'abandon' | 'leaveForm' | 'contradictions';

export interface DeskState {
  view: View;
  check: Check | null;
  confirm: Confirm | null;
  /** Scan ids whose images main can drop (abandoned, removed, or never used). */
  discard: string[];
}

export type DeskAction =
  | { type: 'open'; view: 'waiting' | 'manual' | 'check' | 'log' | 'rules' | 'settings' }
  | { type: 'capture'; file: boolean }
  | { type: 'scanned'; scan: ScanView }
  | { type: 'addDocument'; doc: Omit<CheckDoc, 'id'> }
  | { type: 'cardRead'; view: CardView; placement: number }
  | { type: 'removeDocument'; id: string }
  | { type: 'type'; facts: Partial<PatientFacts> }
  | { type: 'escape'; formDirty: boolean }
  | { type: 'ask'; confirm: Confirm }
  | { type: 'answer'; yes: boolean }
  | { type: 'finished' }
  | { type: 'abandon' }
  | { type: 'discarded'; ids: string[] };

export const initialDesk = (): DeskState => ({ view: { name: 'waiting' }, check: null, confirm: null, discard: [] });

const waiting: View = { name: 'waiting' };
/** Where a sub-screen returns to: the check when one is in progress. */
const home = (s: DeskState): View => (s.check ? { name: 'check' } : waiting);
const pendingScan = (s: DeskState): string[] => (s.view.name === 'review' ? [s.view.scan.id] : []);

/** A check has something staff would lose. */
export const hasWork = (check: Check | null): boolean =>
  !!check && (check.documents.length > 0 || Object.keys(check.typed).length > 0);

export function deskReducer(s: DeskState, a: DeskAction): DeskState {
  switch (a.type) {
    case 'open':
      // Opening the check screen with no check in progress is the waiting screen.
      return {
        ...s,
        view: a.view === 'check' ? home(s) : { name: a.view },
        confirm: null,
        discard: [...s.discard, ...pendingScan(s)],
      };
    case 'capture':
      return { ...s, view: { name: 'capture', file: a.file }, confirm: null };
    case 'scanned':
      return {
        ...s,
        view: { name: 'review', scan: a.scan },
        confirm: null,
        discard: [...s.discard, ...pendingScan(s)],
      };
    case 'addDocument':
      return { ...s, view: { name: 'check' }, confirm: null, check: withDocument(s.check ?? newCheck(), a.doc) };
    case 'cardRead': {
      const doc = {
        kind: a.view.document?.kind ?? ('mynumber_card' as const),
        source: 'card' as const,
        values: {},
        card: { view: a.view, placement: a.placement },
      };
      // A card placed on the waiting screen starts the check and shows it.
      return {
        ...s,
        view: s.view.name === 'waiting' ? { name: 'check' } : s.view,
        check: withDocument(s.check ?? newCheck(), doc),
      };
    }
    case 'removeDocument': {
      if (!s.check) return s;
      const removed = s.check.documents.find((d) => d.id === a.id);
      return {
        ...s,
        check: withoutDocument(s.check, a.id),
        discard: removed?.scanId ? [...s.discard, removed.scanId] : s.discard,
      };
    }
    case 'type':
      if (!s.check) return s;
      return { ...s, check: { ...s.check, typed: { ...s.check.typed, ...a.facts } } };
    case 'escape': {
      if (s.confirm) return { ...s, confirm: null };
      switch (s.view.name) {
        case 'waiting':
          return s;
        case 'check':
          return hasWork(s.check) ? { ...s, confirm: 'abandon' } : { ...s, view: waiting, check: null };
        case 'review':
          return { ...s, confirm: 'leaveForm' };
        case 'manual':
          return a.formDirty ? { ...s, confirm: 'leaveForm' } : { ...s, view: home(s) };
        case 'capture':
          return { ...s, view: home(s) };
        default:
          // 記録・ルール・設定 return to the waiting screen, which shows a check in progress to resume.
          return { ...s, view: waiting };
      }
    }
    case 'ask':
      return { ...s, confirm: a.confirm };
    case 'answer': {
      const asked = s.confirm;
      if (!a.yes || !asked) return { ...s, confirm: null };
      if (asked === 'abandon') return deskReducer({ ...s, confirm: null }, { type: 'abandon' });
      if (asked === 'leaveForm')
        return { ...s, confirm: null, view: home(s), discard: [...s.discard, ...pendingScan(s)] };
      return { ...s, confirm: null, check: s.check ? { ...s.check, contradictionsChecked: true } : null };
    }
    case 'finished':
      // Main took the images the check named; nothing of this patient stays.
      return { ...s, view: waiting, check: null, confirm: null };
    case 'abandon':
      return {
        ...s,
        view: waiting,
        check: null,
        confirm: null,
        discard: [...s.discard, ...imageIdsOf(s.check), ...pendingScan(s)],
      };
    case 'discarded':
      return { ...s, discard: s.discard.filter((id) => !a.ids.includes(id)) };
  }
}
