// @vitest-environment jsdom
/** Each screen on its own, with real data shapes (and, for the log and settings, the real services in-process). */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createServices } from '../../src/main/composition.ts';
import { createHandlers, dispatch } from '../../src/main/ipc/handlers.ts';
import { CardPanel } from '../../src/renderer/src/screens/CardPanel.tsx';
import { CheckScreen } from '../../src/renderer/src/screens/CheckScreen.tsx';
import { LockScreen } from '../../src/renderer/src/screens/LockScreen.tsx';
import { LogScreen } from '../../src/renderer/src/screens/LogScreen.tsx';
import { ManualEntryScreen } from '../../src/renderer/src/screens/ManualEntryScreen.tsx';
import { ReviewScreen } from '../../src/renderer/src/screens/ReviewScreen.tsx';
import { RulesScreen } from '../../src/renderer/src/screens/RulesScreen.tsx';
import { SettingsScreen } from '../../src/renderer/src/screens/SettingsScreen.tsx';
import { WaitingScreen } from '../../src/renderer/src/screens/WaitingScreen.tsx';
import { contradictionsOf, newCheck, patientFacts, withDocument } from '../../src/renderer/src/desk/check.ts';
import { buildApi } from '../../src/shared/ipc/build-api.ts';
import type { AppInfo } from '../../src/shared/ipc/contract.ts';
import type { CardState, CardView, ScanView } from '../../src/shared/ipc/views.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/store/records.ts';
import { renderScreen } from './render.tsx';
import { DATE, SITUATIONS, verdictFor } from './verdicts.ts';

afterEach(cleanup);

const info: AppInfo = {
  appVersion: 't',
  rulebookVersion: 'r',
  mode: 'browser',
  today: DATE,
  store: { mode: 'normal' },
};
const noop = () => undefined;
const state = (patch: Partial<CardState>): CardState => ({
  seq: 1,
  service: 'running',
  readers: ['Reader A'],
  card: null,
  ...patch,
});
const cardView = (patch: Partial<CardView> = {}): CardView => ({
  kind: 'mynumber_card',
  certificateExpiry: '2029-05-01',
  certificateStatus: 'valid',
  chain: 'trusted',
  pinTriesLeft: { auth: 3, basicInfo: 3 },
  document: { kind: 'mynumber_card', certificateExpiry: '2029-05-01' },
  warnings: [],
  ...patch,
});

describe('WaitingScreen', () => {
  it('asks for the card or a document, and says the reader is ready', () => {
    renderScreen(
      <WaitingScreen
        info={info}
        cardState={state({})}
        settings={DEFAULT_SETTINGS}
        onCamera={noop}
        onFile={noop}
        onManual={noop}
        pending={null}
        onResume={noop}
        onAbandon={noop}
      />,
    );
    expect(screen.getByText('マイナ保険証をカードリーダーに置くか、書類を撮影・スキャンしてください')).toBeTruthy();
    expect(screen.getByTestId('reader-status').textContent).toBe('カードリーダー準備完了: Reader A');
    expect(screen.getByText(/オンライン資格確認: なし/)).toBeTruthy();
  });

  it.each([
    [state({ service: 'no_service', readers: [] }), 'カードリーダーのサービス（PC/SC）が動いていません'],
    [state({ service: 'disabled', readers: [] }), 'カードリーダーを使わない設定'],
    [state({ readers: [] }), 'カードリーダーが接続されていません'],
    [null, '確認しています'],
  ])('reader trouble is said plainly (%#)', (s, words) => {
    renderScreen(
      <WaitingScreen
        info={info}
        cardState={s}
        settings={DEFAULT_SETTINGS}
        onCamera={noop}
        onFile={noop}
        onManual={noop}
        pending={null}
        onResume={noop}
        onAbandon={noop}
      />,
    );
    expect(screen.getByTestId('reader-status').textContent).toContain(words);
  });

  it('shows a card error and a check log that cannot be written', () => {
    renderScreen(
      <WaitingScreen
        info={{
          ...info,
          store: { mode: 'read_only', problem: 'the check log file is damaged', problemCode: 'corrupt' },
        }}
        cardState={state({})}
        settings={DEFAULT_SETTINGS}
        cardError="カードが読み取り中に抜かれました"
        onCamera={noop}
        onFile={noop}
        onManual={noop}
        pending={null}
        onResume={noop}
        onAbandon={noop}
      />,
    );
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual([
      'カードが読み取り中に抜かれました',
      '記録の保存ができません: 記録のファイルが壊れています。管理者に連絡してください',
    ]);
  });

  it('the three ways in are buttons with their number keys', () => {
    const onManual = vi.fn();
    renderScreen(
      <WaitingScreen
        info={info}
        cardState={state({})}
        settings={DEFAULT_SETTINGS}
        onCamera={noop}
        onFile={noop}
        onManual={onManual}
        pending={null}
        onResume={noop}
        onAbandon={noop}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: /3\s*手で入力/ }));
    expect(onManual).toHaveBeenCalledOnce();
  });
});

describe('CardPanel', () => {
  it('valid, grace and expired certificates, tries left, genuineness unknown without PIN', () => {
    renderScreen(<CardPanel view={cardView()} />);
    expect(screen.getByTestId('card-panel').textContent).toContain('有効（令和11年5月1日まで）');
    expect(screen.getByTestId('card-panel').textContent).toContain('PIN残り回数: 利用者証明 3');
    expect(screen.getByTestId('card-panel').textContent).toContain('真正性は未確認');
    cleanup();
    renderScreen(<CardPanel view={cardView({ certificateStatus: 'grace', graceUntil: '2026-12-31' })} />);
    expect(screen.getByTestId('card-panel').textContent).toContain('猶予期間中（令和8年12月31日まで使えます）');
  });

  it('two PIN steps, each with its own entry and button: genuineness (利用者証明用) and the 基本4情報 (券面事項入力補助用)', async () => {
    const verify = vi.fn(() => Promise.resolve());
    renderScreen(<CardPanel view={cardView()} onVerifyPin={verify} />);
    expect(screen.getByTestId('pin-step-auth').textContent).toContain('利用者証明用');
    expect(screen.getByTestId('pin-step-basicInfo').textContent).toContain('券面事項入力補助用');
    fireEvent.change(screen.getByLabelText(/真正性の確認/), { target: { value: '1234' } });
    fireEvent.click(screen.getByRole('button', { name: '真正性を確認' }));
    await waitFor(() => expect(verify).toHaveBeenCalledWith('auth', '1234', false));
    fireEvent.change(screen.getByLabelText(/基本4情報の読み取り/), { target: { value: '5678' } });
    // Enter runs the step (and never the check screen's finish).
    fireEvent.keyDown(screen.getByLabelText(/基本4情報の読み取り/), { key: 'Enter' });
    await waitFor(() => expect(verify).toHaveBeenCalledWith('basicInfo', '5678', false));
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('with one try left on one key only, that step alone needs the staff confirmation', async () => {
    const verify = vi.fn(() => Promise.resolve());
    renderScreen(<CardPanel view={cardView({ pinTriesLeft: { auth: 1, basicInfo: 3 } })} onVerifyPin={verify} />);
    fireEvent.change(screen.getByLabelText(/真正性の確認/), { target: { value: '1234' } });
    fireEvent.change(screen.getByLabelText(/基本4情報の読み取り/), { target: { value: '1234' } });
    const auth = screen.getByRole('button', { name: '真正性を確認' }) as HTMLButtonElement;
    expect(auth.disabled).toBe(true);
    expect((screen.getByRole('button', { name: '基本4情報を読む' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getAllByLabelText(/残り1回です/)).toHaveLength(1);
    fireEvent.click(screen.getByLabelText(/残り1回です/));
    expect(auth.disabled).toBe(false);
    fireEvent.click(auth);
    await waitFor(() => expect(verify).toHaveBeenCalledWith('auth', '1234', true));
  });

  it('a step done or failed keeps the other: genuineness shown, the 基本4情報 error said for its step only', () => {
    renderScreen(
      <CardPanel
        view={cardView({
          genuine: true,
          pinTriesLeft: { auth: 3, basicInfo: 2 },
          pinErrors: { basicInfo: { code: 'wrong_pin', triesLeft: 2 } },
        })}
        onVerifyPin={() => Promise.resolve()}
      />,
    );
    expect(screen.getByTestId('card-genuine').textContent).toBe('本物のカードと確認しました');
    expect(screen.queryByTestId('pin-step-auth')).toBeNull();
    expect(screen.getByTestId('pin-step-basicInfo').textContent).toContain('暗証番号が違います（残り2回）');
  });

  it('a last try that was wrong: the key is blocked, its entry gone, the message stays', () => {
    renderScreen(
      <CardPanel
        view={cardView({
          pinTriesLeft: { auth: 0, basicInfo: 3 },
          pinErrors: { auth: { code: 'blocked', triesLeft: 0 } },
        })}
        onVerifyPin={() => Promise.resolve()}
      />,
    );
    expect(screen.queryByTestId('pin-step-auth')).toBeNull();
    expect(screen.getByTestId('pin-step-auth-closed').textContent).toContain('ロックされています');
  });

  it('a blocked PIN offers no entry for its key; a reader failure is one message in Japanese', async () => {
    renderScreen(
      <CardPanel view={cardView({ pinTriesLeft: { auth: 0, basicInfo: 3 } })} onVerifyPin={() => Promise.resolve()} />,
    );
    expect(screen.queryByTestId('pin-step-auth')).toBeNull();
    expect(screen.getByTestId('pin-step-basicInfo')).toBeTruthy();
    cleanup();
    renderScreen(<CardPanel view={cardView()} onVerifyPin={() => Promise.reject(new Error('card.errors.removed'))} />);
    fireEvent.change(screen.getByLabelText(/真正性の確認/), { target: { value: '9999' } });
    fireEvent.click(screen.getByRole('button', { name: '真正性を確認' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'カードが読み取り中に抜かれました。もう一度置いてください',
    );
  });

  it('warnings are words in the screen language, never the codes; a 住基カード offers no PIN step', () => {
    renderScreen(
      <CardPanel
        view={cardView({
          kind: 'juki_card',
          pinTriesLeft: { auth: null, basicInfo: null },
          warnings: ['juki_card', 'auth_certificate_missing'],
        })}
        onVerifyPin={() => Promise.resolve()}
      />,
    );
    const text = screen.getByTestId('card-panel').textContent ?? '';
    expect(text).toContain('住民基本台帳カードは保険証として使えません');
    expect(text).toContain('利用者証明用電子証明書が入っていません');
    expect(text).not.toMatch(/[A-Za-z]{4,}/);
    expect(screen.queryByTestId('pin-step-auth')).toBeNull();
  });
});

const scan: ScanView = {
  id: 's0123456789abcdef',
  kind: 'qualification_certificate',
  confidence: 0.95,
  fields: {
    name: '太田 悠真',
    birthDate: '1969-08-07',
    insurerNumber: '01460014',
    expiry: '2030-06-22',
    burdenRatio: 0.3,
  },
  fieldConfidence: { name: 0.9, birthDate: 0.95, insurerNumber: 0.5, expiry: 0.6 },
  confirm: ['insurerNumber', 'expiry'],
  warnings: [{ code: 'ocr.insurerNumberCheckDigit', params: { number: '01460014' } }],
  image: 'data:image/jpeg;base64,AAAA',
  ms: 900,
};

describe('ReviewScreen', () => {
  it('marks low-confidence fields and a failing 検証番号, and hands over the corrected values', () => {
    const onUse = vi.fn();
    renderScreen(<ReviewScreen scan={scan} onUse={onUse} />);
    const unsure = [...document.querySelectorAll('.field.unsure')].map((f) => f.getAttribute('data-field'));
    expect(unsure).toEqual(['insurerNumber', 'expiry']);
    expect(document.querySelector('.field.bad')?.getAttribute('data-field')).toBe('insurerNumber');
    expect(screen.getByText('保険者番号の検証番号が合いません。書類を見直してください')).toBeTruthy();
    expect(screen.getByRole('list', { name: '注意' }).textContent).toBe(
      '保険者番号 01460014 の検証番号が合いません。書類で確かめてください',
    );
    fireEvent.change(screen.getByLabelText(/保険者番号/), { target: { value: '01460013' } });
    expect(document.querySelector('.field.bad')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /この内容で確定/ }));
    expect(onUse).toHaveBeenCalledWith(
      'qualification_certificate',
      expect.objectContaining({ insurerNumber: '01460013', burdenRatio: '0.3', expiry: '2030-06-22' }),
    );
  });

  it('an unrecognised document must get its kind from staff first', () => {
    renderScreen(<ReviewScreen scan={{ ...scan, kind: 'unknown', confidence: 0.2 }} onUse={noop} />);
    expect((screen.getByRole('button', { name: /この内容で確定/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/書類の種類/), { target: { value: 'qualification_notice' } });
    expect((screen.getByRole('button', { name: /この内容で確定/ }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('ManualEntryScreen', () => {
  it('shows the fields of the chosen kind and adds the document', () => {
    const onAdd = vi.fn();
    renderScreen(<ManualEntryScreen onAdd={onAdd} />);
    fireEvent.change(screen.getByLabelText('書類の種類'), { target: { value: 'portal_screen' } });
    expect(screen.getByLabelText('表示のかたち')).toBeTruthy();
    expect(screen.queryByLabelText('有効期限')).toBeNull();
    fireEvent.change(screen.getByLabelText('表示のかたち'), { target: { value: 'pdf' } });
    fireEvent.click(screen.getByRole('button', { name: /追加する/ }));
    expect(onAdd).toHaveBeenCalledWith('portal_screen', { format: 'pdf' });
  });
});

describe('CheckScreen', () => {
  const check = withDocument(newCheck(), {
    kind: 'qualification_certificate',
    source: 'manual',
    values: {
      name: '受付 花子',
      birthDate: '1980-05-01',
      insurerNumber: '138602',
      expiry: '2027-07-31',
      burdenRatio: '0.3',
    },
  });
  const props = {
    check,
    facts: patientFacts(check),
    contradictions: [],
    today: DATE,
    needs: [],
    canFinish: true,
    onFacts: noop,
    onRemove: noop,
    onAddPaper: noop,
    onScanPaper: noop,
    onFinish: noop,
    onPrintDeclaration: noop,
  };

  it('fills the patient from the document and shows the verdict; Enter finishes', () => {
    const onFinish = vi.fn();
    renderScreen(<CheckScreen {...props} verdict={verdictFor('accept')} onFinish={onFinish} />);
    expect((screen.getByLabelText(/氏名（記録/) as HTMLInputElement).value).toBe('受付 花子');
    expect((screen.getByLabelText('保険の種類') as HTMLSelectElement).value).toBe('kokuho');
    expect(screen.getByText('46歳')).toBeTruthy();
    expect(screen.getByTestId('verdict').getAttribute('data-decision')).toBe('accept');
    fireEvent.submit(screen.getByRole('button', { name: /完了して記録/ }).closest('form')!);
    expect(onFinish).toHaveBeenCalledOnce();
  });

  it('Tab reaches the patient fields first, and the fields of each document before its 外す', () => {
    renderScreen(<CheckScreen {...props} verdict={verdictFor('accept')} />);
    const focusable = [
      ...document.querySelectorAll<HTMLElement>(
        'form.check button, form.check input, form.check select, form.check summary',
      ),
    ];
    expect(focusable[0]?.id).toBe('patient-name');
    const item = document.querySelector('.documents li')!;
    const inItem = [...item.querySelectorAll('button, input, select')];
    expect(inItem.at(-1)?.textContent).toBe('外す');
  });

  it('two documents that disagree stand on top, naming both values and both documents in Japanese', () => {
    let two = withDocument(newCheck(), {
      kind: 'qualification_certificate',
      source: 'manual',
      values: { name: '受付 花子', birthDate: '1980-05-05', insurerNumber: '138602' },
    });
    two = withDocument(two, {
      kind: 'qualification_notice',
      source: 'ocr',
      values: { name: '受付 花子', birthDate: '1981-05-05', insurerNumber: '138602' },
    });
    renderScreen(
      <CheckScreen
        {...props}
        check={two}
        facts={patientFacts(two)}
        contradictions={contradictionsOf(two, DATE)}
        verdict={verdictFor('accept')}
      />,
    );
    expect(screen.getByTestId('contradictions').textContent).toBe(
      '生年月日が一致しません：資格確認書 昭和55年5月5日／お知らせ 昭和56年5月5日',
    );
  });

  it('without a verdict it names the facts the decision needs, and Enter goes to the first of them', () => {
    const onFinish = vi.fn();
    renderScreen(
      <CheckScreen
        {...props}
        facts={{ ...props.facts, birthDate: '', insurerType: '' }}
        verdict={null}
        needs={['birthDate', 'insurerType']}
        canFinish={false}
        onFinish={onFinish}
      />,
    );
    expect(screen.getByTestId('verdict-pending').textContent).toBe('判定には生年月日と保険の種類が必要です');
    fireEvent.submit(screen.getByRole('button', { name: /完了して記録/ }).closest('form')!);
    expect(onFinish).not.toHaveBeenCalled();
    expect(document.activeElement?.id).toBe('patient-birth');
  });
});

describe('LockScreen', () => {
  it('asks who and the PIN; a wrong PIN says so and clears the field', async () => {
    const onUnlock = vi.fn(() => Promise.reject(new Error('PINが違います')));
    renderScreen(<LockScreen staff={[{ id: 1, name: '管理', role: 'admin' }]} onUnlock={onUnlock} />);
    fireEvent.change(screen.getByLabelText('PIN'), { target: { value: '0000' } });
    fireEvent.click(screen.getByRole('button', { name: /ロック解除/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('PINが違います');
    expect((screen.getByLabelText('PIN') as HTMLInputElement).value).toBe('');
    expect(onUnlock).toHaveBeenCalledWith(1, '0000');
  });
});

describe('LogScreen and SettingsScreen on the real services', () => {
  // jsdom gives modules http: URLs, so the resources folder is named explicitly.
  const services = createServices({
    resourcesDir: join(process.cwd(), 'resources'),
    dataDir: mkdtempSync(join(tmpdir(), 'uketsuke-screens-')),
  });
  const handlers = createHandlers(services, { appVersion: 't', mode: 'browser' });
  const api = buildApi((channel, request) => dispatch(handlers, channel, request));
  afterAll(() => services.close());

  it('the log lists the day’s checks', async () => {
    await api.finishCheck({
      situation: SITUATIONS.accept,
      documents: [{ kind: 'qualification_certificate', source: 'manual', fields: { insurerNumber: '138602' } }],
      patientName: '受付 花子',
    });
    // The log searches "today" in Japan; the fixture check is dated DATE, the entry by its time.
    renderScreen(
      <LogScreen
        api={api}
        today={new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10)}
        staff={null}
        hasStaff={false}
      />,
    );
    await waitFor(() => expect(document.querySelectorAll('table.entries tbody tr')).toHaveLength(1));
    expect(document.querySelector('table.entries tbody tr')?.textContent).toContain('受付 花子');
    // Dates in 和暦, never ISO.
    expect(document.querySelector('table.entries tbody tr')?.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(screen.getByRole('button', { name: /CSVで書き出す/ })).toBeTruthy();
  });

  it('the rules viewer lists the rules in force with their sources as text, and filters', async () => {
    renderScreen(<RulesScreen api={api} />);
    await waitFor(() => expect(screen.getByTestId('active-pack').textContent).toContain('jp.uketsuke.national'));
    expect(screen.getByTestId('active-pack').textContent).toMatch(/令和\d+年\d+月\d+日/);
    const all = document.querySelectorAll('.rule-list > li').length;
    expect(all).toBeGreaterThan(20);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    expect(document.querySelector('.sources .url')?.textContent).toMatch(/https?:\/\//);
    fireEvent.change(screen.getByLabelText('書類の種類'), { target: { value: 'legacy_insurance_card' } });
    await waitFor(() => expect(document.querySelectorAll('.rule-list > li').length).toBeLessThan(all));
  });

  it('settings save through the contract', async () => {
    const onSaved = vi.fn();
    renderScreen(
      <SettingsScreen
        api={api}
        settings={DEFAULT_SETTINGS}
        readers={['Reader A']}
        hasStaff={false}
        onSaved={onSaved}
        onStaffChanged={noop}
      />,
    );
    fireEvent.click(screen.getByLabelText(/あり/));
    fireEvent.change(screen.getByLabelText('カードリーダー'), { target: { value: 'Reader A' } });
    fireEvent.click(screen.getByRole('button', { name: /保存/ }));
    await waitFor(() =>
      expect(onSaved).toHaveBeenCalledWith(
        expect.objectContaining({
          facility: { onlineCheck: 'available', smartphoneReader: false },
          readerName: 'Reader A',
        }),
      ),
    );
    expect(services.store.getSettings().readerName).toBe('Reader A');
    expect(screen.getByText('まず管理者アカウントを作ってください（作るまで画面はロックされません）')).toBeTruthy();
  });
});
