/** The ORCA connection (schema 4): one row, off by default; the password lives in a SecretStore, not here. */
import { DEFAULT_ORCA_SETTINGS, type OrcaSettings, OrcaSettingsSchema } from '../../shared/handoff/handoff.ts';
import type { Staff } from '../../shared/store/records.ts';
import { formatIssues } from '../../shared/validation.ts';
import { appendAudit } from './audit.ts';
import type { Db } from './database.ts';
import { StoreError } from './errors.ts';
import { statement } from './sql.ts';
import { resolveActor } from './staff.ts';

interface Row {
  enabled: number;
  url: string;
  user: string;
  timeout_seconds: number;
}

export function readOrcaSettings(db: Db): OrcaSettings {
  const row = statement(db, 'SELECT enabled, url, user, timeout_seconds FROM orca_settings WHERE id = 1').get() as
    Row | undefined;
  if (!row) return DEFAULT_ORCA_SETTINGS;
  const parsed = OrcaSettingsSchema.safeParse({
    enabled: row.enabled === 1,
    url: row.url,
    user: row.user,
    timeoutSeconds: row.timeout_seconds,
  });
  return parsed.success ? parsed.data : DEFAULT_ORCA_SETTINGS;
}

/** Call inside an IMMEDIATE transaction. Needs an admin once accounts exist; audited (without the password). */
export function saveOrcaSettings(
  db: Db,
  now: Date,
  input: OrcaSettings,
  by: Staff | null,
  passwordChanged: boolean,
): OrcaSettings {
  const parsed = OrcaSettingsSchema.safeParse(input);
  if (!parsed.success) throw new StoreError('invalid', `ORCA settings: ${formatIssues(parsed.error)}`);
  const s = parsed.data;
  const actor = resolveActor(db, by, 'change the settings', 'admin');
  const before = readOrcaSettings(db);
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(s) as (keyof OrcaSettings)[])
    if (before[k] !== s[k]) changed[`orca.${k}`] = { from: before[k], to: s[k] };
  if (passwordChanged) changed['orca.password'] = { from: '…', to: '…' };
  if (Object.keys(changed).length === 0) return before;
  statement(
    db,
    `INSERT INTO orca_settings (id, enabled, url, user, timeout_seconds, updated_at) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, url = excluded.url, user = excluded.user, timeout_seconds = excluded.timeout_seconds, updated_at = excluded.updated_at`,
  ).run(s.enabled ? 1 : 0, s.url, s.user, s.timeoutSeconds, now.toISOString());
  appendAudit(db, now, { event: 'settings_changed', changed, by: actor });
  return s;
}
