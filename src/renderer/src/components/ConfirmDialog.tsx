/**
 * One question before something is thrown away or logged over a doubt. The safe answer has the
 * focus, so Enter never discards; Esc answers no. Answered, the focus goes back where it was.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confirm } from '../desk/desk-state.ts';

export function ConfirmDialog(props: { kind: Confirm; onAnswer(yes: boolean): void }) {
  const { t } = useTranslation();
  const safe = useRef<HTMLButtonElement>(null);
  const proceed = useRef<HTMLButtonElement>(null);
  // Confirming a checked disagreement is the step staff came for; throwing work away is not.
  const yesIsNext = props.kind === 'contradictions';
  const before = useRef<Element | null>(null);
  // Before the dialog is painted: an Enter pressed the moment it shows (a busy desk machine ran
  // effects later) must reach the safe answer, not the form under the dialog.
  useLayoutEffect(() => {
    before.current ??= document.activeElement;
    (yesIsNext ? proceed : safe).current?.focus();
  }, [yesIsNext]);
  // A passive cleanup: it runs once the page behind is no longer inert, so the focus can land.
  useEffect(
    () => () => {
      const el = before.current;
      if (el instanceof HTMLElement && el.isConnected) el.focus();
    },
    [],
  );
  return (
    <div className="dialog-backdrop" role="presentation">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-body"
        data-confirm={props.kind}
      >
        <h2 id="confirm-title">{t(`confirm.${props.kind}.title`)}</h2>
        <p id="confirm-body">{t(`confirm.${props.kind}.body`)}</p>
        <div className="actions">
          <button ref={safe} type="button" onClick={() => props.onAnswer(false)}>
            {t(`confirm.${props.kind}.no`)}
          </button>
          <button
            ref={proceed}
            type="button"
            className={yesIsNext ? 'primary' : 'danger'}
            onClick={() => props.onAnswer(true)}
          >
            {t(`confirm.${props.kind}.yes`)}
          </button>
        </div>
      </div>
    </div>
  );
}
