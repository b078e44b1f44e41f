/**
 * Audit events share the checks' chain, so one sequence orders everything and an audit record can
 * no more be dropped or edited than a check. They name staff, never a patient.
 */
import type { Role } from '../../shared/store/records.ts';
import { appendEntry, canonicalJson, type Head } from './chain.ts';
import type { Db } from './database.ts';

export interface Actor {
  id: number;
  name: string;
  role: Role;
}
/** Who did it: a staff member, nobody signed in (a kiosk without accounts), or the command line. */
export type By = Actor | null | 'cli';

export type AuditEvent =
  | { event: 'sign_in'; staffId: number }
  | { event: 'sign_in_failed'; staffId: number; failures: number; lockedUntil?: string }
  | { event: 'export'; masked: boolean; rows: number; from?: string; to?: string; lastEntry: number; by: By }
  | { event: 'settings_changed'; changed: Record<string, { from: unknown; to: unknown }>; by: By }
  | { event: 'staff_added'; staffId: number; name: string; role: Role; by: By }
  | { event: 'staff_removed'; staffId: number; by: By }
  /** `entries`: the check entries whose payload was erased. */
  | { event: 'patient_deleted'; entries: number[]; images: number; by: By }
  /** A check was handed to the レセコン (how and with what result; never what was sent). */
  | { event: 'handoff'; entry: number; via: 'http' | 'file'; result: string; apiResult?: string; by: By }
  /** Check entries of days before `before` (Japan) were erased; expired images were deleted. */
  | { event: 'retention_purge'; before: string; checks: number; images: number; by: By };

export interface AuditPayload {
  v: 1;
  audit: AuditEvent;
}

const actor = (by: By) => (by === null || by === 'cli' ? by : { id: by.id, name: by.name, role: by.role });

/** Call inside an IMMEDIATE transaction. */
export function appendAudit(db: Db, at: Date, event: AuditEvent): Head {
  const e = 'by' in event ? { ...event, by: actor(event.by) } : event;
  const payload: AuditPayload = { v: 1, audit: e };
  return appendEntry(db, { kind: 'audit', at: at.toISOString(), payload: canonicalJson(payload) });
}
