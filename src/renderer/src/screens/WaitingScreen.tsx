/** 待機画面: what to do, the reader's state, and the three ways in besides the card. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { documentName } from '../components/names.ts';
import type { CheckDoc } from '../desk/check.ts';
import type { AppInfo } from '../../../shared/ipc/contract.ts';
import type { CardState } from '../../../shared/ipc/views.ts';
import type { Settings } from '../../../shared/store/records.ts';

export function readerLine(
  state: CardState | null,
  t: (k: string, o?: Record<string, unknown>) => string,
): { text: string; ok: boolean } {
  if (!state || state.service === 'starting') return { text: t('waiting.starting'), ok: false };
  if (state.service === 'no_service') return { text: t('waiting.noService'), ok: false };
  if (state.service === 'disabled') return { text: t('waiting.readerDisabled'), ok: true };
  if (state.readers.length === 0) return { text: t('waiting.noReader'), ok: false };
  return { text: t('waiting.readerReady', { names: state.readers.join(', ') }), ok: true };
}

/** A check set aside (記録, ルール, 設定, the lock): whose it is and what it holds, to resume or abandon. */
function PendingCheck(props: { name: string; documents: CheckDoc[]; onResume(): void; onAbandon(): void }) {
  const { t, i18n } = useTranslation();
  const resume = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    resume.current?.focus();
  }, []);
  return (
    <section className="pending" data-testid="pending-check" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('waiting.pending', { name: props.name || t('waiting.noName') })}</h2>
      <ul>
        {props.documents.map((d) => (
          <li key={d.id}>{d.card ? t(`card.kind.${d.card.view.kind}`) : documentName(d.kind, i18n.language)}</li>
        ))}
      </ul>
      <div className="actions">
        <button ref={resume} type="button" className="big primary" onClick={props.onResume}>
          {t('waiting.resume')}
        </button>
        <button type="button" className="big danger" onClick={props.onAbandon}>
          {t('waiting.abandon')}
        </button>
      </div>
    </section>
  );
}

export function WaitingScreen(props: {
  info: AppInfo | null;
  cardState: CardState | null;
  settings: Settings | null;
  cardError?: string | undefined;
  /** A check in progress, set aside: nothing new starts until it is resumed or abandoned. */
  pending: { name: string; documents: CheckDoc[] } | null;
  onCamera(): void;
  onFile(): void;
  onManual(): void;
  onResume(): void;
  onAbandon(): void;
}) {
  const { t } = useTranslation();
  const reader = readerLine(props.cardState, t);
  if (props.pending) return <PendingCheck {...props.pending} onResume={props.onResume} onAbandon={props.onAbandon} />;
  return (
    <section className="waiting" aria-labelledby="prompt">
      <p id="prompt" className="prompt">
        {t('waiting.prompt')}
      </p>
      {props.cardError && (
        <p className="banner error" role="alert">
          {props.cardError}
        </p>
      )}
      <div className="actions">
        <button type="button" className="big" onClick={props.onCamera}>
          <kbd>1</kbd> {t('waiting.camera')}
        </button>
        <button type="button" className="big" onClick={props.onFile}>
          <kbd>2</kbd> {t('waiting.file')}
        </button>
        <button type="button" className="big" onClick={props.onManual}>
          <kbd>3</kbd> {t('waiting.manual')}
        </button>
      </div>
      <p className={`reader ${reader.ok ? 'ok' : 'warn'}`} aria-live="polite" data-testid="reader-status">
        {reader.text}
      </p>
      {props.settings && (
        <p className="facility">
          {t('waiting.facility', { mode: t(`onlineCheck.${props.settings.facility.onlineCheck}`) })}
        </p>
      )}
      {props.info?.store.mode === 'read_only' && (
        <p className="banner error" role="alert">
          {t('waiting.storeProblem', {
            problem: t(props.info.store.problemCode ? `error.store.${props.info.store.problemCode}` : 'error.unknown'),
          })}
        </p>
      )}
    </section>
  );
}
