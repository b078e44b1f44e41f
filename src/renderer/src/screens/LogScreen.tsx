/** Today's checks and search by name or birth date; CSV export masks numbers unless an admin asks otherwise. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../components/DateField.tsx';
import { formatDate } from '../components/dateText.ts';
import type { UketsukeApi } from '../../../shared/ipc/contract.ts';
import type { CheckEntry, Staff } from '../../../shared/store/records.ts';
import { HandoffButton } from '../components/HandoffButton.tsx';
import { documentName } from '../components/names.ts';
import { useErrorText } from '../components/errorText.ts';

function download(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function LogScreen(props: { api: UketsukeApi; today: string; staff: Staff | null; hasStaff: boolean }) {
  const { t, i18n } = useTranslation();
  const say = useErrorText();
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [entries, setEntries] = useState<CheckEntry[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const admin = !props.hasStaff || props.staff?.role === 'admin';

  const search = useCallback(
    (q: { name?: string; birthDate?: string }) => {
      const query =
        q.name || q.birthDate
          ? { ...(q.name ? { name: q.name } : {}), ...(q.birthDate ? { birthDate: q.birthDate } : {}), limit: 200 }
          : { date: props.today, limit: 200 };
      props.api.searchChecks(query).then(setEntries, (e: Error) => setMessage(say(e)));
    },
    [props.api, props.today, say],
  );
  useEffect(() => search({}), [search]);

  const exportCsv = (unmasked: boolean) =>
    props.api.exportChecks({ date: props.today, ...(unmasked ? { unmasked: true } : {}) }).then(
      (r) => download(r.filename, r.csv),
      (e: Error) => setMessage(say(e)),
    );

  const deletePatient = () => {
    if (
      !name ||
      !birthDate ||
      !window.confirm(t('log.confirmDelete', { name, birth: formatDate(birthDate, i18n.language) }))
    )
      return;
    props.api.deletePatient({ name, birthDate }).then(
      (r) => {
        setMessage(t('log.deleted', { n: r.deleted }));
        search({ name, birthDate });
      },
      (e: Error) => setMessage(say(e)),
    );
  };

  return (
    <section className="log">
      <h2>{t('log.title')}</h2>
      <form
        className="search"
        onSubmit={(e) => {
          e.preventDefault();
          search({ name, birthDate });
        }}
      >
        <label htmlFor="log-name">{t('log.name')}</label>
        <input id="log-name" value={name} onChange={(e) => setName(e.target.value)} />
        <DateField
          id="log-birth"
          label={t('log.birthDate')}
          value={birthDate || undefined}
          onChange={(iso) => setBirthDate(iso ?? '')}
          birth
          onDate={props.today}
        />
        <button type="submit">{t('log.search')}</button>
        <button type="button" onClick={() => (setName(''), setBirthDate(''), search({}))}>
          {t('log.today')}
        </button>
      </form>
      <div className="actions">
        <button type="button" onClick={() => void exportCsv(false)}>
          {t('log.export')}
        </button>
        {admin && props.hasStaff && (
          <button type="button" onClick={() => void exportCsv(true)}>
            {t('log.exportUnmasked')}
          </button>
        )}
        {admin && (
          <button type="button" className="danger" disabled={!name || !birthDate} onClick={deletePatient}>
            {t('log.deletePatient')}
          </button>
        )}
      </div>
      {message && <p role="status">{message}</p>}
      {entries && entries.length === 0 && <p>{t('log.empty')}</p>}
      {entries && entries.length > 0 && (
        <table className="entries">
          <thead>
            <tr>
              {(['time', 'name', 'birthDate', 'decision', 'documents', 'staff'] as const).map((c) => (
                <th key={c}>{t(`log.columns.${c}`)}</th>
              ))}
              <th>{t('orca.column')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  {new Date(e.at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
                    timeZone: 'Asia/Tokyo',
                  })}
                </td>
                <td>{e.patient.name ?? '—'}</td>
                <td>{formatDate(e.patient.birthDate, i18n.language)}</td>
                <td className={`decision ${e.verdict.decision}`}>{t(`verdict.decision.${e.verdict.decision}`)}</td>
                <td>{e.documents.map((d) => documentName(d.kind, i18n.language)).join('、')}</td>
                <td>{e.staffName ?? '—'}</td>
                <td>
                  <HandoffButton api={props.api} entry={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
