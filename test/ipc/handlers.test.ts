/**
 * The IPC layer on the real services. Electron's ipcMain cannot run here, so registration is
 * exercised with a stand-in that records handlers; the dispatch it registers is the real one,
 * tested directly above it.
 */
import type { IpcMain } from 'electron';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/composition.ts';
import { createHandlers, dispatch } from '../../src/main/ipc/handlers.ts';
import { registerIpc } from '../../src/main/ipc/register.ts';
import { CHANNELS, CONTRACT } from '../../src/shared/ipc/contract.ts';

const services = createServices({ dataDir: mkdtempSync(join(tmpdir(), 'uketsuke-ipc-')) });
const handlers = createHandlers(services, { appVersion: '0.1.0-test', mode: 'electron' });
afterAll(() => services.close());
const situation = {
  date: '2026-11-22',
  facility: { onlineCheck: 'unavailable', smartphoneReader: false },
  patient: { birthDate: '1980-05-05', insurerType: 'kokuho' },
  documents: [{ kind: 'qualification_certificate', expiry: '2027-07-31' }],
};

describe('dispatch (real services)', () => {
  it('answers a valid evaluate with a verdict that satisfies the contract', async () => {
    const result = await dispatch(handlers, 'rules:evaluate', situation);
    expect(result.ok).toBe(true);
    if (result.ok) expect(CONTRACT['rules:evaluate'].response.parse(result.value).decision).toBe('accept');
  });

  it('answers app:info', async () => {
    const result = await dispatch(handlers, 'app:info', undefined);
    expect(result).toEqual({
      ok: true,
      value: {
        appVersion: '0.1.0-test',
        rulebookVersion: expect.stringMatching(/^jp\.uketsuke\.national@\d{4}\./),
        mode: 'electron',
        today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        store: { mode: 'normal' },
      },
    });
  });

  it('refuses an invalid request with one clear message, never throwing', async () => {
    const result = await dispatch(handlers, 'rules:evaluate', { ...situation, documents: [{ kind: 'nope' }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^invalid request for rules:evaluate: documents\[0\]\.kind/);
    if (!result.ok) expect(result.code).toBe('error.invalidRequest');
    // An empty image is said as an image the screens could not send, not as a schema message.
    expect(await dispatch(handlers, 'ocr:scan', { image: '' })).toMatchObject({
      ok: false,
      code: 'error.invalidImage',
    });
    const junk = await dispatch(handlers, 'rules:evaluate', '"; DROP TABLE');
    expect(junk.ok).toBe(false);
  });

  it('a PIN request names its step (one PIN per key); without a card it is one coded message', async () => {
    // No card reader at this desk: these calls never open PC/SC (nor take a card from a card test).
    const noReader = createServices({ dataDir: mkdtempSync(join(tmpdir(), 'uketsuke-ipc-')), noReader: true });
    const h = createHandlers(noReader, { appVersion: 't', mode: 'browser' });
    try {
      const unnamed = await dispatch(h, 'card:verifyPin', { placement: 1, pin: '1234', force: false });
      expect(unnamed).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^invalid request for card:verifyPin: step/),
      });
      const other = await dispatch(h, 'card:verifyPin', { placement: 1, step: 'signature', pin: '1234', force: false });
      expect(other.ok).toBe(false);
      expect(
        await dispatch(h, 'card:verifyPin', { placement: 1, step: 'basicInfo', pin: '1234', force: false }),
      ).toEqual({ ok: false, error: 'card.errors.gone' });
      expect(await dispatch(h, 'card:state', undefined)).toMatchObject({
        ok: true,
        value: { service: 'disabled', readers: [], card: null },
      });
    } finally {
      await noReader.close();
    }
  });

  it('hides internal errors behind a plain message', async () => {
    const broken = {
      ...handlers,
      'app:info': () => {
        throw new Error('secret stack detail');
      },
    };
    const errors: unknown[] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      const result = await dispatch(broken, 'app:info', undefined);
      expect(result).toEqual({ ok: false, error: expect.not.stringContaining('secret'), code: 'error.internal' });
    } finally {
      console.error = orig;
    }
    expect(errors).toHaveLength(1);
  });
});

describe('registerIpc (stand-in ipcMain)', () => {
  type Listener = (event: { senderFrame: { url: string } | null }, request: unknown) => unknown;
  const registered = new Map<string, Listener>();
  const fakeIpcMain = {
    handle: (channel: string, listener: Listener) => registered.set(channel, listener),
  } as unknown as IpcMain;
  const appUrl = 'file:///opt/uketsuke/out/renderer/index.html';
  registerIpc(fakeIpcMain, handlers, (url) => url === appUrl);

  it('registers every channel of the contract', () => {
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('serves the app page and refuses any other sender', async () => {
    const evaluate = registered.get('rules:evaluate')!;
    expect(await evaluate({ senderFrame: { url: appUrl } }, situation)).toMatchObject({ ok: true });
    expect(await evaluate({ senderFrame: { url: 'https://evil.example/' } }, situation)).toEqual({
      ok: false,
      error: expect.stringMatching(/refused/),
    });
    expect(await evaluate({ senderFrame: null }, situation)).toMatchObject({ ok: false });
  });
});
