/**
 * 「レセコンへ送る」 on a logged check: opens a side panel where staff add what the log lacks
 * (性別, カナ, 本人/家族, 患者番号), then send it to ORCA or save the XML. Never automatic.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoffResult, OrcaClass } from '../../../shared/handoff/handoff.ts';
import { ORCA_CLASSES } from '../../../shared/handoff/handoff.ts';
import type { UketsukeApi } from '../../../shared/ipc/contract.ts';
import type { CheckEntry } from '../../../shared/store/records.ts';
import './handoff.css';

function download(filename: string, xml: string): void {
  const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

interface Form {
  orcaClass: OrcaClass;
  patientId: string;
  sex: '' | '1' | '2';
  relation: '' | '1' | '2';
  kana: string;
  /** One 公費 when the patient has a 受給者証: 公費負担者番号 and 受給者番号. */
  payerNumber: string;
  recipientNumber: string;
}

/** 性別 and 本人/家族 as ORCA codes them: unset, 1, 2. */
const CODES = ['', '1', '2'] as const;

/** A labelled select of fixed values, each named by the catalogue. */
function Choice<V extends string>(props: {
  id: string;
  label: string;
  value: V;
  options: readonly V[];
  name: (v: V) => string;
  onChange: (v: V) => void;
  wide?: boolean;
}) {
  return (
    <div className={props.wide ? 'field wide' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(x) => props.onChange(x.target.value as V)}>
        {props.options.map((v) => (
          <option key={v} value={v}>
            {props.name(v)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled input that keeps only digits (患者番号, 公費負担者番号, 受給者番号). */
function Digits(props: { id: string; label: string; value: string; max: number; onChange: (v: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        inputMode="numeric"
        value={props.value}
        onChange={(x) => props.onChange(x.target.value.replace(/\D/g, ''))}
        maxLength={props.max}
      />
    </div>
  );
}

export function HandoffButton(props: { api: UketsukeApi; entry: CheckEntry }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="handoff-open"
        onClick={() => setOpen(true)}
        data-testid={`handoff-${props.entry.id}`}
      >
        {t('orca.send')}
      </button>
      {open && <HandoffPanel api={props.api} entry={props.entry} onClose={() => setOpen(false)} />}
    </>
  );
}

function HandoffPanel(props: { api: UketsukeApi; entry: CheckEntry; onClose(): void }) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [form, setForm] = useState<Form>({
    orcaClass: '01',
    patientId: '',
    sex: '',
    relation: '',
    kana: '',
    payerNumber: '',
    recipientNumber: '',
  });
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<HandoffResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const e = props.entry;
  const resultRef = useRef<HTMLDivElement>(null);
  // The outcome is what staff look for after pressing: keep it in view.
  useEffect(() => {
    resultRef.current?.scrollIntoView({ block: 'nearest' });
  }, [result]);

  useEffect(() => {
    props.api.getOrcaSettings().then(
      (s) => setEnabled(s.enabled && s.url !== ''),
      () => setEnabled(false),
    );
  }, [props.api]);

  useEffect(() => {
    const onKey = (k: KeyboardEvent) => {
      if (k.key === 'Escape') {
        k.stopPropagation();
        props.onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [props]);

  const go = (via: 'http' | 'file') => {
    setBusy(true);
    setError(null);
    setResult(null);
    const extras = {
      orcaClass: form.orcaClass,
      ...(form.patientId ? { patientId: form.patientId } : {}),
      ...(form.sex ? { sex: form.sex } : {}),
      ...(form.relation ? { relation: form.relation } : {}),
      ...(form.kana.trim() ? { kana: form.kana.trim() } : {}),
      ...(form.payerNumber
        ? {
            publicSubsidies: [
              {
                payerNumber: form.payerNumber,
                ...(form.recipientNumber ? { recipientNumber: form.recipientNumber } : {}),
              },
            ],
          }
        : {}),
    };
    props.api
      .handOff({ entryId: e.id, via, extras })
      .then(
        (r) => {
          setResult(r);
          if (r.code === 'saved' && r.filename && r.xml) download(r.filename, r.xml);
        },
        (err: Error) => setError(err.message),
      )
      .finally(() => setBusy(false));
  };

  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...form, [k]: v });
  const good = result && (result.code === 'ok' || result.code === 'warnings' || result.code === 'saved');

  return (
    <aside className="handoff-panel" role="dialog" aria-labelledby="handoff-title" data-testid="handoff-panel">
      <h2 id="handoff-title">{t('orca.title')}</h2>
      <p>{t('orca.check', { name: e.patient.name ?? '—', birth: e.patient.birthDate })}</p>
      <div className="handoff-fields">
        <Choice
          id="handoff-class"
          wide
          label={t('orca.orcaClass')}
          value={form.orcaClass}
          options={ORCA_CLASSES}
          name={(c) => t(`orca.classes.${c}`)}
          onChange={(v) => set('orcaClass', v)}
        />
        <Digits
          id="handoff-patient-id"
          label={t('orca.patientId')}
          value={form.patientId}
          max={20}
          onChange={(v) => set('patientId', v)}
        />
        <div className="field">
          <label htmlFor="handoff-kana">{t('orca.kana')}</label>
          <input id="handoff-kana" value={form.kana} onChange={(x) => set('kana', x.target.value)} maxLength={100} />
        </div>
        <Choice
          id="handoff-sex"
          label={t('orca.sex')}
          value={form.sex}
          options={CODES}
          name={(s) => t(`orca.sexes.${s}`)}
          onChange={(v) => set('sex', v)}
        />
        <Choice
          id="handoff-relation"
          label={t('orca.relation')}
          value={form.relation}
          options={CODES}
          name={(r) => t(`orca.relations.${r}`)}
          onChange={(v) => set('relation', v)}
        />
        <Digits
          id="handoff-payer"
          label={t('orca.payerNumber')}
          value={form.payerNumber}
          max={8}
          onChange={(v) => set('payerNumber', v)}
        />
        {form.payerNumber && (
          <Digits
            id="handoff-recipient"
            label={t('orca.recipientNumber')}
            value={form.recipientNumber}
            max={7}
            onChange={(v) => set('recipientNumber', v)}
          />
        )}
      </div>
      <p className="muted">{t('orca.never')}</p>
      {enabled === false && <p className="banner">{t('orca.notEnabled')}</p>}
      <div className="actions">
        <button type="button" className="primary" disabled={busy || !enabled} onClick={() => go('http')}>
          {t('orca.sendNow')}
        </button>
        <button type="button" disabled={busy} onClick={() => go('file')}>
          {t('orca.saveFile')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('orca.close')}
        </button>
      </div>
      {busy && <p role="status">{t('orca.sending')}</p>}
      {error && (
        <p className="banner error" role="alert">
          {t('errors.generic', { message: error })}
        </p>
      )}
      {result && (
        <div
          ref={resultRef}
          className={`handoff-result ${good ? 'ok' : 'bad'}`}
          role="status"
          data-testid="handoff-result"
          data-code={result.code}
        >
          <p>
            {t(`orca.result.${result.code}`, {
              patientId: result.patientId ?? '—',
              apiResult: result.apiResult ?? '',
              apiMessage: result.apiMessage ?? '',
              httpStatus: result.httpStatus ?? '',
            })}
          </p>
          {result.problems.length > 0 && (
            <ul>
              {result.problems.map((p) => (
                <li key={p}>{t(`orca.problems.${p}`)}</li>
              ))}
            </ul>
          )}
          {(result.apiWarnings.length > 0 || result.requestWarnings.length > 0) && (
            <ul className="warnings">
              {result.apiWarnings.map((w) => (
                <li key={`api-${w}`}>{w}</li>
              ))}
              {result.requestWarnings.map((w) => (
                <li key={w}>{t(`orca.warnings.${w}`)}</li>
              ))}
            </ul>
          )}
          {!result.logged &&
            result.code !== 'not_built' &&
            result.code !== 'not_configured' &&
            result.code !== 'no_password' && <p className="warn">{t('orca.notLogged')}</p>}
        </div>
      )}
    </aside>
  );
}
