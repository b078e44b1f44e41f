/**
 * The kiosk: waiting → (card | camera/file → review | manual) → check with live verdict → finish
 * (logged) → waiting. One check is one patient: leaving it (記録, ルール, 設定, the lock) keeps it
 * aside, and the waiting screen offers to resume or abandon it. Keyboard: 1–3 on the waiting
 * screen, Enter for the main action, Esc back (asking before anything typed is thrown away).
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, UketsukeApi } from '../../shared/ipc/contract.ts';
import type { Session } from '../../shared/ipc/views.ts';
import type { DraftSituation, DraftVerdict } from '../../shared/rules/draft-situation.ts';
import type { Language, Settings, Staff } from '../../shared/store/records.ts';
import { ConfirmDialog } from './components/ConfirmDialog.tsx';
import {
  type Check,
  contradictionsOf,
  imageIdsOf,
  patientFacts,
  toDraftSituation,
  toLoggedDocuments,
} from './desk/check.ts';
import { deskReducer, hasWork, initialDesk } from './desk/desk-state.ts';
import { CaptureScreen } from './screens/CaptureScreen.tsx';
import { CheckScreen } from './screens/CheckScreen.tsx';
import type { VerifyPinStep } from './screens/PinSteps.tsx';
import { DeclarationSheet } from './screens/DeclarationSheet.tsx';
import { LockScreen } from './screens/LockScreen.tsx';
import { LogScreen } from './screens/LogScreen.tsx';
import { ManualEntryScreen } from './screens/ManualEntryScreen.tsx';
import { printSheet } from './print.ts';
import { needsRenewal, RenewalSlip } from './screens/RenewalSlip.tsx';
import { ReviewScreen } from './screens/ReviewScreen.tsx';
import { RulesScreen } from './screens/RulesScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';
import { WaitingScreen } from './screens/WaitingScreen.tsx';
import { useCardState } from './useCardState.ts';
import { useErrorText } from './components/errorText.ts';

const typing = (e: KeyboardEvent) =>
  e.target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName);

export function App(props: { api: UketsukeApi | undefined }) {
  const { api } = props;
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [staffList, setStaffList] = useState<Staff[]>([]);
  const [error, setError] = useState<string | null>(api ? null : t('app.noBridge'));
  const [desk, dispatch] = useReducer(deskReducer, undefined, initialDesk);
  const [busy, setBusy] = useState(false);
  const [evaluated, setEvaluated] = useState<{
    for: unknown;
    check: string;
    result: DraftVerdict | null;
    error: string | null;
  } | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const cardState = useCardState(api);
  const seenPlacement = useRef<number>(0);
  const lastInput = useRef(0);
  /** The manual-entry form holds typed values (Esc asks before dropping them). */
  const formDirty = useRef(false);
  const { view, check } = desk;

  const say = useErrorText();
  const fail = useCallback((e: unknown) => setError(say(e)), [say]);

  const refreshSession = useCallback(() => {
    if (!api) return;
    api.session().then(setSession, fail);
    api.listStaff().then(setStaffList, () => undefined);
  }, [api, fail]);

  useEffect(() => {
    if (!api) return;
    api.info().then(setInfo, fail);
    api.getSettings().then(setSettings, fail);
    refreshSession();
  }, [api, fail, refreshSession]);

  // The screen's language: the settings', unless staff switched it for the moment.
  const [languageOverride, setLanguageOverride] = useState<Language | null>(null);
  const language = languageOverride ?? settings?.language ?? 'ja';
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [i18n, language]);

  // Scans no check will keep: main drops their images.
  useEffect(() => {
    if (!api || desk.discard.length === 0) return;
    const ids = desk.discard;
    dispatch({ type: 'discarded', ids });
    api.discardScans({ ids }).catch(() => undefined);
  }, [api, desk.discard]);

  const locked = session?.hasStaff === true && !session.staff;
  // Behind an open question nothing takes the focus or a key: a verdict arriving under the dialog
  // once moved the focus to 完了して記録, and the Enter meant for 「戻る」 logged the check.
  const modal = Boolean(desk.confirm && !locked);
  // Locking sets the check aside: after unlocking, the waiting screen offers to resume it.
  useEffect(() => {
    if (locked) dispatch({ type: 'open', view: 'waiting' });
  }, [locked]);

  // A placed card joins the check on screen, or starts one from the waiting screen. While a check
  // is set aside it waits: staff first resume or abandon that patient's check.
  const card = cardState?.card ?? null;
  const cardJoins = !locked && (view.name === 'check' || (view.name === 'waiting' && !check));
  useEffect(() => {
    if (!card || card.phase !== 'ready' || !card.status || card.placement === seenPlacement.current || !cardJoins)
      return;
    seenPlacement.current = card.placement;
    dispatch({ type: 'cardRead', view: card.status, placement: card.placement });
  }, [card, cardJoins]);

  const facts = useMemo(() => patientFacts(check), [check]);
  const contradictions = useMemo(() => (check && info ? contradictionsOf(check, info.today) : []), [check, info]);
  // Keyed by content: a keystroke the rules do not read (the name) keeps the verdict on screen
  // instead of blanking it while the same facts are judged again.
  const situationKey = useMemo(
    () => (check && info && settings ? JSON.stringify(toDraftSituation(check, info.today, settings.facility)) : null),
    [check, info, settings],
  );
  const situation = useMemo(() => (situationKey ? (JSON.parse(situationKey) as DraftSituation) : null), [situationKey]);
  const checkId = check?.id ?? '';
  /** The judging under way, so that Enter pressed meanwhile waits for it rather than judging again. */
  const judging = useRef<{ for: DraftSituation; result: Promise<DraftVerdict> } | null>(null);
  useEffect(() => {
    if (!api || !situation) return;
    let current = true;
    const result = api.evaluateDraft(situation);
    judging.current = { for: situation, result };
    result.then(
      (result) => current && setEvaluated({ for: situation, check: checkId, result, error: null }),
      (e: Error) => current && setEvaluated({ for: situation, check: checkId, result: null, error: say(e) }),
    );
    return () => {
      current = false;
    };
  }, [api, situation, checkId, say]);
  // Only the verdict for the facts on screen, judged for this check, counts: a stale one is never
  // shown. (Facts are keyed by content, so the check's id keeps two patients' verdicts apart even
  // where their facts read the same.)
  const current = evaluated && evaluated.for === situation && evaluated.check === checkId ? evaluated : null;
  const verdict = current?.result?.verdict ?? null;

  const back = useCallback(() => {
    setError(null);
    dispatch({ type: 'escape', formDirty: formDirty.current });
  }, []);

  useEffect(() => {
    lastInput.current = Date.now();
    const onKey = (e: KeyboardEvent) => {
      lastInput.current = Date.now();
      if (e.key === 'Escape') return back();
      if (view.name !== 'waiting' || check || typing(e) || desk.confirm) return;
      if (e.key === '1') dispatch({ type: 'capture', file: false });
      if (e.key === '2') dispatch({ type: 'capture', file: true });
      if (e.key === '3') dispatch({ type: 'open', view: 'manual' });
    };
    const onPointer = () => (lastInput.current = Date.now());
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [back, view.name, check, desk.confirm]);

  // Idle lock: main also lapses the session; this brings the lock screen up on time.
  useEffect(() => {
    if (!api || !session?.staff || !settings) return;
    const timer = setInterval(() => {
      if (Date.now() - lastInput.current > settings.idleLockMinutes * 60_000) void api.signOut().then(refreshSession);
    }, 10_000);
    return () => clearInterval(timer);
  }, [api, session, settings, refreshSession]);

  const onImage = (base64: string) => {
    if (!api) return;
    setBusy(true);
    setError(null);
    api
      .scan({ image: base64 })
      .then((scan) => dispatch({ type: 'scanned', scan }), fail)
      .finally(() => setBusy(false));
  };

  const complete = situation?.patient.birthDate !== undefined && situation.patient.insurerType !== undefined;
  /**
   * Enter pressed while the facts just typed are being judged is not dropped: it waits for that
   * judging, and the check goes on only if the decision is the one already on screen (a changed
   * decision is shown first, and staff press Enter again).
   */
  const verdictToFinish = async (situation: DraftSituation, check: Check) => {
    if (verdict) return verdict;
    const shown = evaluated?.check === check.id ? evaluated.result?.verdict?.decision : undefined;
    if (!shown || judging.current?.for !== situation) return null;
    const judged = (await judging.current.result).verdict;
    return judged?.decision === shown ? judged : null;
  };

  const finish = async (checked = check?.contradictionsChecked ?? false) => {
    if (!api || !situation || !check || busy) return;
    const { birthDate, insurerType } = situation.patient;
    if (birthDate === undefined || insurerType === undefined) return;
    setBusy(true);
    const judged = await verdictToFinish(situation, check).catch(() => null);
    if (!judged) return setBusy(false);
    if (judged.decision === 'accept' && contradictions.length > 0 && !checked) {
      setBusy(false);
      return dispatch({ type: 'ask', confirm: 'contradictions' });
    }
    api
      .finishCheck({
        situation: { ...situation, patient: { ...situation.patient, birthDate, insurerType } },
        documents: toLoggedDocuments(check),
        ...(facts.name ? { patientName: facts.name } : {}),
        imageIds: imageIdsOf(check),
        ...(contradictions.length > 0
          ? {
              contradictions: {
                found: contradictions.map((c) => ({ code: c.code, field: c.field })),
                confirmed: checked,
              },
            }
          : {}),
      })
      .then((r) => {
        setToast(
          r.id !== null
            ? t('check.saved')
            : t('check.notSaved', { problem: t(r.problemCode ? `error.store.${r.problemCode}` : 'error.unknown') }),
        );
        setTimeout(() => setToast(null), r.id !== null ? 2500 : 10_000);
        dispatch({ type: 'finished' });
      }, fail)
      .finally(() => setBusy(false));
  };

  const verifyPin: VerifyPinStep = async (step, pin, force) => {
    if (!api || !card) return;
    const read = await api.verifyPin({ placement: card.placement, step, pin, force });
    dispatch({ type: 'cardRead', view: read, placement: card.placement });
  };

  const cardView = check?.documents.find((d) => d.card)?.card?.view;
  const paperValues = check?.documents.find((d) => !d.card && d.values.insurerNumber)?.values ?? {};

  let body;
  if (!api || !info || !settings) body = <p className="banner">{error ?? t('app.starting')}</p>;
  else if (locked)
    body = (
      <LockScreen
        staff={staffList}
        onUnlock={async (staffId, pin) => {
          setSession(await api.signIn({ staffId, pin }));
          lastInput.current = Date.now();
        }}
      />
    );
  else if (view.name === 'capture')
    body = <CaptureScreen cameraId={settings.cameraId} startWithFile={view.file} busy={busy} onImage={onImage} />;
  else if (view.name === 'review')
    body = (
      <ReviewScreen
        key={view.scan.id}
        scan={view.scan}
        today={info.today}
        onUse={(kind, values) =>
          dispatch({ type: 'addDocument', doc: { kind, values, source: 'ocr', scanId: view.scan.id } })
        }
      />
    );
  else if (view.name === 'manual')
    body = (
      <ManualEntryScreen
        today={info.today}
        onDirty={(dirty) => {
          formDirty.current = dirty;
        }}
        onAdd={(kind, values) => {
          formDirty.current = false;
          dispatch({ type: 'addDocument', doc: { kind, values, source: 'manual' } });
        }}
      />
    );
  else if (view.name === 'check' && check)
    body = (
      <CheckScreen
        check={check}
        facts={facts}
        contradictions={contradictions}
        today={info.today}
        verdict={verdict}
        needs={current?.result?.needs ?? []}
        verdictError={current?.error ?? null}
        canFinish={complete}
        busy={busy}
        paused={modal}
        onFacts={(f) => dispatch({ type: 'type', facts: f })}
        onRemove={(id) => dispatch({ type: 'removeDocument', id })}
        onAddPaper={() => dispatch({ type: 'open', view: 'manual' })}
        onScanPaper={() => dispatch({ type: 'capture', file: true })}
        onFinish={() => void finish()}
        {...(card?.phase === 'ready' ? { onVerifyPin: verifyPin } : {})}
        onPrintDeclaration={() => printSheet('declaration')}
      />
    );
  else if (view.name === 'rules') body = <RulesScreen api={api} />;
  else if (view.name === 'log')
    body = (
      <LogScreen api={api} today={info.today} staff={session?.staff ?? null} hasStaff={session?.hasStaff ?? false} />
    );
  else if (view.name === 'settings')
    body = (
      <SettingsScreen
        api={api}
        settings={settings}
        readers={cardState?.readers ?? []}
        hasStaff={session?.hasStaff ?? false}
        onSaved={(s) => {
          setSettings(s);
          setLanguageOverride(null);
        }}
        onStaffChanged={refreshSession}
      />
    );
  else
    body = (
      <WaitingScreen
        info={info}
        cardState={cardState}
        settings={settings}
        pending={hasWork(check) ? { name: facts.name, documents: check!.documents } : null}
        cardError={
          card?.phase === 'error'
            ? t(`card.errors.${card.error ?? 'protocol'}`)
            : card?.phase === 'reading'
              ? t('card.reading')
              : undefined
        }
        onCamera={() => dispatch({ type: 'capture', file: false })}
        onFile={() => dispatch({ type: 'capture', file: true })}
        onManual={() => dispatch({ type: 'open', view: 'manual' })}
        onResume={() => dispatch({ type: 'open', view: 'check' })}
        onAbandon={() => dispatch({ type: 'ask', confirm: 'abandon' })}
      />
    );

  return (
    <div className="app">
      <header className="no-print" inert={modal}>
        <h1>{settings?.facilityName ? `${t('app.title')} · ${settings.facilityName}` : t('app.title')}</h1>
        {!locked && info && (
          <nav>
            {view.name !== 'waiting' && (
              <button type="button" onClick={back}>
                ← {t('nav.back')}
              </button>
            )}
            <button type="button" onClick={() => dispatch({ type: 'open', view: 'log' })}>
              {t('nav.log')}
            </button>
            <button type="button" onClick={() => dispatch({ type: 'open', view: 'rules' })}>
              {t('nav.rules')}
            </button>
            <button type="button" onClick={() => dispatch({ type: 'open', view: 'settings' })}>
              {t('nav.settings')}
            </button>
            {session?.staff && (
              <button type="button" onClick={() => void api?.signOut().then(refreshSession)}>
                {t('nav.lock')} ({session.staff.name})
              </button>
            )}
          </nav>
        )}
        <button type="button" className="lang" onClick={() => setLanguageOverride(language === 'en' ? 'ja' : 'en')}>
          {t('app.lang')}
        </button>
      </header>
      <main className="no-print" inert={modal}>
        {error && info && (
          <p className="banner error" role="alert">
            {error}
          </p>
        )}
        {toast && (
          <p className="toast" role="status">
            {toast}
          </p>
        )}
        {body}
      </main>
      {modal && desk.confirm && (
        <ConfirmDialog
          kind={desk.confirm}
          onAnswer={(yes) => {
            const asked = desk.confirm;
            dispatch({ type: 'answer', yes });
            if (yes && asked === 'leaveForm') formDirty.current = false;
            if (yes && asked === 'contradictions') void finish(true);
          }}
        />
      )}
      {info && settings && verdict?.fallback === 'declaration' && view.name === 'check' && (
        <DeclarationSheet
          date={info.today}
          name={facts.name}
          birthDate={facts.birthDate}
          values={paperValues}
          facilityName={settings.facilityName}
          insurerType={facts.insurerType}
        />
      )}
      {info && settings && view.name === 'check' && needsRenewal(cardView) && (
        <RenewalSlip view={cardView} date={info.today} facilityName={settings.facilityName} />
      )}
      <footer className="status no-print">
        {info && t('verdict.rulebook', { version: info.rulebookVersion }) + ` · v${info.appVersion}`}
      </footer>
    </div>
  );
}
