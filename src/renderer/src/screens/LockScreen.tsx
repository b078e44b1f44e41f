/** Staff sign-in: pick your name, type your PIN. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/store/records.ts';
import { useErrorText } from '../components/errorText.ts';

export function LockScreen(props: { staff: Staff[]; onUnlock(staffId: number, pin: string): Promise<void> }) {
  const { t } = useTranslation();
  const say = useErrorText();
  const [who, setWho] = useState<number | null>(props.staff[0]?.id ?? null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="lock"
      onSubmit={(e) => {
        e.preventDefault();
        if (who === null) return;
        props.onUnlock(who, pin).catch((err: Error) => {
          setError(say(err));
          setPin('');
        });
      }}
    >
      <h2>{t('lock.title')}</h2>
      <fieldset>
        <legend>{t('lock.who')}</legend>
        {props.staff.map((s) => (
          <label key={s.id} className="big choice">
            <input type="radio" name="who" checked={who === s.id} onChange={() => setWho(s.id)} /> {s.name}
          </label>
        ))}
      </fieldset>
      <label htmlFor="lock-pin">{t('lock.pin')}</label>
      <input
        id="lock-pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        value={pin}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        maxLength={8}
      />
      <button type="submit" className="big primary" disabled={who === null || pin.length < 4}>
        {t('lock.unlock')}
      </button>
      {error && (
        <p className="bad" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
