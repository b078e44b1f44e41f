/** The card's status as the chip reports it, and the optional PIN check of genuineness. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateText, formatDate } from '../components/dateText.ts';
import type { CardView } from '../../../shared/ipc/views.ts';

export function CardPanel(props: { view: CardView; onVerifyPin?: (pin: string, force: boolean) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const v = props.view;
  const [pin, setPin] = useState('');
  const [force, setForce] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The PIN check tries both PINs (利用者証明 and 券面事項入力補助): either at its last try needs staff's confirmation.
  const lastTry = v.pinTriesLeft.auth === 1 || v.pinTriesLeft.basicInfo === 1;
  const blocked = v.pinTriesLeft.auth === 0;
  const certClass = v.certificateStatus === 'valid' ? 'ok' : v.certificateStatus === 'grace' ? 'warn' : 'bad';
  const submit = async () => {
    if (!props.onVerifyPin || !/^\d{4}$/.test(pin) || (lastTry && !force)) return;
    setBusy(true);
    setError(null);
    try {
      await props.onVerifyPin(pin, force);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPin('');
      setBusy(false);
    }
  };
  return (
    <div className="card-panel" data-testid="card-panel">
      {v.certificateStatus && (
        <p className={`cert ${certClass}`}>
          {t('card.certificate')}: {t(`card.certStatus.${v.certificateStatus}`, { date: dateText(v.certificateExpiry, i18n.language)?.main, until: dateText(v.graceUntil, i18n.language)?.main })}
          {v.chain && <span className={v.chain === 'trusted' ? 'ok' : 'bad'}> · {t(`card.chain.${v.chain}`)}</span>}
        </p>
      )}
      {v.kind !== 'not_jpki' && <p>{t('card.tries', { auth: v.pinTriesLeft.auth ?? '—', basic: v.pinTriesLeft.basicInfo ?? '—' })}</p>}
      <p className={v.genuine === true ? 'ok' : v.genuine === false ? 'bad' : ''}>{t(`card.genuine.${v.genuine === undefined ? 'unknown' : v.genuine ? 'yes' : 'no'}`)}</p>
      {v.holder && <p>{t('card.holder', { name: v.holder.name, birth: formatDate(v.holder.birthDate, i18n.language) })}</p>}
      {v.warnings.map((w) => (
        <p key={w} className="warn">
          {w}
        </p>
      ))}
      {props.onVerifyPin && v.genuine === undefined && !blocked && v.kind !== 'not_jpki' && (
        <form
          className="pin"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label htmlFor="card-pin">{t('card.pinTitle')}</label>
          <input id="card-pin" type="password" inputMode="numeric" maxLength={4} autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
          {lastTry && (
            <label className="warn">
              <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> {t('card.lastTry')}
            </label>
          )}
          <button type="submit" disabled={busy || pin.length !== 4 || (lastTry && !force)}>
            {t('card.verify')}
          </button>
          {error && (
            <span className="bad" role="alert">
              {error}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
