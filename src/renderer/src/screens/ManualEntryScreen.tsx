/** Any document typed in: when OCR fails, or for what the patient shows on a phone. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldValues } from '../../../shared/documents/document-fields.ts';
import type { DocumentKind } from '../../../shared/rules/vocabulary.ts';
import { DocumentForm, KindSelect } from '../components/DocumentForm.tsx';
import { documentName, PAPER_KINDS } from '../components/names.ts';

export function ManualEntryScreen(props: {
  initialKind?: DocumentKind;
  onAdd(kind: DocumentKind, values: FieldValues): void;
  today?: string;
  onDirty?: (dirty: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<DocumentKind>(props.initialKind ?? 'qualification_certificate');
  const [values, setValues] = useState<FieldValues>({});
  const first = useRef<HTMLDivElement>(null);
  const { onDirty } = props;
  // The form opens ready to type: the kind first.
  useEffect(() => {
    first.current?.querySelector('select')?.focus();
  }, []);
  useEffect(() => {
    onDirty?.(Object.values(values).some((v) => v !== undefined && v !== ''));
  }, [values, onDirty]);
  return (
    <form
      className="manual"
      onSubmit={(e) => {
        e.preventDefault();
        props.onAdd(kind, values);
      }}
    >
      <h2>{t('manual.title')}</h2>
      <div className="field" ref={first}>
        <label htmlFor="manual-kind">{t('manual.kind')}</label>
        <KindSelect
          id="manual-kind"
          value={kind}
          onChange={setKind}
          kinds={PAPER_KINDS}
          names={(k) => documentName(k, i18n.language)}
        />
      </div>
      <DocumentForm
        idPrefix="manual"
        {...(props.today ? { today: props.today } : {})}
        kind={kind}
        values={values}
        onChange={setValues}
      />
      <button type="submit" className="big primary">
        {t('manual.add')}
      </button>
    </form>
  );
}
