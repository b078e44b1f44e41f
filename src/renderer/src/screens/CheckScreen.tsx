/**
 * 確認画面: the documents shown so far, the patient's facts, and the verdict, which follows every
 * change. Enter finishes (logs) the check.
 */
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/rules/situation.ts';
import { INSURER_TYPES, type InsurerType } from '../../../shared/rules/vocabulary.ts';
import { ageOn } from '../../../shared/domain/age.ts';
import { documentName } from '../components/names.ts';
import type { Draft, PatientFacts } from '../draft.ts';
import { CardPanel } from './CardPanel.tsx';
import type { VerifyPinStep } from './PinSteps.tsx';
import { VerdictPanel } from './VerdictPanel.tsx';

export function CheckScreen(props: {
  draft: Draft;
  today: string;
  verdict: Verdict | null;
  verdictError?: string | null;
  busy?: boolean;
  onPatient(p: PatientFacts): void;
  onRemove(id: string): void;
  onAddPaper(): void;
  onFinish(): void;
  onVerifyPin?: VerifyPinStep;
  onPrintDeclaration(): void;
}) {
  const { t, i18n } = useTranslation();
  const p = props.draft.patient;
  const set = <K extends keyof PatientFacts>(k: K, v: PatientFacts[K]) => props.onPatient({ ...p, [k]: v });
  const validBirth = /^\d{4}-\d{2}-\d{2}$/.test(p.birthDate) && p.birthDate <= props.today;
  return (
    <form
      className="check"
      onSubmit={(e) => {
        e.preventDefault();
        if (props.verdict && !props.busy) props.onFinish();
      }}
    >
      <div className="check-left">
        <h2>{t('check.documents')}</h2>
        <ul className="documents">
          {props.draft.documents.map((d) => (
            <li key={d.id} data-kind={d.kind}>
              <div className="doc-head">
                <strong>{d.card ? t(`card.kind.${d.card.view.kind}`) : documentName(d.kind, i18n.language)}</strong>
                <span className="muted"> · {t(`check.source.${d.source}`)}</span>
                <button type="button" className="small" onClick={() => props.onRemove(d.id)}>
                  {t('check.remove')}
                </button>
              </div>
              {d.card ? (
                <CardPanel view={d.card.view} {...(props.onVerifyPin ? { onVerifyPin: props.onVerifyPin } : {})} />
              ) : (
                <p className="doc-fields">
                  {Object.entries(d.values)
                    .filter(([k, v]) => v && !['name', 'birthDate'].includes(k))
                    .map(([k, v]) => `${t(`fields.${k}`)}: ${k === 'burdenRatio' ? t(`ratio.${v}`) : v === 'true' ? '✓' : v}`)
                    .join(' / ')}
                </p>
              )}
            </li>
          ))}
        </ul>
        <p className="muted">{t('check.addCard')}</p>
        <button type="button" onClick={props.onAddPaper}>
          ＋ {t('check.addPaper')}
        </button>

        <h2>{t('check.patient')}</h2>
        <div className="fields">
          <div className="field">
            <label htmlFor="patient-name">{t('check.name')}</label>
            <input id="patient-name" type="text" value={p.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="patient-birth">
              {t('check.birthDate')} {validBirth && <span className="muted">{t('check.age', { age: ageOn(p.birthDate, props.today) })}</span>}
            </label>
            <input id="patient-birth" type="date" value={p.birthDate} max={props.today} onChange={(e) => set('birthDate', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="patient-insurer">{t('check.insurerType')}</label>
            <select id="patient-insurer" value={p.insurerType} onChange={(e) => set('insurerType', e.target.value as InsurerType)}>
              <option value="" />
              {INSURER_TYPES.map((k) => (
                <option key={k} value={k}>
                  {t(`insurerTypes.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <label className="check-line">
            <input type="checkbox" checked={p.publicSubsidy} onChange={(e) => set('publicSubsidy', e.target.checked)} /> {t('check.publicSubsidy')}
          </label>
          <label className="check-line">
            <input type="checkbox" checked={p.specificDisease} onChange={(e) => set('specificDisease', e.target.checked)} /> {t('check.specificDisease')}
          </label>
          <details>
            <summary>{t('check.more')}</summary>
            <label className="check-line">
              <input type="checkbox" checked={p.dvSupport} onChange={(e) => set('dvSupport', e.target.checked)} /> {t('check.dvSupport')}
            </label>
            <div className="field">
              <label htmlFor="patient-residence">{t('check.residenceExpiry')}</label>
              <input id="patient-residence" type="date" value={p.residenceExpiry} onChange={(e) => set('residenceExpiry', e.target.value)} />
            </div>
          </details>
        </div>
      </div>
      <div className="check-right">
        {props.verdict ? (
          <VerdictPanel verdict={props.verdict} onPrintDeclaration={props.onPrintDeclaration} />
        ) : (
          <p className="banner" role="status">
            {props.verdictError ?? t('check.needBirthDate')}
          </p>
        )}
        <button type="submit" className="big primary finish" disabled={!props.verdict || props.busy}>
          {t('check.finish')}
        </button>
      </div>
    </form>
  );
}
