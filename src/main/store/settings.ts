/** The settings document: one validated JSON row; a missing or unreadable field falls back to its default. */
import { DEFAULT_SETTINGS, type Settings, SettingsSchema, type Staff } from '../../shared/store/records.ts';
import { appendAudit } from './audit.ts';
import type { Db } from './database.ts';
import { StoreError } from './errors.ts';
import { statement } from './sql.ts';
import { resolveActor } from './staff.ts';
import { formatIssues } from '../../shared/validation.ts';

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

export function readSettings(db: Db): Settings {
  const row = statement(db, 'SELECT value FROM settings WHERE id = 1').get() as { value: string } | undefined;
  let stored: Record<string, unknown> = {};
  try {
    if (row) stored = JSON.parse(row.value) as Record<string, unknown>;
  } catch {
    // Unreadable document: defaults below.
  }
  const out: Record<string, unknown> = {};
  for (const k of KEYS) out[k] = SettingsSchema.shape[k].safeParse(stored[k]).success ? stored[k] : DEFAULT_SETTINGS[k];
  return out as Settings;
}

/** Call inside an IMMEDIATE transaction. Needs an admin once accounts exist; the change is audited. */
export function saveSettings(db: Db, now: Date, input: Settings, by: Staff | null): Settings {
  const parsed = SettingsSchema.safeParse(input);
  if (!parsed.success) throw new StoreError('invalid', `settings: ${formatIssues(parsed.error)}`);
  const actor = resolveActor(db, by, 'change the settings', 'admin');
  const before = readSettings(db);
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of KEYS)
    if (JSON.stringify(before[k]) !== JSON.stringify(parsed.data[k]))
      changed[k] = { from: before[k], to: parsed.data[k] };
  if (Object.keys(changed).length === 0) return before;
  statement(
    db,
    `INSERT INTO settings (id, value, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(JSON.stringify(parsed.data), now.toISOString());
  appendAudit(db, now, { event: 'settings_changed', changed, by: actor });
  return parsed.data;
}
