/** 被保険者資格申立書, pre-filled from what the desk already knows; shown only when printing. */
import { useTranslation } from 'react-i18next';
import { formatWareki } from '../../../shared/domain/wareki.ts';
import type { FieldValues } from '../../../shared/documents/document-fields.ts';

export function DeclarationSheet(props: { date: string; name: string; birthDate: string; values: FieldValues; facilityName: string }) {
  const { t } = useTranslation();
  const v = props.values;
  const wareki = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? formatWareki(d) : '');
  const rows: [string, string][] = [
    [t('declaration.date'), wareki(props.date)],
    [t('declaration.name'), props.name],
    [t('declaration.birthDate'), wareki(props.birthDate)],
    [t('declaration.insurer'), [v.insurerName, v.insurerNumber].filter(Boolean).join('　')],
    [t('declaration.symbol'), [v.symbol, v.number, v.branch].filter(Boolean).join('・')],
    [t('declaration.facility'), props.facilityName],
    [t('declaration.signature'), ''],
  ];
  return (
    <section className="declaration print-only" data-testid="declaration">
      <h1>{t('declaration.title')}</h1>
      <p>{t('declaration.lead')}</p>
      <table>
        <tbody>
          {rows.map(([k, val]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{val}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{t('declaration.note')}</p>
    </section>
  );
}
