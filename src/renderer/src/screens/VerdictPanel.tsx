/** One big outcome in colour, icon and words; then why, what to say, what else to collect, and the fallback. */
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/rules/situation.ts';
import type { Decision } from '../../../shared/rules/vocabulary.ts';
import { toWareki } from '../../../shared/dates/desk-date.ts';
import { documentName } from '../components/names.ts';

/** ISO dates inside a rule's message, in 和暦 on Japanese screens. */
export const warekiDates = (text: string, language: string): string =>
  language === 'en' ? text : text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => toWareki(iso) ?? iso);

const ICONS: Record<Decision, string> = { accept: '✓', need_more: '！', check_online: '⟳', self_pay: '¥' };

export function ratioText(r: number, language: string): string {
  return language === 'en' ? `${Math.round(r * 100)}%` : `${Math.round(r * 10)}割`;
}

export function VerdictPanel(props: { verdict: Verdict; onPrintDeclaration?: () => void }) {
  const { t, i18n } = useTranslation();
  const v = props.verdict;
  const en = i18n.language === 'en';
  const why = v.reasons[0];
  const name = (k: Verdict['missing'][number][number], i: number) => {
    const formats = k === 'portal_screen' ? v.missingDetails?.[i]?.portalFormats : undefined;
    const base = documentName(k, i18n.language);
    return formats?.length
      ? `${base}${t('verdict.portalFormats', { formats: formats.map((f) => t(`choices.format.${f === 'screen' ? 'live' : f}`)).join(t('verdict.or')) })}`
      : base;
  };
  return (
    <section className={`verdict ${v.decision}`} data-testid="verdict" data-decision={v.decision} aria-live="polite">
      <p className="outcome">
        <span className="icon" aria-hidden="true">
          {ICONS[v.decision]}
        </span>
        {t(`verdict.decision.${v.decision}`)}
        {v.burdenRatio !== undefined && (
          <span className="ratio">{t('verdict.burden', { ratio: ratioText(v.burdenRatio, i18n.language) })}</span>
        )}
      </p>
      {why && (
        <p className="why-line" data-testid="why-line">
          {warekiDates(en ? why.messageEn : why.message, i18n.language)}
        </p>
      )}
      {v.uncovered && (
        <p className="banner error" role="alert">
          {t('verdict.uncovered')}
        </p>
      )}
      {v.missing.length > 0 && (
        <div>
          <h3>{t(v.missing.length > 1 ? 'verdict.missingAny' : 'verdict.missingOne')}</h3>
          <ul className="missing">
            {v.missing.map((alt, i) => (
              <li key={alt.join('+')}>{alt.map((k) => name(k, i)).join(' ＋ ')}</li>
            ))}
          </ul>
        </div>
      )}
      {v.staffChecks && v.staffChecks.length > 0 && (
        <div className="staff-checks">
          <h3>{t('verdict.staffChecks')}</h3>
          <ul>
            {v.staffChecks.map((c) => (
              <li key={c}>{t(`staffChecks.${c}`)}</li>
            ))}
          </ul>
        </div>
      )}
      <h3>{t('verdict.say')}</h3>
      <ol className="steps">
        {(en ? v.nextStepsEn : v.nextSteps).map((s) => (
          <li key={s}>{warekiDates(s, i18n.language)}</li>
        ))}
      </ol>
      {v.collect.length > 0 && (
        <p className="collect">
          {t('verdict.collect')}: {v.collect.map((k) => documentName(k, i18n.language)).join('、')}
        </p>
      )}
      {v.fallback && (
        <div className="fallback" data-testid="fallback">
          <h3>{t('verdict.fallback')}</h3>
          <p>{t(`verdict.fallbacks.${v.fallback}`)}</p>
          {v.fallback === 'declaration' && props.onPrintDeclaration && (
            <button type="button" onClick={props.onPrintDeclaration}>
              {t('verdict.print')}
            </button>
          )}
        </div>
      )}
      <details className="why">
        <summary>{t('verdict.why')}</summary>
        <ul>
          {v.reasons.map((r) => (
            <li key={r.ruleId + r.message}>
              <strong>{r.ruleId}</strong> {warekiDates(en ? r.messageEn : r.message, i18n.language)}
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
