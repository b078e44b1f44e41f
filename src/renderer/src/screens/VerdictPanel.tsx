/** One big outcome in colour, icon and words; then why, what to say, what else to collect, and the fallback. */
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/rules/situation.ts';
import type { Decision } from '../../../shared/rules/vocabulary.ts';
import { documentName } from '../components/names.ts';

const ICONS: Record<Decision, string> = { accept: '✓', need_more: '！', check_online: '⟳', self_pay: '¥' };

export function ratioText(r: number, language: string): string {
  return language === 'en' ? `${Math.round(r * 100)}%` : `${Math.round(r * 10)}割`;
}

export function VerdictPanel(props: { verdict: Verdict; onPrintDeclaration?: () => void }) {
  const { t, i18n } = useTranslation();
  const v = props.verdict;
  const en = i18n.language === 'en';
  return (
    <section className={`verdict ${v.decision}`} data-testid="verdict" data-decision={v.decision} aria-live="polite">
      <p className="outcome">
        <span className="icon" aria-hidden="true">
          {ICONS[v.decision]}
        </span>
        {t(`verdict.decision.${v.decision}`)}
        {v.burdenRatio !== undefined && <span className="ratio">{t('verdict.burden', { ratio: ratioText(v.burdenRatio, i18n.language) })}</span>}
      </p>
      {v.missing.length > 0 && (
        <div>
          <h3>{t('verdict.missing')}</h3>
          <ul className="missing">
            {v.missing.map((alt) => (
              <li key={alt.join('+')}>{alt.map((k) => documentName(k, i18n.language)).join(' ＋ ')}</li>
            ))}
          </ul>
        </div>
      )}
      <h3>{t('verdict.say')}</h3>
      <ol className="steps">
        {(en ? v.nextStepsEn : v.nextSteps).map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      {v.collect.length > 0 && (
        <p className="collect">
          {t('verdict.collect')}: {v.collect.map((k) => documentName(k, i18n.language)).join('、')}
        </p>
      )}
      {v.fallback && (
        <div className="fallback">
          <h3>{t('verdict.fallback')}</h3>
          <p>{t(`verdict.fallbacks.${v.fallback}`)}</p>
          {v.fallback === 'declaration' && props.onPrintDeclaration && (
            <button type="button" onClick={props.onPrintDeclaration}>
              {t('verdict.print')}
            </button>
          )}
        </div>
      )}
      <details className="why" open>
        <summary>{t('verdict.why')}</summary>
        <ul>
          {v.reasons.map((r) => (
            <li key={r.ruleId + r.message}>
              <strong>{r.ruleId}</strong> {en ? r.messageEn : r.message}
              <span className="source">
                {t('verdict.source')}: {r.source}
              </span>
            </li>
          ))}
        </ul>
        <p className="muted">{t('verdict.rulebook', { version: v.rulebookVersion })}</p>
      </details>
    </section>
  );
}
