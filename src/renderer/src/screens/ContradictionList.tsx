/** Where the documents disagree, on top of the check, each naming both values and both documents. */
import { useTranslation } from 'react-i18next';
import type { Contradiction } from '../../../shared/documents/contradictions.ts';
import { contradictionText } from '../components/contradictionText.ts';

export function ContradictionList(props: { items: Contradiction[]; checked: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <section className={`contradictions${props.checked ? ' checked' : ''}`} role="alert" data-testid="contradictions">
      <ul>
        {props.items.map((c, i) => (
          <li key={`${c.code}-${i}`} data-code={c.code} data-field={c.field}>
            {contradictionText(c, t, i18n.language)}
          </li>
        ))}
      </ul>
      {props.checked && <p className="muted">{t('contradiction.checked')}</p>}
    </section>
  );
}
