/**
 * The card's two PIN steps, one per key: 真正性 (利用者証明用, key 0018) and, optionally, the
 * 基本4情報 (券面事項入力補助用, key 0011). Patients may have set different PINs, so each step has
 * its own entry, its own tries and its own last-try confirmation, and one failing keeps the other.
 *
 * No <form> here: the check screen is a form already, and a nested one neither submits under the
 * CSP (form-action 'none') nor may Enter in a PIN field finish the check. Enter runs the step.
 */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardView, PIN_STEPS } from '../../../shared/ipc/views.ts';

export type PinStep = (typeof PIN_STEPS)[number];
export type VerifyPinStep = (step: PinStep, pin: string, force: boolean) => Promise<void>;

const INPUT_ID: Record<PinStep, string> = { auth: 'card-pin-auth', basicInfo: 'card-pin-basic-info' };
const PIN_STEP_ORDER: readonly PinStep[] = ['auth', 'basicInfo'];

/** Which steps this card offers now: not done yet, the key present and not blocked. */
export function openSteps(v: CardView): PinStep[] {
  const steps: PinStep[] = [];
  const usable = (tries: number | null) => tries !== null && tries > 0;
  if (v.kind !== 'not_jpki' && v.kind !== 'juki_card' && v.genuine === undefined && usable(v.pinTriesLeft.auth))
    steps.push('auth');
  if (v.kind === 'mynumber_card' && !v.holder && usable(v.pinTriesLeft.basicInfo)) steps.push('basicInfo');
  return steps;
}

export function PinSteps(props: { view: CardView; onVerifyPin: VerifyPinStep }) {
  const { t } = useTranslation();
  const open = openSteps(props.view);
  // A step that ended its key (e.g. the last try was wrong: blocked) has no entry left, only its message.
  const closed = PIN_STEP_ORDER.filter((step) => !open.includes(step) && props.view.pinErrors?.[step]);
  return (
    <div className="pin-steps">
      {open.map((step) => (
        <PinStepEntry key={step} step={step} view={props.view} onVerifyPin={props.onVerifyPin} />
      ))}
      {closed.map((step) => (
        <p key={step} className="bad" role="alert" data-testid={`pin-step-${step}-closed`}>
          {t(`card.pinError.${props.view.pinErrors![step]!.code}`, {
            tries: props.view.pinErrors![step]!.triesLeft ?? '—',
          })}
        </p>
      ))}
    </div>
  );
}

function PinStepEntry(props: { step: PinStep; view: CardView; onVerifyPin: VerifyPinStep }) {
  const { t } = useTranslation();
  const { step } = props;
  const tries = props.view.pinTriesLeft[step];
  const lastTry = tries === 1;
  const [pin, setPin] = useState('');
  const [force, setForce] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const reported = props.view.pinErrors?.[step];
  const ready = /^\d{4}$/.test(pin) && (!lastTry || force) && !busy;

  const run = async () => {
    if (!ready) return;
    setBusy(true);
    setFailure(null);
    try {
      await props.onVerifyPin(step, pin, lastTry && force);
    } catch (e) {
      // Main sends codes (card.errors.*); anything else is shown as it came.
      setFailure(t((e as Error).message));
    } finally {
      setPin('');
      setForce(false);
      setBusy(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    // Enter belongs to this step, never to the check screen's "finish".
    e.preventDefault();
    e.stopPropagation();
    void run();
  };
  const message =
    failure ?? (reported ? t(`card.pinError.${reported.code}`, { tries: reported.triesLeft ?? tries ?? '—' }) : null);

  return (
    <div className="pin" data-testid={`pin-step-${step}`}>
      <label htmlFor={INPUT_ID[step]}>{t(`card.pinSteps.${step}.title`)}</label>
      {step === 'basicInfo' && <p className="muted">{t('card.pinSteps.basicInfo.hint')}</p>}
      <span className="muted">{t(`card.pinSteps.${step}.tries`, { tries: tries ?? '—' })}</span>
      <input
        id={INPUT_ID[step]}
        type="password"
        inputMode="numeric"
        maxLength={4}
        autoComplete="off"
        value={pin}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        onKeyDown={onKeyDown}
      />
      {lastTry && (
        <label className="warn">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> {t('card.lastTry')}
        </label>
      )}
      <button type="button" disabled={!ready} onClick={() => void run()}>
        {t(`card.pinSteps.${step}.verify`)}
      </button>
      {message && (
        <span className="bad" role="alert">
          {message}
        </span>
      )}
    </div>
  );
}
