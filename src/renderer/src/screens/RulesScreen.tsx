/** ルール一覧: the rules in force (national and local), searchable, with sources as text and what changed. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UketsukeApi } from '../../../shared/ipc/contract.ts';
import type { RulesOverview } from '../../../shared/rules/overview.ts';
import type { DocumentKind } from '../../../shared/rules/vocabulary.ts';
import { KindSelect } from '../components/DocumentForm.tsx';
import { documentName, PAPER_KINDS } from '../components/names.ts';
import { useErrorText } from '../components/errorText.ts';
import { formatDate } from '../components/dateText.ts';

export function RulesScreen(props: { api: UketsukeApi }) {
  const { t, i18n } = useTranslation();
  const say = useErrorText();
  const en = i18n.language === 'en';
  const [text, setText] = useState('');
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const [overview, setOverview] = useState<RulesOverview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    props.api.rulesOverview({ ...(text.trim() ? { text: text.trim() } : {}), ...(kind ? { kind } : {}) }).then(
      (o) => current && setOverview(o),
      (e: Error) => current && setError(say(e)),
    );
    return () => {
      current = false;
    };
  }, [props.api, text, kind, say]);

  const pack = (p: RulesOverview['active']) =>
    `${p.packId} ${p.version}（${t('rules.effective', { date: formatDate(p.effective, i18n.language) })}${p.origin === 'built-in' ? ` · ${t('rules.builtIn')}` : ''}）`;
  return (
    <section className="rules">
      <h2>{t('rules.title')}</h2>
      {error && <p className="banner error">{error}</p>}
      {overview && (
        <div className="packs">
          <p>
            <strong>{t('rules.active')}:</strong> <span data-testid="active-pack">{pack(overview.active)}</span>
          </p>
          {overview.previous && (
            <p>
              {t('rules.previous')}: {pack(overview.previous)}
            </p>
          )}
          {overview.upcoming && (
            <p className="banner">
              {t('rules.upcoming')}: {pack(overview.upcoming)}
            </p>
          )}
          {overview.problems.map((p) => (
            <p key={p} className="banner error">
              {p}
            </p>
          ))}
        </div>
      )}
      <div className="search">
        <label htmlFor="rules-text">{t('rules.search')}</label>
        <input id="rules-text" value={text} onChange={(e) => setText(e.target.value)} />
        <label htmlFor="rules-kind">{t('rules.kind')}</label>
        <KindSelect
          id="rules-kind"
          value={kind}
          onChange={setKind}
          allowEmpty
          emptyLabel={t('rules.allKinds')}
          kinds={PAPER_KINDS}
          names={(k) => documentName(k, i18n.language)}
        />
      </div>
      {overview && overview.changes.length > 0 && (
        <details className="changes" open>
          <summary>{t('rules.changes', { n: overview.changes.length })}</summary>
          <ul>
            {overview.changes.map((c) => (
              <li key={c.change + c.ruleId}>
                <strong>{t(`rules.change.${c.change}`)}</strong> {c.ruleId} {en ? c.title.en : c.title.ja}
              </li>
            ))}
          </ul>
        </details>
      )}
      {overview && (
        <ul className="rule-list">
          {overview.rules.map((r) => (
            <li key={r.id} className={r.local ? 'local' : ''} data-rule={r.id}>
              <h3>
                {r.id} {en ? r.title.en : r.title.ja} {r.local && <span className="tag">{t('rules.local')}</span>}
              </h3>
              <p>{en ? r.statement.en : r.statement.ja}</p>
              <p className="muted">
                {t('rules.period', {
                  from: r.effectiveFrom ? formatDate(r.effectiveFrom, i18n.language) : '—',
                  until: r.effectiveUntil ? formatDate(r.effectiveUntil, i18n.language) : '',
                })}{' '}
                · {r.status}
              </p>
              <ul className="sources">
                {r.sources.map((s) => (
                  // Shown as text: the kiosk never opens a browser.
                  <li key={s.title + (s.url ?? '')}>
                    {s.title}
                    {s.url && <span className="url"> — {s.url}</span>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
