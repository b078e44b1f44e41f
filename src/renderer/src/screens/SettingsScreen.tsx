/** Facility profile, devices, language, retention and staff accounts. Saved in the check log's database. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UketsukeApi } from '../../../shared/ipc/contract.ts';
import { OrcaSettings } from '../components/OrcaSettings.tsx';
import { FACILITY_MODES } from '../../../shared/rules/vocabulary.ts';
import { LANGUAGES, ROLES, type Role, type Settings, type Staff } from '../../../shared/store/records.ts';
import { useErrorText } from '../components/errorText.ts';

export function SettingsScreen(props: {
  api: UketsukeApi;
  settings: Settings;
  readers: string[];
  hasStaff: boolean;
  onSaved(s: Settings): void;
  onStaffChanged(): void;
}) {
  const { t } = useTranslation();
  const say = useErrorText();
  const [s, setS] = useState<Settings>(props.settings);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [staff, setStaff] = useState<Staff[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [newStaff, setNewStaff] = useState<{ name: string; role: Role; pin: string }>({
    name: '',
    role: props.hasStaff ? 'staff' : 'admin',
    pin: '',
  });

  useEffect(() => {
    navigator.mediaDevices
      ?.enumerateDevices()
      .then((d) => setCameras(d.filter((x) => x.kind === 'videoinput')))
      .catch(() => undefined);
    props.api.listStaff().then(setStaff, () => undefined);
  }, [props.api]);

  const num = (k: 'retentionYears' | 'keepImagesDays' | 'idleLockMinutes') => (
    <input
      id={`settings-${k}`}
      type="number"
      value={s[k]}
      onChange={(e) => setS({ ...s, [k]: Number(e.target.value) })}
    />
  );

  return (
    <section className="settings">
      <h2>{t('settings.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.api.saveSettings(s).then(
            (saved) => {
              setMessage(t('settings.saved'));
              props.onSaved(saved);
            },
            (err: Error) => setMessage(say(err)),
          );
        }}
      >
        <div className="fields">
          <div className="field">
            <label htmlFor="settings-facilityName">{t('settings.facilityName')}</label>
            <input
              id="settings-facilityName"
              value={s.facilityName}
              onChange={(e) => setS({ ...s, facilityName: e.target.value })}
            />
          </div>
          <fieldset>
            <legend>{t('settings.onlineCheck')}</legend>
            {FACILITY_MODES.map((m) => (
              <label key={m} className="choice">
                <input
                  type="radio"
                  name="onlineCheck"
                  value={m}
                  checked={s.facility.onlineCheck === m}
                  onChange={() => setS({ ...s, facility: { ...s.facility, onlineCheck: m } })}
                />{' '}
                {t(`onlineCheck.${m}`)}
              </label>
            ))}
          </fieldset>
          <label className="check-line">
            <input
              type="checkbox"
              checked={s.facility.smartphoneReader}
              onChange={(e) => setS({ ...s, facility: { ...s.facility, smartphoneReader: e.target.checked } })}
            />{' '}
            {t('settings.smartphoneReader')}
          </label>
          <div className="field">
            <label htmlFor="settings-reader">{t('settings.reader')}</label>
            <select
              id="settings-reader"
              value={s.readerName ?? ''}
              onChange={(e) => setS({ ...s, readerName: e.target.value || null })}
            >
              <option value="">{t('settings.anyReader')}</option>
              {[...new Set([...props.readers, ...(s.readerName ? [s.readerName] : [])])].map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          <label className="check-line">
            <input
              id="settings-no-card-reader"
              type="checkbox"
              checked={s.noCardReader}
              onChange={(e) => setS({ ...s, noCardReader: e.target.checked })}
            />{' '}
            {t('settings.noCardReader')}
          </label>
          <div className="field">
            <label htmlFor="settings-camera">{t('settings.camera')}</label>
            <select
              id="settings-camera"
              value={s.cameraId ?? ''}
              onChange={(e) => setS({ ...s, cameraId: e.target.value || null })}
            >
              <option value="">{t('settings.defaultCamera')}</option>
              {cameras.map((c) => (
                <option key={c.deviceId} value={c.deviceId}>
                  {c.label || c.deviceId}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="settings-language">{t('settings.language')}</label>
            <select
              id="settings-language"
              value={s.language}
              onChange={(e) => setS({ ...s, language: e.target.value as Settings['language'] })}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {l === 'ja' ? '日本語' : 'English'}
                </option>
              ))}
            </select>
          </div>
          <label className="check-line">
            <input type="checkbox" checked={s.kiosk} onChange={(e) => setS({ ...s, kiosk: e.target.checked })} />{' '}
            {t('settings.kiosk')}
          </label>
          <div className="field">
            <label htmlFor="settings-retentionYears">{t('settings.retention')}</label>
            {num('retentionYears')}
          </div>
          <div className="field">
            <label htmlFor="settings-keepImagesDays">{t('settings.keepImages')}</label>
            {num('keepImagesDays')}
          </div>
          <div className="field">
            <label htmlFor="settings-idleLockMinutes">{t('settings.idleLock')}</label>
            {num('idleLockMinutes')}
          </div>
        </div>
        <button type="submit" className="big primary">
          {t('settings.save')}
        </button>
        {message && <p role="status">{message}</p>}
      </form>

      <OrcaSettings api={props.api} />

      <h2>{t('settings.staff')}</h2>
      {!props.hasStaff && <p className="banner">{t('settings.firstAdmin')}</p>}
      <ul>
        {staff.map((m) => (
          <li key={m.id}>
            {m.name} · {t(`settings.roles.${m.role}`)}
          </li>
        ))}
      </ul>
      <form
        className="add-staff"
        onSubmit={(e) => {
          e.preventDefault();
          props.api.addStaff(newStaff).then(
            (m) => {
              setStaff([...staff, m]);
              setNewStaff({ name: '', role: 'staff', pin: '' });
              props.onStaffChanged();
            },
            (err: Error) => setMessage(say(err)),
          );
        }}
      >
        <label htmlFor="staff-name">{t('settings.staffName')}</label>
        <input
          id="staff-name"
          value={newStaff.name}
          onChange={(e) => setNewStaff({ ...newStaff, name: e.target.value })}
        />
        <label htmlFor="staff-role">{t('settings.role')}</label>
        <select
          id="staff-role"
          value={newStaff.role}
          onChange={(e) => setNewStaff({ ...newStaff, role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`settings.roles.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor="staff-pin">{t('settings.pin')}</label>
        <input
          id="staff-pin"
          type="password"
          inputMode="numeric"
          value={newStaff.pin}
          onChange={(e) => setNewStaff({ ...newStaff, pin: e.target.value.replace(/\D/g, '') })}
          maxLength={8}
        />
        <button type="submit" disabled={!newStaff.name || newStaff.pin.length < 4}>
          {t('settings.addStaff')}
        </button>
      </form>
    </section>
  );
}
