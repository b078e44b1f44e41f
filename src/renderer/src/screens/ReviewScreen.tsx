/** OCR result: the kind and fields read, low-confidence ones marked for staff to confirm or correct. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toFieldValues, type FieldValues } from '../../../shared/documents/document-fields.ts';
import type { ScanView } from '../../../shared/ipc/views.ts';
import type { DocumentKind } from '../../../shared/rules/vocabulary.ts';
import { DocumentForm, KindSelect } from '../components/DocumentForm.tsx';
import { codeText } from '../components/codeText.ts';
import { documentName, PAPER_KINDS } from '../components/names.ts';

export function ReviewScreen(props: {
  scan: ScanView;
  today?: string;
  onUse(kind: DocumentKind, values: FieldValues): void;
}) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<DocumentKind | ''>(props.scan.kind === 'unknown' ? '' : props.scan.kind);
  const [values, setValues] = useState<FieldValues>(() => toFieldValues(props.scan.fields, props.scan.kind));
  const unsureKind = props.scan.kind === 'unknown' || props.scan.confidence < 0.8;
  const form = useRef<HTMLFormElement>(null);
  // The next thing to do has the focus: the kind when it is unknown, else the first field to
  // confirm, else the button that takes the reading (so Enter does what its hint says).
  useEffect(() => {
    const el = form.current;
    if (!el) return;
    const target = !kind
      ? el.querySelector<HTMLElement>('#review-kind')
      : (props.scan.confirm.map((k) => el.querySelector<HTMLElement>(`#review-${k}`)).find((x) => x) ??
        el.querySelector<HTMLElement>('button[type="submit"]'));
    target?.focus();
    // Only when the reading arrives: later edits keep the focus where staff put it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.scan]);
  return (
    <form
      ref={form}
      className="review"
      onSubmit={(e) => {
        e.preventDefault();
        if (kind) props.onUse(kind, values);
      }}
    >
      <h2>{t('review.title')}</h2>
      <div className="review-body">
        <figure>
          <img src={props.scan.image} alt={t('review.image')} />
          <figcaption>{t('review.image')}</figcaption>
        </figure>
        <div>
          <div className={`field${unsureKind ? ' unsure' : ''}`}>
            <label htmlFor="review-kind">
              {t('review.kind')}{' '}
              <span className="muted">{t('review.confidence', { pct: Math.round(props.scan.confidence * 100) })}</span>
            </label>
            <KindSelect
              id="review-kind"
              value={kind}
              onChange={setKind}
              allowEmpty
              emptyLabel={t('review.unknown')}
              kinds={PAPER_KINDS}
              names={(k) => documentName(k, i18n.language)}
            />
          </div>
          {kind && (
            <DocumentForm
              idPrefix="review"
              {...(props.today ? { today: props.today } : {})}
              kind={kind}
              values={values}
              onChange={setValues}
              confirm={props.scan.confirm}
            />
          )}
          {props.scan.warnings.length > 0 && (
            <ul className="warnings" aria-label={t('review.warnings')}>
              {props.scan.warnings.map((w, i) => (
                <li key={i}>{codeText(w.code, w.params, t, i18n.language)}</li>
              ))}
            </ul>
          )}
          <button type="submit" className="big primary" disabled={!kind}>
            {t('review.use')}
          </button>
        </div>
      </div>
    </form>
  );
}
