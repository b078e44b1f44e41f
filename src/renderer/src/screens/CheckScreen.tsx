/**
 * 確認画面: the documents shown so far, the patient's facts, and the verdict, which follows every
 * change. Enter finishes (logs) the check.
 */
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/rules/situation.ts';
import { INSURER_TYPES, type InsurerType } from '../../../shared/rules/vocabulary.ts';
import type { FormField } from '../../../shared/documents/document-fields.ts';
import { DateField } from '../components/DateField.tsx';
import { fieldValueText } from '../components/fieldText.ts';
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
                    .map(([k, v]) => `${t(`fields.${k}`)}: ${fieldValueText(k as FormField, v, t, i18n.language)}`)
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
          <DateField id="patient-birth" label={t('check.birthDate')} value={p.birthDate || undefined} onChange={(iso) => set('birthDate', iso ?? '')} birth onDate={props.today} />
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
          <label className="check-line">
            <input type="checkbox" checked={p.medicalAssistance} onChange={(e) => set('medicalAssistance', e.target.checked)} /> {t('check.medicalAssistance')}
          </label>
          <label className="check-line">
            <input type="checkbox" checked={p.highCostLimit} onChange={(e) => set('highCostLimit', e.target.checked)} /> {t('check.highCostLimit')}
          </label>
          <details>
            <summary>{t('check.more')}</summary>
            <label className="check-line">
              <input type="checkbox" checked={p.dvSupport} onChange={(e) => set('dvSupport', e.target.checked)} /> {t('check.dvSupport')}
            </label>
            <DateField id="patient-residence" label={t('check.residenceExpiry')} value={p.residenceExpiry || undefined} onChange={(iso) => set('residenceExpiry', iso ?? '')} />
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
