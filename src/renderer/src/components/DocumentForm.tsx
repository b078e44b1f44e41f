/** The fields of one document, for confirming what OCR read or typing it in; low-confidence fields stand out. */
import { useTranslation } from 'react-i18next';
import { DOCUMENT_FIELDS, type FieldValues } from '../../../shared/documents/document-fields.ts';
import { validateInsurerNumber } from '../../../shared/domain/insurer-number.ts';
import type { ScanField } from '../../../shared/ipc/views.ts';
import type { DocumentKind } from '../../../shared/rules/vocabulary.ts';
import { DateField } from './DateField.tsx';

type Key = ScanField | 'format';
const DATES: Key[] = ['birthDate', 'issueDate', 'expiry'];

export function DocumentForm(props: { kind: DocumentKind; values: FieldValues; onChange(values: FieldValues): void; confirm?: readonly Key[]; idPrefix: string; today?: string }) {
  const { t } = useTranslation();
  const set = (k: Key, v: string) => props.onChange({ ...props.values, [k]: v });
  const fields = DOCUMENT_FIELDS[props.kind];
  if (fields.length === 0) return null;
  return (
    <div className="fields">
      {fields.map((k) => {
        const id = `${props.idPrefix}-${k}`;
        const value = props.values[k] ?? '';
        const unsure = props.confirm?.includes(k) ?? false;
        const badNumber = k === 'insurerNumber' && value !== '' && !validateInsurerNumber(value).valid;
        if (DATES.includes(k))
          return (
            <div key={k} className={`field-slot${unsure ? ' unsure' : ''}`} data-field={k}>
            <DateField
              id={id}
              label={unsure ? `${t(`fields.${k}`)}（${t('review.confirm')}）` : t(`fields.${k}`)}
              value={value || undefined}
              onChange={(iso) => set(k, iso ?? '')}
              birth={k === 'birthDate'}
              {...(props.today ? { onDate: props.today } : {})}
            />
            </div>
          );
        let input;
        if (k === 'burdenRatio')
          input = (
            <select id={id} value={value} onChange={(e) => set(k, e.target.value)}>
              {(['', '0.1', '0.2', '0.3'] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`ratio.${r}`)}
                </option>
              ))}
            </select>
          );
        else if (k === 'format')
          input = (
            <select id={id} value={value || 'screen'} onChange={(e) => set(k, e.target.value)}>
              <option value="screen">{t('formats.screen')}</option>
              <option value="pdf">{t('formats.pdf')}</option>
            </select>
          );
        else if (k === 'sex')
          input = (
            <select id={id} value={value} onChange={(e) => set(k, e.target.value)}>
              <option value="" />
              <option value="male">男 / M</option>
              <option value="female">女 / F</option>
            </select>
          );
        else if (k === 'specialMedicalExpense')
          input = <input id={id} type="checkbox" checked={value === 'true'} onChange={(e) => set(k, e.target.checked ? 'true' : '')} />;
        else input = <input id={id} type="text" inputMode={['insurerNumber', 'number', 'branch'].includes(k) ? 'numeric' : 'text'} value={value} onChange={(e) => set(k, e.target.value)} autoComplete="off" />;
        return (
          <div key={k} className={`field${unsure ? ' unsure' : ''}${badNumber ? ' bad' : ''}`} data-field={k}>
            <label htmlFor={id}>
              {t(`fields.${k}`)}
              {unsure && <span className="tag">{t('review.confirm')}</span>}
            </label>
            {input}
            {badNumber && <span className="hint" role="alert">{t('insurerNumberBad')}</span>}
          </div>
        );
      })}
    </div>
  );
}

export function KindSelect(props: { id: string; value: DocumentKind | ''; onChange(kind: DocumentKind): void; allowEmpty?: boolean; kinds: readonly DocumentKind[]; names: (k: DocumentKind) => string; emptyLabel?: string }) {
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
