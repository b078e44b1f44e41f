/**
 * The note a patient takes home when the card's 電子証明書 has expired (in its grace period or
 * past it): what happened, until when the card still works (和暦), what to do, and what comes if
 * nothing is done. A4, Japanese with one English paragraph.
 */
import { useTranslation } from 'react-i18next';
import { formatWareki } from '../../../shared/domain/wareki.ts';
import type { CardView } from '../../../shared/ipc/views.ts';
import '../print.css';

/** Whether the card needs the slip: its certificate is in the grace period or past it. */
export const needsRenewal = (v: CardView | undefined): v is CardView & { certificateExpiry: string } =>
  !!v?.certificateExpiry && (v.certificateStatus === 'grace' || v.certificateStatus === 'expired');

export function RenewalSlip(props: {
  view: CardView & { certificateExpiry: string };
  date: string;
  facilityName: string;
}) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('ja');
  const { view } = props;
  const inGrace = view.certificateStatus === 'grace';
  return (
    <section className="renewal-slip sheet print-only" data-testid="renewal-slip">
      <h1>{t('print.renewal.title')}</h1>
      <h2>{t('print.renewal.what')}</h2>
      <p>{t('print.renewal.expiredOn', { date: formatWareki(view.certificateExpiry) })}</p>
      {view.graceUntil && (
        <>
          <h2>{t('print.renewal.until')}</h2>
          <p className="big" data-field="graceUntil">
            {t(inGrace ? 'print.renewal.graceUntil' : 'print.renewal.graceOver', {
              date: formatWareki(view.graceUntil),
            })}
          </p>
        </>
      )}
      <h2>{t('print.renewal.todo')}</h2>
      <p className="big">{t('print.renewal.renew')}</p>
      <p>{t('print.renewal.certificate')}</p>
      <p className="english" lang="en">
        {t('print.renewal.english')}
      </p>
      <p className="facility">
        {t('print.renewal.issued', { date: formatWareki(props.date), facility: props.facilityName })}
      </p>
    </section>
  );
}
