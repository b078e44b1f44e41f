/** Where the documents disagree, on top of the check, each naming both values and both documents. */
import { useTranslation } from 'react-i18next';
import { formatDate } from '../components/dateText.ts';
import { documentName } from '../components/names.ts';
import type { ShownContradiction } from '../desk/check.ts';
import type { DocumentKind } from '../../../shared/rules/vocabulary.ts';

const DATE_FIELDS = new Set(['birthDate', 'issueDate', 'expiry', 'certificateExpiry', 'cardExpiry']);

export function ContradictionList(props: { items: ShownContradiction[]; checked: boolean }) {
  const { t, i18n } = useTranslation();
  // Values in the screen's words: dates in 和暦 (西暦 small), documents by name, the card by its name.
  const word = (field: string, key: string, v: string): string => {
    if (/kind/i.test(key)) return v === 'card' ? t('contradiction.card') : documentName(v as DocumentKind, i18n.language);
    if (DATE_FIELDS.has(field) || /date|expiry/i.test(key)) return formatDate(v, i18n.language) || v;
    if (/ratio/i.test(key) || field === 'burdenRatio') return t(`ratio.${v}`, { defaultValue: v });
    return v;
  };
  return (
    <section className={`contradictions${props.checked ? ' checked' : ''}`} role="alert" data-testid="contradictions">
      <ul>
        {props.items.map((c, i) => (
          <li key={`${c.code}-${c.field}-${i}`} data-code={c.code} data-field={c.field}>
            {t(`contradiction.${c.code}`, {
              ...Object.fromEntries(Object.entries(c.params).map(([k, v]) => [k, word(c.field, k, v)])),
              field: t(`fields.${c.field}`, { defaultValue: c.field }),
            })}
          </li>
        ))}
      </ul>
      {props.checked && <p className="muted">{t('contradiction.checked')}</p>}
    </section>
  );
}
