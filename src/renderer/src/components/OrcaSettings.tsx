/** The ORCA connection in the settings: off by default; the password goes to the OS keyring and is never shown again. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrcaSettings as OrcaSettingsValue, OrcaSettingsView } from '../../../shared/handoff/handoff.ts';
import type { UketsukeApi } from '../../../shared/ipc/contract.ts';
import './handoff.css';

export function OrcaSettings(props: { api: UketsukeApi }) {
  const { t } = useTranslation();
  const [view, setView] = useState<OrcaSettingsView | null>(null);
  const [s, setS] = useState<OrcaSettingsValue | null>(null);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    props.api.getOrcaSettings().then(
      (v) => {
        setView(v);
        setS({ enabled: v.enabled, url: v.url, user: v.user, timeoutSeconds: v.timeoutSeconds });
      },
      (e: Error) => setMessage(e.message),
    );
  }, [props.api]);

  if (!s) return message ? <p role="status">{message}</p> : null;
  return (
    <form
      className="orca-settings"
      data-testid="orca-settings"
      onSubmit={(e) => {
        e.preventDefault();
        props.api.saveOrcaSettings({ settings: s, ...(password ? { password } : {}) }).then(
          (v) => {
            setView(v);
            setPassword('');
            setMessage(t('orca.settings.saved'));
          },
          (err: Error) => setMessage(err.message),
        );
      }}
    >
      <h2>{t('orca.settings.title')}</h2>
      <label className="check-line">
        <input
          id="orca-enabled"
          type="checkbox"
          checked={s.enabled}
          onChange={(e) => setS({ ...s, enabled: e.target.checked })}
        />{' '}
        {t('orca.settings.enabled')}
      </label>
      <div className="fields">
        <div className="field">
          <label htmlFor="orca-url">{t('orca.settings.url')}</label>
          <input
            id="orca-url"
            value={s.url}
            onChange={(e) => setS({ ...s, url: e.target.value })}
            placeholder="http://192.168.1.10:8000"
          />
        </div>
        <div className="field">
          <label htmlFor="orca-user">{t('orca.settings.user')}</label>
          <input
            id="orca-user"
            value={s.user}
            onChange={(e) => setS({ ...s, user: e.target.value })}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="orca-password">{t('orca.settings.password')}</label>
          <input
            id="orca-password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            placeholder={view?.passwordSet ? t('orca.settings.passwordKept') : ''}
          />
        </div>
        <div className="field">
          <label htmlFor="orca-timeout">{t('orca.settings.timeout')}</label>
          <input
            id="orca-timeout"
            type="number"
            min={1}
            max={120}
            value={s.timeoutSeconds}
            onChange={(e) => setS({ ...s, timeoutSeconds: Number(e.target.value) })}
          />
        </div>
      </div>
      <p className="muted">{t('orca.settings.where')}</p>
      <button type="submit">{t('orca.settings.save')}</button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
