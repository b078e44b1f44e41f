/** The fields of one document, for confirming what OCR read or typing it in; low-confidence fields stand out. */
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_FIELDS,
  FIELD_INPUTS,
  type FieldValues,
  type FormField,
} from '../../../shared/documents/document-fields.ts';
import { validateInsurerNumber } from '../../../shared/domain/insurer-number.ts';
import type { DocumentKind } from '../../../shared/rules/vocabulary.ts';
import { DateField } from './DateField.tsx';

export function DocumentForm(props: {
  kind: DocumentKind;
  values: FieldValues;
  onChange(values: FieldValues): void;
  confirm?: readonly FormField[];
  idPrefix: string;
  today?: string;
}) {
  const { t } = useTranslation();
  const set = (k: FormField, v: string | undefined) => props.onChange({ ...props.values, [k]: v ?? '' });
  const fields = DOCUMENT_FIELDS[props.kind];
  if (fields.length === 0) return null;
  return (
    <div className="fields">
      {fields.map((k) => {
        const id = `${props.idPrefix}-${k}`;
        const value = props.values[k] ?? '';
        const unsure = props.confirm?.includes(k) ?? false;
        const badNumber = k === 'insurerNumber' && value !== '' && !validateInsurerNumber(value).valid;
        const spec = FIELD_INPUTS[k];
        const tag = unsure && <span className="tag">{t('review.confirm')}</span>;
        if (spec.type === 'date') {
          const label = (
            <>
              {t(`fields.${k}`)}
              {tag}
            </>
          );
          return (
            <DateField
              key={k}
              id={id}
              name={k}
              className={unsure ? 'unsure' : undefined}
              label={label}
              value={value || undefined}
              onChange={(iso) => set(k, iso)}
              birth={k === 'birthDate'}
              onDate={props.today}
            />
          );
        }
        let input;
        if (spec.type === 'ratio')
          input = (
            <select id={id} value={value} onChange={(e) => set(k, e.target.value)}>
              {(['', '0.1', '0.2', '0.3'] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`ratio.${r}`)}
                </option>
              ))}
            </select>
          );
        else if (spec.type === 'choice')
          input = (
            <select id={id} value={value} onChange={(e) => set(k, e.target.value)}>
              {spec.options.map((o) => (
                <option key={o} value={o}>
                  {t(`choices.${k}.${o || 'none'}`)}
                </option>
              ))}
            </select>
          );
        else if (spec.type === 'flag')
          input = (
            <input
              id={id}
              type="checkbox"
              checked={value === 'true'}
              onChange={(e) => set(k, e.target.checked ? 'true' : '')}
            />
          );
        else
          input = (
            <input
              id={id}
              type="text"
              inputMode={spec.numeric ? 'numeric' : 'text'}
              value={value}
              onChange={(e) => set(k, e.target.value)}
              autoComplete="off"
            />
          );
        return (
          <div key={k} className={`field${unsure ? ' unsure' : ''}${badNumber ? ' bad' : ''}`} data-field={k}>
            <label htmlFor={id}>
              {t(`fields.${k}`)}
              {tag}
            </label>
            {input}
            {badNumber && (
              <span className="hint" role="alert">
                {t('insurerNumberBad')}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}

export function KindSelect(props: {
  id: string;
  value: DocumentKind | '';
  onChange(kind: DocumentKind): void;
  allowEmpty?: boolean;
  kinds: readonly DocumentKind[];
  names: (k: DocumentKind) => string;
  emptyLabel?: string;
}) {
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as DocumentKind)}>
      {props.allowEmpty && <option value="">{props.emptyLabel}</option>}
      {props.kinds.map((k) => (
        <option key={k} value={k}>
          {props.names(k)}
        </option>
      ))}
    </select>
  );
}
