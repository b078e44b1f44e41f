/**
 * The kiosk: waiting → (card | camera/file → review | manual) → check with live verdict → finish
 * (logged) → waiting. Keyboard: 1–3 on the waiting screen, Enter for the main action, Esc back.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldValues } from '../../shared/documents/document-fields.ts';
import type { AppInfo, UketsukeApi } from '../../shared/ipc/contract.ts';
import type { ScanView } from '../../shared/ipc/views.ts';
import type { Situation, Verdict } from '../../shared/rules/situation.ts';
import type { DocumentKind } from '../../shared/rules/vocabulary.ts';
import type { Session } from '../../shared/ipc/views.ts';
import type { Language, Settings, Staff } from '../../shared/store/records.ts';
import { addDocument, emptyDraft, removeDocument, toLoggedDocuments, toSituation, type Draft } from './draft.ts';
import { CaptureScreen } from './screens/CaptureScreen.tsx';
import { CheckScreen } from './screens/CheckScreen.tsx';
import type { VerifyPinStep } from './screens/PinSteps.tsx';
import { DeclarationSheet } from './screens/DeclarationSheet.tsx';
import { LockScreen } from './screens/LockScreen.tsx';
import { LogScreen } from './screens/LogScreen.tsx';
import { ManualEntryScreen } from './screens/ManualEntryScreen.tsx';
import { ReviewScreen } from './screens/ReviewScreen.tsx';
import { RulesScreen } from './screens/RulesScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';
import { WaitingScreen } from './screens/WaitingScreen.tsx';
import { useCardState } from './useCardState.ts';
import { useErrorText } from './components/errorText.ts';

type Screen = 'waiting' | 'capture' | 'file' | 'review' | 'manual' | 'check' | 'log' | 'rules' | 'settings';

const typing = (e: KeyboardEvent) => e.target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName);

export function App(props: { api: UketsukeApi | undefined }) {
  const { api } = props;
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [staffList, setStaffList] = useState<Staff[]>([]);
  const [error, setError] = useState<string | null>(api ? null : t('app.noBridge'));
  const [screen, setScreen] = useState<Screen>('waiting');
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [scan, setScan] = useState<ScanView | null>(null);
  const [busy, setBusy] = useState(false);
  const [evaluated, setEvaluated] = useState<{ for: Situation; verdict: Verdict | null; error: string | null } | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const cardState = useCardState(api);
  const seenPlacement = useRef<number>(0);
  const lastInput = useRef(0);

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

  // A placed card joins the check (a pulled card stays on screen: no flicker when it comes back).
  const card = cardState?.card ?? null;
  useEffect(() => {
    if (!card || card.phase !== 'ready' || !card.status || card.placement === seenPlacement.current) return;
    seenPlacement.current = card.placement;
    setDraft((d) => addDocument(d, { kind: card.status!.document?.kind ?? 'mynumber_card', source: 'card', values: {}, card: { view: card.status!, placement: card.placement } }));
    setScreen((s) => (s === 'waiting' || s === 'check' ? 'check' : s));
  }, [card]);

  const situation = useMemo(() => (info && settings ? toSituation(draft, info.today, settings.facility) : null), [draft, info, settings]);
  useEffect(() => {
    if (!api || !situation) return;
    let current = true;
    api.evaluate(situation).then(
      (verdict) => current && setEvaluated({ for: situation, verdict, error: null }),
      (e: Error) => current && setEvaluated({ for: situation, verdict: null, error: say(e) }),
    );
    return () => {
      current = false;
    };
  }, [api, situation, say]);
  // Only the verdict for the facts on screen counts; a stale one is never shown.
  const verdict = evaluated && evaluated.for === situation ? evaluated.verdict : null;
  const verdictError = evaluated && evaluated.for === situation ? evaluated.error : null;

  const reset = useCallback(() => {
    setDraft(emptyDraft());
    setScan(null);
    setScreen('waiting');
  }, []);

  // Esc steps back: from a sub-screen to the check in progress, from the check (not finished, so
  // nothing was logged) to a fresh waiting screen for the next patient.
  const back = useCallback(() => {
    setError(null);
    if (screen === 'check') return reset();
    setScreen((s) => (s === 'waiting' ? s : (s === 'review' || s === 'manual' || s === 'capture' || s === 'file') && draft.documents.length > 0 ? 'check' : 'waiting'));
  }, [draft.documents.length, screen, reset]);

  useEffect(() => {
    lastInput.current = Date.now();
    const onKey = (e: KeyboardEvent) => {
      lastInput.current = Date.now();
      if (e.key === 'Escape') return back();
      if (screen !== 'waiting' || typing(e)) return;
      if (e.key === '1') setScreen('capture');
      if (e.key === '2') setScreen('file');
      if (e.key === '3') setScreen('manual');
    };
    const onPointer = () => (lastInput.current = Date.now());
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [back, screen]);

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
    api.scan({ image: base64 }).then(
      (r) => {
        setScan(r);
        setScreen('review');
      },
      fail,
    ).finally(() => setBusy(false));
  };

  const addPaper = (kind: DocumentKind, values: FieldValues, source: 'ocr' | 'manual') => {
    setDraft((d) => addDocument(d, { kind, source, values }));
    setScreen('check');
  };

  const finish = () => {
    if (!api || !situation) return;
    setBusy(true);
    api
      .finishCheck({ situation, documents: toLoggedDocuments(draft), ...(draft.patient.name ? { patientName: draft.patient.name } : {}) })
      .then((r) => {
        setToast(r.id !== null ? t('check.saved') : t('check.notSaved', { problem: t(r.problemCode ? `error.store.${r.problemCode}` : 'error.unknown') }));
        setTimeout(() => setToast(null), r.id !== null ? 2500 : 10_000);
        reset();
      }, fail)
      .finally(() => setBusy(false));
  };

  const verifyPin: VerifyPinStep = async (step, pin, force) => {
    if (!api || !card) return;
    const view = await api.verifyPin({ placement: card.placement, step, pin, force });
    setDraft((d) => addDocument(d, { kind: view.document?.kind ?? 'mynumber_card', source: 'card', values: {}, card: { view, placement: card.placement } }));
  };

  const locked = session?.hasStaff === true && !session.staff;
  const paperValues = draft.documents.find((d) => !d.card && d.values.insurerNumber)?.values ?? {};

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
  else if (screen === 'capture' || screen === 'file') body = <CaptureScreen cameraId={settings.cameraId} startWithFile={screen === 'file'} busy={busy} onImage={onImage} />;
  else if (screen === 'review' && scan) body = <ReviewScreen scan={scan} onUse={(k, v) => addPaper(k, v, 'ocr')} />;
  else if (screen === 'manual') body = <ManualEntryScreen onAdd={(k, v) => addPaper(k, v, 'manual')} />;
  else if (screen === 'check')
    body = (
      <CheckScreen
        draft={draft}
        today={info.today}
        verdict={verdict}
        verdictError={verdictError}
        busy={busy}
        onPatient={(p) => setDraft((d) => ({ ...d, patient: p }))}
        onRemove={(id) => setDraft((d) => removeDocument(d, id))}
        onAddPaper={() => setScreen('manual')}
        onFinish={finish}
        {...(card?.phase === 'ready' ? { onVerifyPin: verifyPin } : {})}
        onPrintDeclaration={() => window.print()}
      />
    );
  else if (screen === 'rules') body = <RulesScreen api={api} />;
  else if (screen === 'log') body = <LogScreen api={api} today={info.today} staff={session?.staff ?? null} hasStaff={session?.hasStaff ?? false} />;
  else if (screen === 'settings')
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
        cardError={card?.phase === 'error' ? t(`card.errors.${card.error ?? 'protocol'}`) : card?.phase === 'reading' ? t('card.reading') : undefined}
        onCamera={() => setScreen('capture')}
        onFile={() => setScreen('file')}
        onManual={() => setScreen('manual')}
      />
    );

  return (
    <div className="app">
      <header className="no-print">
        <h1>{settings?.facilityName ? `${t('app.title')} · ${settings.facilityName}` : t('app.title')}</h1>
        {!locked && info && (
          <nav>
            {screen !== 'waiting' && (
              <button type="button" onClick={back}>
                ← {t('nav.back')}
              </button>
            )}
            <button type="button" onClick={() => setScreen('log')}>
              {t('nav.log')}
            </button>
            <button type="button" onClick={() => setScreen('rules')}>
              {t('nav.rules')}
            </button>
            <button type="button" onClick={() => setScreen('settings')}>
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
      <main className="no-print">
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
      {info && settings && verdict?.fallback === 'declaration' && screen === 'check' && (
        <DeclarationSheet date={info.today} name={draft.patient.name} birthDate={draft.patient.birthDate} values={paperValues} facilityName={settings.facilityName} />
      )}
      <footer className="status no-print">{info && t('verdict.rulebook', { version: info.rulebookVersion }) + ` · v${info.appVersion}`}</footer>
    </div>
  );
}
