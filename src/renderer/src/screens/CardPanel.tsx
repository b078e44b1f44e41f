/** The card's status as the chip reports it, and the optional PIN steps (genuineness, 基本4情報). */
import { useTranslation } from 'react-i18next';
import { dateText, formatDate } from '../components/dateText.ts';
import type { CardView } from '../../../shared/ipc/views.ts';
import { printSheet } from '../print.ts';
import { PinSteps, type VerifyPinStep } from './PinSteps.tsx';
import { needsRenewal } from './RenewalSlip.tsx';

export function CardPanel(props: { view: CardView; onVerifyPin?: VerifyPinStep }) {
  const { t, i18n } = useTranslation();
  const v = props.view;
  const certClass = v.certificateStatus === 'valid' ? 'ok' : v.certificateStatus === 'grace' ? 'warn' : 'bad';
  return (
    <div className="card-panel" data-testid="card-panel">
      {v.certificateStatus && (
        <p className={`cert ${certClass}`}>
          {t('card.certificate')}:{' '}
          {t(`card.certStatus.${v.certificateStatus}`, {
            date: dateText(v.certificateExpiry, i18n.language)?.main,
            until: dateText(v.graceUntil, i18n.language)?.main,
          })}
          {v.chain && <span className={v.chain === 'trusted' ? 'ok' : 'bad'}> · {t(`card.chain.${v.chain}`)}</span>}
        </p>
      )}
      {needsRenewal(v) && (
        <button type="button" onClick={() => printSheet('renewal')}>
          {t('print.renewal.printButton')}
        </button>
      )}
      {v.kind !== 'not_jpki' && (
        <p>{t('card.tries', { auth: v.pinTriesLeft.auth ?? '—', basic: v.pinTriesLeft.basicInfo ?? '—' })}</p>
      )}
      <p className={v.genuine === true ? 'ok' : v.genuine === false ? 'bad' : ''} data-testid="card-genuine">
        {t(`card.genuine.${v.genuine === undefined ? 'unknown' : v.genuine ? 'yes' : 'no'}`)}
      </p>
      {v.holder && (
        <p data-testid="card-holder">
          {t('card.holder', { name: v.holder.name, birth: formatDate(v.holder.birthDate, i18n.language) })}
        </p>
      )}
      {v.warnings.map((w) => (
        <p key={w} className="warn">
          {t(`card.warning.${w}`)}
        </p>
      ))}
      {props.onVerifyPin && <PinSteps view={v} onVerifyPin={props.onVerifyPin} />}
    </div>
  );
}
