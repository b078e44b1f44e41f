/**
 * 確認画面: where the documents disagree (on top), the patient's facts, the documents shown so far,
 * and the verdict, which follows every change. Enter finishes (logs) the check.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contradiction } from '../../../shared/documents/contradictions.ts';
import type { FormField } from '../../../shared/documents/document-fields.ts';
import type { NeededFact } from '../../../shared/rules/draft-situation.ts';
import type { Verdict } from '../../../shared/rules/situation.ts';
import { INSURER_TYPES, type InsurerType } from '../../../shared/rules/vocabulary.ts';
import { DateField } from '../components/DateField.tsx';
import { fieldValueText } from '../components/fieldText.ts';
import { documentName } from '../components/names.ts';
import type { Check, CheckDoc, PatientFacts } from '../desk/check.ts';
import { CardPanel } from './CardPanel.tsx';
import { ContradictionList } from './ContradictionList.tsx';
import type { VerifyPinStep } from './PinSteps.tsx';
import { VerdictPanel } from './VerdictPanel.tsx';

/** The field that holds each fact the rules may need. */
const FACT_FIELD: Record<NeededFact, string> = { birthDate: 'patient-birth', insurerType: 'patient-insurer' };

function DocumentFields(props: { doc: CheckDoc }) {
  const { t, i18n } = useTranslation();
  const shown = Object.entries(props.doc.values).filter(
    ([k, v]) => v && k !== 'name' && fieldValueText(k as FormField, v, t, i18n.language),
  );
  if (shown.length === 0) return null;
  const text = (k: string, v: string) => fieldValueText(k as FormField, v, t, i18n.language);
  return (
    <dl className="doc-fields">
      {shown.map(([k, v]) => (
        <div key={k}>
          <dt>{t(`fields.${k}`)}</dt>
          <dd>{text(k, v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CheckScreen(props: {
  check: Check;
  facts: PatientFacts;
  contradictions: Contradiction[];
  today: string;
  verdict: Verdict | null;
  /** Facts the decision still depends on. */
  needs: NeededFact[];
  verdictError?: string | null;
  /** Birth date and insurer type are known: the check can be logged. */
  canFinish: boolean;
  busy?: boolean;
  /** A question is open on top: the focus is the dialog's until it is answered. */
  paused?: boolean;
  onFacts(f: Partial<PatientFacts>): void;
  onRemove(id: string): void;
  onAddPaper(): void;
  onScanPaper(): void;
  onFinish(): void;
  onVerifyPin?: VerifyPinStep;
  onPrintDeclaration(): void;
}) {
  const { t, i18n } = useTranslation();
  const p = props.facts;
  const form = useRef<HTMLFormElement>(null);
  const focused = useRef<string | null>(null);
  const missingForLog: NeededFact[] = [
    ...(p.birthDate ? [] : ['birthDate' as const]),
    ...(p.insurerType ? [] : ['insurerType' as const]),
  ];
  const next: NeededFact | 'finish' | null = props.needs[0] ?? (props.verdict ? (missingForLog[0] ?? 'finish') : null);

  // After each step (a document added or removed), the focus lands on the next thing to do, once
  // the verdict for it is in — unless staff are already typing in a field of this check, or a
  // question is open on top (then once it is answered).
  const step = props.check.documents.map((d) => d.id).join();
  const paused = props.paused ?? false;
  useEffect(() => {
    if (!next || paused || focused.current === step) return;
    const active = document.activeElement;
    if (active && active !== document.body && form.current?.contains(active) && active.tagName !== 'BUTTON') return;
    focused.current = step;
    const el = form.current?.querySelector<HTMLElement>(next === 'finish' ? 'button.finish' : `#${FACT_FIELD[next]}`);
    el?.focus();
  }, [next, step, paused]);

  const submit = () => {
    if (props.busy) return;
    // A verdict still being judged for the facts just typed is the kiosk's to wait for, not staff's.
    const missing = props.needs[0] ?? missingForLog[0];
    if (missing) form.current?.querySelector<HTMLElement>(`#${FACT_FIELD[missing]}`)?.focus();
    else props.onFinish();
  };

  const prompt = props.verdictError
    ? props.verdictError
    : props.needs.length > 0
      ? t('check.needs', { facts: props.needs.map((f) => t(`check.fact.${f}`)).join(t('check.and')) })
      : t('check.evaluating');

  return (
    <form
      ref={form}
      className="check"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {props.contradictions.length > 0 && (
        <ContradictionList items={props.contradictions} checked={props.check.contradictionsChecked} />
      )}
      <div className="check-left">
        <h2>{t('check.patient')}</h2>
        <div className="fields">
          <div className="field">
            <label htmlFor="patient-name">{t('check.name')}</label>
            <input
              id="patient-name"
              type="text"
              value={p.name}
              onChange={(e) => props.onFacts({ name: e.target.value })}
              autoComplete="off"
            />
          </div>
          <DateField
            id="patient-birth"
            label={t('check.birthDate')}
            value={p.birthDate || undefined}
            onChange={(iso) => props.onFacts({ birthDate: iso ?? '' })}
            birth
            onDate={props.today}
          />
          <div className="field">
            <label htmlFor="patient-insurer">{t('check.insurerType')}</label>
            <select
              id="patient-insurer"
              value={p.insurerType}
              onChange={(e) => props.onFacts({ insurerType: e.target.value as InsurerType })}
            >
              <option value="">{t('check.unknown')}</option>
              {INSURER_TYPES.map((k) => (
                <option key={k} value={k}>
                  {t(`insurerTypes.${k}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="flags">
          {(['publicSubsidy', 'specificDisease', 'highCostLimit', 'medicalAssistance'] as const).map((k) => (
            <label key={k} className="check-line">
              <input
                id={`patient-${k}`}
                type="checkbox"
                checked={p[k]}
                onChange={(e) => props.onFacts({ [k]: e.target.checked })}
              />{' '}
              {t(`check.${k}`)}
            </label>
          ))}
          <details>
            <summary>{t('check.more')}</summary>
            <label className="check-line">
              <input
                type="checkbox"
                checked={p.dvSupport}
                onChange={(e) => props.onFacts({ dvSupport: e.target.checked })}
              />{' '}
              {t('check.dvSupport')}
            </label>
            <DateField
              id="patient-residence"
              label={t('check.residenceExpiry')}
              value={p.residenceExpiry || undefined}
              onChange={(iso) => props.onFacts({ residenceExpiry: iso ?? '' })}
            />
          </details>
        </div>

        <h2>{t('check.documents')}</h2>
        <ul className="documents">
          {props.check.documents.map((d) => (
            <li key={d.id} data-kind={d.kind} data-source={d.source}>
              <div className="doc-head">
                <strong>{d.card ? t(`card.kind.${d.card.view.kind}`) : documentName(d.kind, i18n.language)}</strong>
                <span className="muted"> · {t(`check.source.${d.source}`)}</span>
                {d.values.name && <span className="doc-name"> · {d.values.name}</span>}
              </div>
              {d.card ? (
                <CardPanel view={d.card.view} {...(props.onVerifyPin ? { onVerifyPin: props.onVerifyPin } : {})} />
              ) : (
                <DocumentFields doc={d} />
              )}
              {/* After the fields: Tab reaches what a document says before the button that takes it away. */}
              <button type="button" className="small remove" onClick={() => props.onRemove(d.id)}>
                {t('check.remove')}
              </button>
            </li>
          ))}
        </ul>
        <p className="muted">{t('check.addCard')}</p>
        <div className="actions">
          <button type="button" onClick={props.onScanPaper}>
            ＋ {t('check.scanPaper')}
          </button>
          <button type="button" onClick={props.onAddPaper}>
            ＋ {t('check.addPaper')}
          </button>
        </div>
      </div>
      <div className="check-right">
        {props.verdict ? (
          <VerdictPanel verdict={props.verdict} onPrintDeclaration={props.onPrintDeclaration} />
        ) : (
          <p className="banner" role="status" data-testid="verdict-pending">
            {prompt}
          </p>
        )}
        <div className="finish-bar">
          {props.verdict && !props.canFinish && (
            <p className="muted" role="status">
              {t('check.needForLog', { facts: missingForLog.map((f) => t(`check.fact.${f}`)).join(t('check.and')) })}
            </p>
          )}
          <button type="submit" className="big primary finish" aria-busy={props.busy ?? false}>
            {t('check.finish')}
          </button>
        </div>
      </div>
    </form>
  );
}
